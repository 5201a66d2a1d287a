//! The kept period signals follow every write that changes a signal: after a decision, a
//! cluster target, new thresholds and a recompute, what `PeriodSignals` gives equals a
//! fresh read of every cluster value, and with nothing written in between it gives the
//! signals it kept. On every test database, over the hand-made fixture.

mod support;

use std::sync::Arc;

use chrono::NaiveDate;
use domain::kpi_engine::KpiEngine;
use domain::kpi_revision::KpiRevision;
use domain::kpi_validation::{Decision, KpiValidation, ValueSelection};
use domain::kpi_values::{ClusterSignal, KpiValues};
use domain::metric_catalogue::MetricCatalogue;
use domain::metric_editing::{MetricDraft, MetricEditing};
use domain::metric_targets::{MetricTargets, PlanChange};
use domain::period_signals::PeriodSignals;
use domain::sea_orm::{ConnectionTrait, DatabaseConnection};
use kpi::{ClusterId, FiscalYearStart, MetricKey, Period, Signal};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

fn key(text: &str) -> MetricKey {
    MetricKey::parse(text).expect("key")
}

fn year() -> Period {
    Period::parse("2025", FiscalYearStart::default()).expect("period")
}

/// Held events per cluster: a count whose thresholds the test moves.
fn held_events(green: f64) -> MetricDraft {
    MetricDraft {
        key: "held_events".into(),
        name: "Held events".into(),
        description: "Events a cluster held".into(),
        group_key: "cluster".into(),
        unit: "count".into(),
        lower_is_better: false,
        green,
        amber: 2.0,
        obligatory: false,
        yearly_only: false,
        owner: Some("owner@example.test".into()),
        definition: r#"{"kind":"count","measure":{"source":"events","aggregate":{"fn":"count"},
          "placement":{"rule":"date_in_period","field":"scheduled_start"},
          "filters":[{"test":"compare","field":"status","op":"eq","value":"held"}]}}"#
            .into(),
    }
}

fn sorted(signals: &[ClusterSignal]) -> Vec<ClusterSignal> {
    let mut signals = signals.to_vec();
    signals.sort_by_key(|s| (s.metric_id, s.cluster.0));
    signals
}

/// What `kept` gives for the year, checked against a fresh read.
async fn kept_and_checked(
    kept: &PeriodSignals,
    db: &DatabaseConnection,
    name: &str,
    after: &str,
) -> Vec<ClusterSignal> {
    let kept = sorted(&kept.of(db, &year()).await.expect("kept signals"));
    let fresh = sorted(
        &KpiValues::cluster_signals(db, &year())
            .await
            .expect("fresh signals"),
    );
    let differing: Vec<(&ClusterSignal, &ClusterSignal)> =
        kept.iter().zip(&fresh).filter(|(k, f)| k != f).collect();
    assert!(
        differing.is_empty() && kept.len() == fresh.len(),
        "{name}: after {after}, kept {} and read {} signals; kept and read differ at {differing:?}",
        kept.len(),
        fresh.len()
    );
    kept
}

/// Cluster A's value of `metric` among `signals`.
async fn of_a(db: &DatabaseConnection, signals: &[ClusterSignal], metric: &str) -> ClusterSignal {
    let id = MetricCatalogue::all(db)
        .await
        .expect("catalogue")
        .into_iter()
        .find(|m| m.key == key(metric))
        .expect("metric")
        .row
        .id;
    *signals
        .iter()
        .find(|s| s.cluster == CLUSTER_A && s.metric_id == id)
        .expect("cluster A's value")
}

#[tokio::test]
async fn kept_signals_follow_decisions_targets_thresholds_and_recomputes() {
    for db in kpi_fixture::computed().await {
        let (conn, name) = (&db.conn, db.name);
        MetricEditing::save(conn, None, held_events(4.0), today())
            .await
            .expect("metric saved");
        let kept = PeriodSignals::default();
        let first = kept.of(conn, &year()).await.expect("signals");
        let again = kept.of(conn, &year()).await.expect("signals");
        assert!(
            Arc::ptr_eq(&first, &again),
            "{name}: kept while nothing is written"
        );
        let start = kept_and_checked(&kept, conn, name, "nothing").await;
        assert!(!start.is_empty(), "{name}");

        // A decision: cluster A's forum attendance validated.
        assert!(
            !of_a(conn, &start, "forum_attendance").await.validated,
            "{name}"
        );
        KpiValidation::decide(
            conn,
            "staff@example.test",
            &ValueSelection {
                period: year(),
                metric: Some(key("forum_attendance")),
                region: None,
                cluster: Some(CLUSTER_A),
                group: None,
                awaiting_only: false,
            },
            &Decision::Validate,
        )
        .await
        .expect("decided");
        let decided = kept_and_checked(&kept, conn, name, "a decision").await;
        assert!(
            of_a(conn, &decided, "forum_attendance").await.validated,
            "{name}"
        );

        // A target: cluster A's forum attendance (4 / 8) is red by the defaults and green
        // against a target of 50 %.
        assert_eq!(
            of_a(conn, &decided, "forum_attendance").await.signal,
            Some(Signal::Red),
            "{name}"
        );
        MetricTargets::save(
            conn,
            CLUSTER_A,
            2025,
            &[PlanChange {
                metric: key("forum_attendance"),
                selected: true,
                target: Some((0.5, 0.4)),
            }],
        )
        .await
        .expect("target saved");
        let targeted = kept_and_checked(&kept, conn, name, "a target").await;
        assert_eq!(
            of_a(conn, &targeted, "forum_attendance").await.signal,
            Some(Signal::Green),
            "{name}"
        );

        // Thresholds: cluster A held 8 events in 2025 (kpi_fixture.rs), green from 4,
        // amber against a green of 20.
        assert_eq!(
            of_a(conn, &targeted, "held_events").await.signal,
            Some(Signal::Green),
            "{name}"
        );
        MetricEditing::save(conn, Some(&key("held_events")), held_events(20.0), today())
            .await
            .expect("thresholds saved");
        let stricter = kept_and_checked(&kept, conn, name, "new thresholds").await;
        assert_eq!(
            of_a(conn, &stricter, "held_events").await.signal,
            Some(Signal::Amber),
            "{name}"
        );

        // A recompute that changes nothing leaves the revision; one that puts back a
        // value changed behind the engine's back moves it on.
        let revision = KpiRevision::current(conn).await.expect("revision");
        KpiEngine::recompute_all(conn, today())
            .await
            .expect("recomputed");
        assert_eq!(
            KpiRevision::current(conn).await.expect("revision"),
            revision,
            "{name}: nothing changed"
        );
        conn.execute_unprepared(
            "UPDATE kpi_values SET value = 0.0 WHERE scope_kind = 'cluster' \
             AND period_key = '2025' AND status = 'computed'",
        )
        .await
        .expect("values changed");
        KpiEngine::recompute_all(conn, today())
            .await
            .expect("recomputed");
        assert!(
            KpiRevision::current(conn).await.expect("revision") > revision,
            "{name}: a recompute that changed values"
        );
        let recomputed = kept_and_checked(&kept, conn, name, "a recompute").await;
        assert_eq!(recomputed, stricter, "{name}: the values put back");
    }
}

/// The period's signals, read packed into one row, carry every number exactly as the
/// values' own read does: a third and a sum with no short decimal among them.
#[tokio::test]
async fn cluster_signals_carry_every_number_exactly() {
    use domain::kpi_values::KpiFilter;
    use domain::sea_orm::Value;
    use kpi::ScopeKind;

    for db in kpi_fixture::computed().await {
        let (conn, name) = (&db.conn, db.name);
        let backend = conn.get_database_backend();
        let set = |sql: &str, values: Vec<Value>| domain::sql::statement(backend, sql, values);
        conn.execute_raw(set(
            "UPDATE kpi_values SET value = ? WHERE scope_kind = 'cluster' \
             AND period_key = '2025' AND scope_id = ?",
            vec![(2.0_f64 / 3.0).into(), CLUSTER_A.0.into()],
        ))
        .await
        .expect("a third");
        conn.execute_raw(set(
            "UPDATE kpi_values SET status = 'overridden', decided_value = ? \
             WHERE scope_kind = 'cluster' AND period_key = '2025' AND scope_id <> ?",
            vec![(0.1_f64 + 0.2).into(), CLUSTER_A.0.into()],
        ))
        .await
        .expect("an override");

        let signals = sorted(
            &KpiValues::cluster_signals(conn, &year())
                .await
                .expect("signals"),
        );
        let catalogue = MetricCatalogue::all(conn).await.expect("catalogue");
        let id_of = |metric: &str| {
            catalogue
                .iter()
                .find(|m| m.key.as_str() == metric)
                .map(|m| m.row.id)
        };
        let mut listed: Vec<ClusterSignal> = KpiValues::list(
            conn,
            &KpiFilter {
                period: Some(year()),
                scope_kind: Some(ScopeKind::Cluster),
                ..KpiFilter::default()
            },
        )
        .await
        .expect("values")
        .into_iter()
        .map(|row| ClusterSignal {
            cluster: ClusterId(row.scope_id),
            metric_id: id_of(&row.metric).expect("listed metric"),
            counted: row.counted(),
            signal: row.signal,
            validated: row.is_validated(),
        })
        .collect();
        listed.sort_by_key(|s| (s.metric_id, s.cluster.0));
        assert_eq!(signals, listed, "{name}");
        assert!(
            signals.iter().any(|s| s.counted == Some(2.0 / 3.0)),
            "{name}: the third"
        );
        assert!(
            signals.iter().any(|s| s.counted == Some(0.1 + 0.2)),
            "{name}: the override"
        );
    }
}
