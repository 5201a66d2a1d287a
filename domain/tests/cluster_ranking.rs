//! Leaderboards: clusters ranked by a metric, best first, in a region or the whole
//! organization; clusters without a number come last and unranked. On every test
//! database, over the hand-made fixture (values worked out by hand in `kpi_metrics.rs`).

mod support;

use domain::cluster_ranking::ClusterRanking;
use domain::cluster_scorecard::ValueBasis;
use kpi::{FiscalYearStart, MetricKey, Period, RegionId};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn key(text: &str) -> MetricKey {
    MetricKey::parse(text).expect("key")
}

fn year_2025() -> Period {
    Period::parse("2025", FiscalYearStart::default()).expect("period")
}

#[tokio::test]
async fn ranks_best_first_in_the_organization_and_in_a_region() {
    for db in kpi_fixture::computed().await {
        // active_member_share 2025: A 3/4, B 1, C 0.
        let ranking = ClusterRanking::rank(
            &db.conn,
            &key("active_member_share"),
            year_2025(),
            None,
            ValueBasis::All,
        )
        .await
        .expect("ranking");
        let order: Vec<(&str, Option<u32>)> = ranking
            .clusters
            .iter()
            .map(|c| (c.code.as_str(), c.rank))
            .collect();
        assert_eq!(
            order,
            [("B", Some(1)), ("A", Some(2)), ("C", Some(3))],
            "{}",
            db.name
        );
        assert_eq!(ranking.unit, "percent", "{}", db.name);

        let north = ClusterRanking::rank(
            &db.conn,
            &key("active_member_share"),
            year_2025(),
            Some(RegionId(1)),
            ValueBasis::All,
        )
        .await
        .expect("ranking");
        let codes: Vec<&str> = north.clusters.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["B", "A"], "{}", db.name);
        assert!(
            north.clusters.iter().all(|c| c.region_name == "North"),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn clusters_without_a_number_come_last_unranked() {
    for db in kpi_fixture::computed().await {
        // net_growth 2025: A 1/3, B -1/3, C none (nothing to divide by).
        let ranking = ClusterRanking::rank(
            &db.conn,
            &key("net_growth"),
            year_2025(),
            None,
            ValueBasis::All,
        )
        .await
        .expect("ranking");
        let order: Vec<(&str, Option<u32>)> = ranking
            .clusters
            .iter()
            .map(|c| (c.code.as_str(), c.rank))
            .collect();
        assert_eq!(
            order,
            [("A", Some(1)), ("B", Some(2)), ("C", None)],
            "{}",
            db.name
        );
        assert_eq!(
            ranking.clusters[2].signal, None,
            "{}: no data, no signal",
            db.name
        );

        // Nothing is validated yet: validated-only ranks no one.
        let validated = ClusterRanking::rank(
            &db.conn,
            &key("net_growth"),
            year_2025(),
            None,
            ValueBasis::ValidatedOnly,
        )
        .await
        .expect("ranking");
        assert!(
            validated.clusters.iter().all(|c| c.rank.is_none()),
            "{}",
            db.name
        );

        let unknown = ClusterRanking::rank(
            &db.conn,
            &key("no_such_metric"),
            year_2025(),
            None,
            ValueBasis::All,
        )
        .await;
        assert!(unknown.is_err(), "{}", db.name);
    }
}
