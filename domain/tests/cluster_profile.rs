//! A cluster's profile: its numbers on one metric group beside the median of its region's
//! other clusters and of clusters of similar size. On every test database, over the
//! hand-made fixture (A and B in North, C alone in South; at the end of 2025 A has 4
//! members, B 2, C 1, so no cluster is within a fifth of another's size).

mod support;

use chrono::NaiveDate;
use domain::{
    cluster_profile::ClusterProfile, cluster_scorecard::ValueBasis,
    metric_catalogue::MetricCatalogue, period_signals::PeriodSignals,
};
use kpi::{ClusterId, FiscalYearStart, Period};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

#[tokio::test]
async fn a_profile_sets_the_cluster_beside_its_region_and_peers() {
    let year = Period::parse("2025", FiscalYearStart::default()).expect("period");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("day");
    for db in kpi_fixture::computed().await {
        let kept = PeriodSignals::default();
        let group = MetricCatalogue::all(&db.conn)
            .await
            .expect("catalogue")
            .into_iter()
            .find(|m| m.key.as_str() == "active_member_share")
            .expect("metric")
            .row
            .group_key;

        // active_member_share 2025: A 3/4, B 1, C 0.
        let a = ClusterProfile::load(
            &db.conn,
            &kept,
            ClusterId(1),
            year,
            &group,
            ValueBasis::All,
            today,
        )
        .await
        .expect("profile")
        .expect("cluster A");
        assert_eq!((a.region_clusters, a.peers), (1, 0), "{}", db.name);
        let axis = a
            .axes
            .iter()
            .find(|axis| axis.metric.as_str() == "active_member_share")
            .expect("axis");
        assert_eq!(axis.own, Some(0.75), "{}", db.name);
        assert_eq!(axis.region_median, Some(1.0), "{}: B's number", db.name);
        assert_eq!(axis.peer_median, None, "{}: no peers, no median", db.name);
        assert!(
            a.axes.iter().all(|axis| !axis.name.is_empty()),
            "{}",
            db.name
        );

        let c = ClusterProfile::load(
            &db.conn,
            &kept,
            ClusterId(3),
            year,
            &group,
            ValueBasis::All,
            today,
        )
        .await
        .expect("profile")
        .expect("cluster C");
        assert_eq!(c.region_clusters, 0, "{}: alone in South", db.name);
        let axis = c
            .axes
            .iter()
            .find(|axis| axis.metric.as_str() == "active_member_share")
            .expect("axis");
        assert_eq!(
            (axis.own, axis.region_median),
            (Some(0.0), None),
            "{}",
            db.name
        );

        // Nothing validated yet: validated-only counts nothing.
        let validated = ClusterProfile::load(
            &db.conn,
            &kept,
            ClusterId(1),
            year,
            &group,
            ValueBasis::ValidatedOnly,
            today,
        )
        .await
        .expect("profile")
        .expect("cluster A");
        assert!(
            validated.axes.iter().all(|axis| axis.own.is_none()),
            "{}",
            db.name
        );

        assert!(
            ClusterProfile::load(
                &db.conn,
                &kept,
                ClusterId(99),
                year,
                &group,
                ValueBasis::All,
                today
            )
            .await
            .expect("query")
            .is_none(),
            "{}: no such cluster",
            db.name
        );
    }
}
