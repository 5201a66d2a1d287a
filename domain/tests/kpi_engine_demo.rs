//! The engine over a small demo organization, on every test database: every metric
//! computes without error, values are finite, ratios stay within their bounds, and the
//! organization's numerator is the sum of its regions' (the roll-up property).

mod support;

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::demo::{self, DemoConfig};
use domain::kpi_engine::{FactChange, KpiEngine};
use domain::sea_orm::{ConnectionTrait, Statement};
use kpi::{ClusterId, MemberId};

#[tokio::test]
async fn every_metric_computes_on_a_small_demo_and_rolls_up() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let config = DemoConfig {
            members: 600,
            clusters: 24,
            regions: 3,
            years: 2,
            seed: 7,
            until: today,
        };
        let data = demo::generate(&config, &mut |_| {}).expect("demo");
        demo::write(db, data, &mut |_, _| {})
            .await
            .expect("demo written");
        let indexes_before = kpi_value_indexes(db).await;
        let report = KpiEngine::recompute_all(db, today)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", scratch.name));
        assert_eq!(report.metrics, 49, "{}", scratch.name);
        // Enough new rows for the save to drop and rebuild the indexes: they are back.
        assert!(
            report.saved.inserted > 50_000,
            "{}: {report:?}",
            scratch.name
        );
        assert_eq!(
            kpi_value_indexes(db).await,
            indexes_before,
            "{}: the indexes after a bulk save",
            scratch.name
        );
        assert!(
            indexes_before.len() >= 2,
            "{}: {indexes_before:?}",
            scratch.name
        );

        let backend = db.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT m.key AS key, m.unit AS unit, v.period_key AS period_key, \
                 v.scope_kind AS scope_kind, v.value AS value, v.numerator AS numerator \
                 FROM kpi_values v JOIN metrics m ON m.id = v.metric_id",
            ))
            .await
            .expect("values");
        let mut with_value: HashMap<String, usize> = HashMap::new();
        let mut organization: HashMap<(String, String), f64> = HashMap::new();
        let mut regions: HashMap<(String, String), f64> = HashMap::new();
        for row in &rows {
            let key: String = row.try_get("", "key").expect("key");
            let unit: String = row.try_get("", "unit").expect("unit");
            let period: String = row.try_get("", "period_key").expect("period");
            let kind: String = row.try_get("", "scope_kind").expect("kind");
            let value: Option<f64> = row.try_get("", "value").expect("value");
            let numerator: Option<f64> = row.try_get("", "numerator").expect("numerator");
            if let Some(value) = value {
                assert!(value.is_finite(), "{key} {period}: {value}");
                if matches!(unit.as_str(), "percent" | "boolean")
                    && key != "net_growth"
                    && key != "budget_variance"
                {
                    assert!(
                        (0.0..=1.0).contains(&value),
                        "{}: {key} {period} {kind} = {value}",
                        scratch.name
                    );
                }
                *with_value.entry(key.clone()).or_default() += 1;
            }
            if let Some(numerator) = numerator {
                match kind.as_str() {
                    "organization" => {
                        organization.insert((key, period), numerator);
                    }
                    "region" => *regions.entry((key, period)).or_default() += numerator,
                    _ => {}
                }
            }
        }
        assert_eq!(
            with_value.len(),
            49,
            "{}: metrics with some value: {with_value:?}",
            scratch.name
        );
        for (key, total) in &organization {
            let sum = regions.get(key).copied().unwrap_or_default();
            assert!(
                (total - sum).abs() < 1e-6,
                "{}: {key:?} organization {total} regions {sum}",
                scratch.name
            );
        }
    }
}

#[tokio::test]
async fn an_incremental_recompute_of_the_clusters_a_change_concerns_equals_a_full_one() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let config = DemoConfig {
            members: 400,
            clusters: 16,
            regions: 3,
            years: 2,
            seed: 11,
            until: today,
        };
        let data = demo::generate(&config, &mut |_| {}).expect("demo");
        demo::write(db, data, &mut |_, _| {})
            .await
            .expect("demo written");
        KpiEngine::recompute_all(db, today).await.expect("full");

        // A member of one cluster at another cluster's held event (an inter-cluster
        // program when there is one): the host's counts and the member's own cluster's
        // participation both move, the latter only through links on the member.
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT e.id AS event_id, e.host_cluster_id AS host, e.scheduled_start AS held_at, \
                 ms.member_id AS member_id FROM events e JOIN memberships ms \
                 ON ms.cluster_id <> e.host_cluster_id AND ms.start_date <= date(e.scheduled_start) \
                 AND (ms.end_date IS NULL OR ms.end_date >= date(e.scheduled_start)) \
                 WHERE e.status = 'held' AND e.host_cluster_id IS NOT NULL AND NOT EXISTS \
                 (SELECT 1 FROM event_invitations i WHERE i.event_id = e.id AND i.member_id = ms.member_id) \
                 ORDER BY CASE WHEN e.kind = 'intercluster_program' THEN 0 ELSE 1 END, \
                 e.scheduled_start DESC, ms.member_id LIMIT 1",
            ))
            .await
            .expect("query")
            .expect("an event and a member of another cluster");
        let event: i32 = row.try_get("", "event_id").expect("event");
        let host: i32 = row.try_get("", "host").expect("host");
        let member: i32 = row.try_get("", "member_id").expect("member");
        let held_at: chrono::NaiveDateTime = row.try_get("", "held_at").expect("held at");
        db.execute_unprepared(&format!(
            "INSERT INTO event_invitations (event_id, member_id) VALUES ({event}, {member}); \
             INSERT INTO attendances (event_id, member_id, joined_at) VALUES ({event}, {member}, NULL)"
        ))
        .await
        .expect("attendance");
        let day = held_at.date();
        let change = FactChange::concerning(
            db,
            &["event_invitations", "attendances"],
            (day, day),
            &[ClusterId(host)],
            &[MemberId(member)],
        )
        .await
        .expect("change");
        let concerned = change.clusters.as_ref().map_or(0, Vec::len);
        assert!(
            (2..config.clusters).contains(&concerned),
            "{}: the host and the member's clusters: {change:?}",
            scratch.name
        );
        let report = KpiEngine::recompute_after_change(db, &change, today)
            .await
            .expect("incremental");
        assert!(report.saved.updated > 0, "{}: {report:?}", scratch.name);
        // Only the concerned clusters, their regions and the organization were written.
        assert!(
            report.values <= report.metrics * report.periods * (concerned + 3 + 1),
            "{}: {report:?}",
            scratch.name
        );

        let incremental = support::stored_values(db).await;
        let full = KpiEngine::recompute_all(db, today).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale + full.saved.deleted,
            0,
            "{}: the full recompute found nothing to change: {full:?}",
            scratch.name
        );
        assert_eq!(
            incremental,
            support::stored_values(db).await,
            "{}",
            scratch.name
        );
    }
}

#[tokio::test]
async fn quarters_and_years_derived_from_months_equal_their_own_queries() {
    use domain::entity::cluster;
    use domain::kpi_engine::dialect::Dialect;
    use domain::kpi_engine::month_base::{MonthBase, from_months, measured};
    use domain::kpi_engine::period_frame::PeriodFrame;
    use domain::kpi_engine::{ClusterPlace, PlannedMetric, computation};
    use domain::metric_catalogue::MetricCatalogue;
    use domain::sea_orm::EntityTrait;
    use kpi::{FiscalYearStart, Grain};

    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let config = DemoConfig {
            members: 300,
            clusters: 12,
            regions: 2,
            years: 2,
            seed: 5,
            until: today,
        };
        let data = demo::generate(&config, &mut |_| {}).expect("demo");
        demo::write(db, data, &mut |_, _| {})
            .await
            .expect("demo written");
        let metrics: Vec<PlannedMetric> = MetricCatalogue::all(db)
            .await
            .expect("catalogue")
            .into_iter()
            .filter_map(|m| {
                Some(PlannedMetric {
                    id: m.row.id,
                    definition: m.definition().expect("definition")?,
                    key: m.key,
                    yearly_only: m.row.yearly_only,
                })
            })
            .collect();
        let derivable = metrics
            .iter()
            .flat_map(|m| measured(&m.definition))
            .filter(|(measure, output)| from_months(measure, *output).is_some())
            .count();
        assert!(derivable > 20, "{}: {derivable} measures", scratch.name);
        let clusters: Vec<ClusterPlace> = cluster::Entity::find()
            .all(db)
            .await
            .expect("clusters")
            .into_iter()
            .map(|c| ClusterPlace {
                id: c.id,
                region_id: c.region_id,
                founded_on: c.founded_on,
            })
            .collect();
        // A fiscal year from July: quarters and years do not start in January.
        let start = FiscalYearStart::new(7).expect("month");
        let from = NaiveDate::from_ymd_opt(2024, 9, 15).expect("date");
        let frames: Vec<PeriodFrame> = [Grain::Year, Grain::Quarter, Grain::Month]
            .into_iter()
            .map(|grain| PeriodFrame::covering(grain, from, today, start))
            .collect();
        let months =
            MonthBase::covering(&frames, Dialect(db.get_database_backend())).expect("months");
        for frame in &frames {
            let sorted = |mut values: Vec<computation::ComputedValue>| {
                values.sort_by(|a, b| {
                    (a.metric_id, &a.period_key, format!("{:?}", a.scope)).cmp(&(
                        b.metric_id,
                        &b.period_key,
                        format!("{:?}", b.scope),
                    ))
                });
                values
            };
            let queried = computation::compute_frame(db, &metrics, frame, &clusters, 2, None, None)
                .await
                .expect("queried");
            let derived =
                computation::compute_frame(db, &metrics, frame, &clusters, 2, None, Some(&months))
                    .await
                    .expect("derived");
            let (queried, derived) = (sorted(queried), sorted(derived));
            assert_eq!(
                queried.len(),
                derived.len(),
                "{} {:?}",
                scratch.name,
                frame.grain
            );
            assert!(
                queried.iter().any(|v| v.numerator.is_some_and(|n| n > 0.0)),
                "{}: some facts",
                scratch.name
            );
            for (q, d) in queried.iter().zip(&derived) {
                let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                    (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
                    (a, b) => a == b,
                };
                assert!(
                    (q.metric_id, &q.period_key, q.scope) == (d.metric_id, &d.period_key, d.scope)
                        && close(q.value, d.value)
                        && close(q.numerator, d.numerator)
                        && close(q.denominator, d.denominator),
                    "{}: queried {q:?}, derived {d:?}",
                    scratch.name
                );
            }
        }
    }
}

/// The definitions of `kpi_values`' indexes, by name.
async fn kpi_value_indexes(db: &domain::sea_orm::DatabaseConnection) -> Vec<(String, String)> {
    let backend = db.get_database_backend();
    let sql = match backend {
        domain::sea_orm::DbBackend::Postgres => {
            "SELECT indexname AS name, indexdef AS sql FROM pg_indexes \
             WHERE tablename = 'kpi_values' AND schemaname = current_schema() ORDER BY indexname"
        }
        _ => {
            "SELECT name, COALESCE(sql, '') AS sql FROM sqlite_master \
             WHERE type = 'index' AND tbl_name = 'kpi_values' ORDER BY name"
        }
    };
    db.query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("indexes")
        .iter()
        .map(|row| {
            (
                row.try_get("", "name").expect("name"),
                row.try_get("", "sql").expect("sql"),
            )
        })
        .collect()
}
