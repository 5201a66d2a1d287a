//! A cluster's scorecard: the obligatory metrics plus the optional ones the leader chose,
//! each with the number that counts, the signal and thresholds in effect, the gap to the
//! next signal, comparisons and a trend; validated-only hides undecided numbers. On every
//! test database, over the hand-made fixture (forum attendance of cluster A in 2025 is
//! 4 / 8, worked out by hand in `kpi_metrics.rs`).

mod support;

use chrono::NaiveDate;
use domain::cluster_scorecard::{ClusterScorecard, Scorecard, TREND_LENGTH, ValueBasis};
use domain::kpi_validation::{Decision, KpiValidation, ValueSelection};
use domain::metric_targets::{MetricTargets, PlanChange};
use domain::sea_orm::DatabaseConnection;
use kpi::{ClusterId, FiscalYearStart, MemberId, MetricKey, Period, RegionId, Signal};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn key(text: &str) -> MetricKey {
    MetricKey::parse(text).expect("key")
}

fn year_2025() -> Period {
    Period::parse("2025", FiscalYearStart::default()).expect("period")
}

async fn card(db: &DatabaseConnection, period: Period, basis: ValueBasis) -> Scorecard {
    ClusterScorecard::load(db, CLUSTER_A, period, basis)
        .await
        .expect("scorecard")
        .expect("cluster A exists")
}

fn line<'a>(
    card: &'a Scorecard,
    metric: &str,
) -> Option<&'a domain::cluster_scorecard::ScorecardLine> {
    card.lines.iter().find(|l| l.metric == key(metric))
}

#[tokio::test]
async fn shows_obligatory_metrics_with_signal_gap_and_trend() {
    for db in kpi_fixture::computed().await {
        let card = card(&db.conn, year_2025(), ValueBasis::All).await;
        assert_eq!(card.cluster.code, "A", "{}", db.name);
        assert_eq!(card.region.name, "North", "{}", db.name);
        // The catalogue's 27 obligatory metrics; no optional one is chosen yet.
        assert_eq!(card.lines.len(), 27, "{}", db.name);
        assert!(card.lines.iter().all(|l| l.obligatory), "{}", db.name);

        let forum = line(&card, "forum_attendance").expect("obligatory");
        assert_eq!(forum.value, Some(0.5), "{}", db.name);
        assert_eq!(forum.signal, Some(Signal::Red), "{}", db.name);
        assert_eq!(forum.thresholds.green(), 0.85, "{}", db.name);
        // Red at 50 %: amber starts at 70 %, 20 points away.
        let (next, amount) = forum.gap.expect("a gap below green");
        assert_eq!(next, Signal::Amber, "{}", db.name);
        assert!((amount - 0.2).abs() < 1e-9, "{}: {amount}", db.name);
        assert_eq!(forum.status.as_deref(), Some("computed"), "{}", db.name);

        // The trend ends with the period itself; the fixture has no forum meetings
        // before 2025, so the year before has no number rather than a zero.
        assert_eq!(forum.trend.len(), TREND_LENGTH as usize, "{}", db.name);
        let (last_period, last_value) = forum.trend.last().expect("points");
        assert_eq!(*last_period, year_2025(), "{}", db.name);
        assert_eq!(*last_value, Some(0.5), "{}", db.name);
        assert_eq!(
            forum.previous, forum.last_year,
            "{}: a year is its own previous",
            db.name
        );

        let completeness = card.completeness.expect("cluster A existed in 2025");
        assert_eq!(completeness.cluster, CLUSTER_A, "{}", db.name);
    }
}

#[tokio::test]
async fn the_plan_decides_lines_and_thresholds() {
    for db in kpi_fixture::computed().await {
        MetricTargets::save(
            &db.conn,
            CLUSTER_A,
            2025,
            &[
                PlanChange {
                    metric: key("forum_attendance"),
                    selected: true,
                    target: Some((0.5, 0.4)),
                },
                PlanChange {
                    metric: key("media_reach"),
                    selected: true,
                    target: None,
                },
            ],
        )
        .await
        .expect("saved");
        let card = card(&db.conn, year_2025(), ValueBasis::All).await;
        let forum = line(&card, "forum_attendance").expect("obligatory");
        assert_eq!(forum.signal, Some(Signal::Green), "{}", db.name);
        assert_eq!(forum.gap, None, "{}: nothing more to reach", db.name);
        let media = line(&card, "media_reach").expect("chosen");
        assert!(!media.obligatory, "{}", db.name);
        assert_eq!(card.lines.len(), 28, "{}", db.name);

        // A quarter pro-rates the yearly count thresholds of media reach (100,000 green).
        let quarter = Period::parse("2025-Q2", FiscalYearStart::default()).expect("period");
        let card = self::card(&db.conn, quarter, ValueBasis::All).await;
        let media = line(&card, "media_reach").expect("chosen");
        assert_eq!(media.thresholds.green(), 25_000.0, "{}", db.name);
    }
}

#[tokio::test]
async fn validated_only_counts_decided_values() {
    for db in kpi_fixture::computed().await {
        let only = card(&db.conn, year_2025(), ValueBasis::ValidatedOnly).await;
        let forum = line(&only, "forum_attendance").expect("obligatory");
        assert_eq!(forum.value, None, "{}: not yet validated", db.name);
        assert_eq!(forum.signal, None, "{}: no data is no signal", db.name);

        KpiValidation::decide(
            &db.conn,
            "staff@example.org",
            &ValueSelection {
                period: year_2025(),
                metric: Some(key("forum_attendance")),
                region: None,
                cluster: Some(CLUSTER_A),
                group: None,
                awaiting_only: true,
            },
            &Decision::Validate,
        )
        .await
        .expect("validated");
        let only = card(&db.conn, year_2025(), ValueBasis::ValidatedOnly).await;
        let forum = line(&only, "forum_attendance").expect("obligatory");
        assert_eq!(forum.value, Some(0.5), "{}", db.name);
        assert_eq!(forum.status.as_deref(), Some("validated"), "{}", db.name);
    }
}

#[tokio::test]
async fn finds_the_cluster_a_member_belongs_to_on_a_day() {
    for db in kpi_fixture::computed().await {
        // Member 5 moved from B to A on 1 April 2025; member 3 left A on 31 May 2025;
        // member 4 joined A on 10 February 2025.
        let of = |member, on| ClusterScorecard::cluster_of_member(&db.conn, MemberId(member), on);
        assert_eq!(
            of(5, day(2025, 2, 1)).await.expect("query"),
            Some((ClusterId(2), RegionId(1))),
            "{}",
            db.name
        );
        assert_eq!(
            of(5, day(2025, 6, 1)).await.expect("query"),
            Some((CLUSTER_A, RegionId(1))),
            "{}",
            db.name
        );
        // A lapsed member still belongs to their last cluster; before joining, to none.
        assert_eq!(
            of(3, day(2025, 6, 1)).await.expect("query"),
            Some((CLUSTER_A, RegionId(1))),
            "{}",
            db.name
        );
        assert_eq!(
            of(4, day(2025, 1, 1)).await.expect("query"),
            None,
            "{}",
            db.name
        );
        assert!(
            ClusterScorecard::load(&db.conn, ClusterId(99), year_2025(), ValueBasis::All)
                .await
                .expect("query")
                .is_none(),
            "{}",
            db.name
        );
    }
}
