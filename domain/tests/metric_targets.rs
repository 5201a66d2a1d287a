//! A cluster's plan for a year: targets override the default thresholds in the signals
//! at once; selections stay within the admin's limits; bad plans change nothing. On every
//! test database, over the hand-made fixture.

mod support;

use domain::DomainError;
use domain::kpi_values::{KpiFilter, KpiValues};
use domain::metric_targets::{MetricTargets, PlanChange};
use domain::sea_orm::DatabaseConnection;
use kpi::{ClusterId, FiscalYearStart, MetricKey, Period, ScopeKind, Signal};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

fn key(text: &str) -> MetricKey {
    MetricKey::parse(text).expect("key")
}

async fn signal_of_a(db: &DatabaseConnection, metric: &str) -> Option<Signal> {
    KpiValues::list(
        db,
        &KpiFilter {
            period: Some(Period::parse("2025", FiscalYearStart::default()).expect("period")),
            scope_kind: Some(ScopeKind::Cluster),
            metric: Some(key(metric)),
            cluster: Some(CLUSTER_A),
            ..KpiFilter::default()
        },
    )
    .await
    .expect("values")
    .first()
    .and_then(|row| row.signal)
}

#[tokio::test]
async fn a_target_overrides_the_default_thresholds_at_once() {
    for db in kpi_fixture::computed().await {
        // Cluster A's forum attendance in 2025 is 4 / 8 (kpi_metrics): red against the
        // defaults (green 85 %, amber 70 %).
        assert_eq!(
            signal_of_a(&db.conn, "forum_attendance").await,
            Some(Signal::Red),
            "{}",
            db.name
        );
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
        assert_eq!(
            signal_of_a(&db.conn, "forum_attendance").await,
            Some(Signal::Green),
            "{}",
            db.name
        );
        let plan = MetricTargets::plan(&db.conn, CLUSTER_A, 2025)
            .await
            .expect("plan");
        let media = plan
            .metrics
            .iter()
            .find(|m| m.metric == key("media_reach"))
            .expect("listed");
        assert!(media.selected, "{}", db.name);
        let mentorships = plan
            .metrics
            .iter()
            .find(|m| m.metric == key("mentorships_active"))
            .expect("listed");
        assert!(!mentorships.selected, "{}: not chosen", db.name);
        // Every read that shows the value applies the target: the year's quarters (the
        // forum attendance's unit is a share, so not pro-rated), a list of every cluster,
        // and a list of chosen clusters, which holds those clusters only.
        let quarters = KpiValues::list(
            &db.conn,
            &KpiFilter {
                scope_kind: Some(ScopeKind::Cluster),
                metric: Some(key("forum_attendance")),
                grain: Some(kpi::Grain::Quarter),
                clusters: vec![CLUSTER_A],
                ..KpiFilter::default()
            },
        )
        .await
        .expect("values");
        assert!(
            quarters.iter().all(|row| row.scope_id == CLUSTER_A.0),
            "{}: only cluster A",
            db.name
        );
        let in_2025: Vec<_> = quarters
            .iter()
            .filter(|row| row.period.starts_with("2025-Q") && row.counted().is_some())
            .collect();
        assert!(!in_2025.is_empty(), "{}: quarters of 2025", db.name);
        for row in in_2025 {
            assert_eq!(
                row.thresholds.green(),
                0.5,
                "{}: {} follows the target",
                db.name,
                row.period
            );
        }
        let everyone = KpiValues::list(
            &db.conn,
            &KpiFilter {
                scope_kind: Some(ScopeKind::Cluster),
                metric: Some(key("forum_attendance")),
                ..KpiFilter::default()
            },
        )
        .await
        .expect("values");
        let year_of_a = everyone
            .iter()
            .find(|row| row.scope_id == CLUSTER_A.0 && row.period == "2025")
            .expect("cluster A's 2025");
        assert_eq!(year_of_a.signal, Some(Signal::Green), "{}", db.name);
        assert!(
            everyone
                .iter()
                .filter(|row| row.scope_id != CLUSTER_A.0)
                .all(|row| row.thresholds.green() == 0.85),
            "{}: the other clusters keep the defaults",
            db.name
        );
        // The pulse's lean read gives every cluster value of a period the signal the full
        // read gives it, the target included; so do the year's quarters.
        for key in ["2025", "2025-Q2"] {
            let period = Period::parse(key, FiscalYearStart::default()).expect("period");
            let full = KpiValues::list(
                &db.conn,
                &KpiFilter {
                    period: Some(period),
                    scope_kind: Some(ScopeKind::Cluster),
                    ..KpiFilter::default()
                },
            )
            .await
            .expect("values");
            let mut lean = KpiValues::cluster_signals(&db.conn, &period)
                .await
                .expect("signals");
            lean.sort_by_key(|s| (s.metric_id, s.cluster.0));
            assert_eq!(lean.len(), full.len(), "{}: {key}", db.name);
            let catalogue = domain::metric_catalogue::MetricCatalogue::all(&db.conn)
                .await
                .expect("catalogue");
            for (lean, full) in lean.iter().zip(&full) {
                let metric = catalogue
                    .iter()
                    .find(|m| m.row.id == lean.metric_id)
                    .expect("metric");
                assert_eq!(metric.key.as_str(), full.metric, "{}: {key}", db.name);
                assert_eq!(lean.cluster.0, full.scope_id, "{}: {key}", db.name);
                assert_eq!(
                    lean.signal, full.signal,
                    "{}: {key} {}",
                    db.name, full.metric
                );
                assert_eq!(lean.validated, full.is_validated(), "{}: {key}", db.name);
                assert_eq!(lean.counted, full.counted(), "{}: {key}", db.name);
            }
            if key == "2025" {
                let a = lean
                    .iter()
                    .zip(&full)
                    .find(|(l, f)| l.cluster == CLUSTER_A && f.metric == "forum_attendance")
                    .expect("cluster A's forum attendance");
                assert_eq!(a.0.signal, Some(Signal::Green), "{}", db.name);
            }
        }
        // Another year keeps the defaults.
        let other = MetricTargets::plan(&db.conn, CLUSTER_A, 2024)
            .await
            .expect("plan");
        assert!(
            other.metrics.iter().all(|m| m.target.is_none()),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn bad_plans_are_refused_and_change_nothing() {
    for db in kpi_fixture::computed().await {
        MetricTargets::save(
            &db.conn,
            CLUSTER_A,
            2025,
            &[PlanChange {
                metric: key("forum_attendance"),
                selected: true,
                target: Some((0.5, 0.4)),
            }],
        )
        .await
        .expect("saved");
        // Green below amber for a higher-is-better metric.
        let backwards = MetricTargets::save(
            &db.conn,
            CLUSTER_A,
            2025,
            &[PlanChange {
                metric: key("forum_attendance"),
                selected: true,
                target: Some((0.3, 0.6)),
            }],
        )
        .await;
        let Err(DomainError::Refused(problems)) = backwards else {
            panic!("{}: must be refused", db.name);
        };
        assert!(
            problems[0].contains("forum_attendance"),
            "{}: {problems:?}",
            db.name
        );
        // More optional metrics than the admin allows, once the admin allows one at most;
        // impossible limits are refused and leave the limits as they were.
        let now = chrono::Utc::now().naive_utc();
        let limits = MetricTargets::set_limits(&db.conn, "Root", 0, 1, now)
            .await
            .expect("limits set");
        assert_eq!((limits.min, limits.max), (0, 1), "{}", db.name);
        for (min, max, why) in [
            (2, 1, "more than the maximum"),
            (0, limits.optional + 1, "optional metrics there are"),
        ] {
            let Err(DomainError::Refused(problems)) =
                MetricTargets::set_limits(&db.conn, "Root", min, max, now).await
            else {
                panic!("{}: {min}-{max} must be refused", db.name);
            };
            assert!(problems[0].contains(why), "{}: {problems:?}", db.name);
        }
        let kept = MetricTargets::limits(&db.conn).await.expect("limits");
        assert_eq!((kept.min, kept.max), (0, 1), "{}", db.name);
        let too_many = MetricTargets::save(
            &db.conn,
            CLUSTER_A,
            2025,
            &[
                PlanChange {
                    metric: key("media_reach"),
                    selected: true,
                    target: None,
                },
                PlanChange {
                    metric: key("social_posts"),
                    selected: true,
                    target: None,
                },
            ],
        )
        .await;
        let Err(DomainError::Refused(problems)) = too_many else {
            panic!("{}: must be refused", db.name);
        };
        assert!(
            problems[0].contains("between 0 and 1"),
            "{}: {problems:?}",
            db.name
        );
        // The earlier plan stands.
        assert_eq!(
            signal_of_a(&db.conn, "forum_attendance").await,
            Some(Signal::Green),
            "{}",
            db.name
        );
    }
}
