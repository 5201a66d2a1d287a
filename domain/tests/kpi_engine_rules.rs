//! Engine rules beyond single values: definitions that cannot be computed are refused
//! with their reasons; a recompute keeps staff decisions (validated values become stale);
//! an incremental recompute after a fact change touches only what the change can affect
//! and gives the same values as a full one.

mod support;

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::kpi_engine::{FactChange, KpiEngine, check_definition};
use domain::kpi_values::{KpiFilter, KpiValues};
use domain::sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use kpi::{MetricDefinition, MetricKey};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn key(text: &str) -> MetricKey {
    MetricKey::parse(text).expect("key")
}

fn problems(json: &str, others: &HashMap<MetricKey, MetricDefinition>) -> Vec<String> {
    let definition = MetricDefinition::from_json(json).expect("parses");
    match check_definition(&key("new_metric"), &definition, others) {
        Ok(()) => Vec::new(),
        Err(e) => e.problems,
    }
}

#[test]
fn a_definition_that_cannot_be_computed_is_refused_with_its_reasons() {
    let none = HashMap::new();
    let unknown_source = problems(
        r#"{"kind":"count","measure":{"source":"meetups","aggregate":{"fn":"count"},"placement":{"rule":"always"}}}"#,
        &none,
    );
    assert_eq!(unknown_source.len(), 1);
    assert!(
        unknown_source[0].starts_with("measure.source: there is no fact source \"meetups\""),
        "{unknown_source:?}"
    );

    let unknown_field = problems(
        r#"{"kind":"count","measure":{"source":"events","aggregate":{"fn":"count"},"placement":{"rule":"date_in_period","field":"held_on"},"filters":[{"test":"compare","field":"colour","op":"eq","value":"red"}]}}"#,
        &none,
    );
    assert_eq!(unknown_field.len(), 2, "{unknown_field:?}");
    assert!(unknown_field[0].contains("\"held_on\" is not a field of events"));
    assert!(
        unknown_field[1].starts_with("measure.filters[0]: \"colour\" is not a field of events")
    );

    let wrong_type = problems(
        r#"{"kind":"sum","measure":{"source":"events","aggregate":{"fn":"sum","field":"kind"},"placement":{"rule":"date_in_period","field":"kind"}}}"#,
        &none,
    );
    assert!(
        wrong_type
            .iter()
            .any(|p| p.contains("kind is a text, which cannot be added up")),
        "{wrong_type:?}"
    );
    assert!(
        wrong_type
            .iter()
            .any(|p| p.contains("kind is a text, not a date")),
        "{wrong_type:?}"
    );

    let never_a_denominator = problems(
        r#"{"kind":"ratio",
            "numerator":{"measure":{"source":"events","aggregate":{"fn":"count"},"placement":{"rule":"always"}}},
            "denominator":{"measure":{"source":"events","aggregate":{"fn":"count"},"placement":{"rule":"always"},
              "filters":[{"test":"compare","field":"status","op":"eq","value":"held"},
                         {"test":"compare","field":"status","op":"eq","value":"cancelled"}]}}}"#,
        &none,
    );
    assert_eq!(never_a_denominator.len(), 1, "{never_a_denominator:?}");
    assert!(
        never_a_denominator[0]
            .starts_with("denominator: it can never be non-zero: status cannot be both")
    );

    let mut others = HashMap::new();
    others.insert(
        key("loop_a"),
        MetricDefinition::from_json(
            r#"{"kind":"composite","components":[{"metric":"new_metric","weight":1}]}"#,
        )
        .expect("parses"),
    );
    let self_reference = problems(
        r#"{"kind":"composite","components":[{"metric":"new_metric","weight":1},{"metric":"loop_a","weight":1},{"metric":"nope","weight":1}]}"#,
        &others,
    );
    assert_eq!(self_reference.len(), 3, "{self_reference:?}");
    assert!(self_reference[0].contains("cannot be made of itself"));
    assert!(self_reference[1].contains("loop_a is itself made of new_metric"));
    assert!(self_reference[2].contains("there is no metric nope"));

    let link_without_cluster = problems(
        r#"{"kind":"count","measure":{"source":"trainings","aggregate":{"fn":"count"},"placement":{"rule":"date_in_period","field":"completed_on"}}}"#,
        &none,
    );
    assert!(
        link_without_cluster[0].contains("trainings has no cluster"),
        "{link_without_cluster:?}"
    );

    // Malformed JSON never reaches the checker: serde names the problem.
    let malformed = MetricDefinition::from_json(r#"{"kind":"ratio","numerator":{}}"#);
    assert!(malformed.is_err());
}

#[test]
fn every_shipped_definition_passes_the_check() {
    let seeds: serde_json::Map<String, serde_json::Value> = serde_json::from_str(include_str!(
        "../../migrations/src/seed/metric_definitions.json"
    ))
    .expect("seed JSON");
    let all: HashMap<MetricKey, MetricDefinition> = seeds
        .iter()
        .map(|(k, v)| {
            let definition: MetricDefinition =
                serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{k}: {e}"));
            (key(k), definition)
        })
        .collect();
    assert_eq!(all.len(), 49);
    for (metric, definition) in &all {
        check_definition(metric, definition, &all).unwrap_or_else(|e| panic!("{metric}: {e}"));
        // What is stored is what was read.
        assert_eq!(
            &MetricDefinition::from_json(&definition.to_json()).expect("round trip"),
            definition
        );
    }
}

async fn set_status(
    db: &DatabaseConnection,
    metric: &str,
    period: &str,
    status: &str,
    decided: f64,
) {
    let backend = db.get_database_backend();
    db.execute_raw(domain::sql::statement(
        backend,
        "UPDATE kpi_values SET status = ?, decided_value = ? WHERE period_key = ? AND scope_kind = 'cluster' \
         AND scope_id = 1 AND metric_id = (SELECT id FROM metrics WHERE key = ?)",
        [status.into(), decided.into(), period.into(), metric.into()],
    ))
    .await
    .expect("decision");
}

async fn cluster_a(
    db: &DatabaseConnection,
    metric: &str,
    period: &str,
) -> domain::kpi_values::KpiValueRow {
    let rows = KpiValues::list(
        db,
        &KpiFilter {
            period: Some(
                kpi::Period::parse(period, kpi::FiscalYearStart::default()).expect("period"),
            ),
            scope_kind: Some(kpi::ScopeKind::Cluster),
            metric: Some(key(metric)),
            ..KpiFilter::default()
        },
    )
    .await
    .expect("values");
    rows.into_iter()
        .find(|r| r.scope_id == 1)
        .expect("cluster A's value")
}

#[tokio::test]
async fn a_recompute_never_silently_replaces_a_decided_value() {
    let today = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today).await.expect("first");
        set_status(db, "events_held", "2025", "validated", 2.0).await;
        set_status(db, "media_mentions", "2025", "validated", 2.0).await;
        set_status(db, "dues_on_time", "2025", "overridden", 0.5).await;

        // A third held cluster event for A in 2025 and nothing else.
        db.execute_unprepared(
            "INSERT INTO events (id, event_ref, kind, title, host_cluster_id, scheduled_start, status) \
             VALUES (100, 'E100', 'cluster_event', 'x', 1, '2025-11-30 18:00:00', 'held')",
        )
        .await
        .expect("new event");
        let report = KpiEngine::recompute_after_change(
            db,
            &FactChange {
                tables: vec!["events".into()],
                from: NaiveDate::from_ymd_opt(2025, 11, 30).expect("date"),
                to: NaiveDate::from_ymd_opt(2025, 11, 30).expect("date"),
                clusters: None,
            },
            today,
        )
        .await
        .expect("incremental");
        assert!(report.saved.stale >= 1, "{}: {report:?}", scratch.name);

        let events = cluster_a(db, "events_held", "2025").await;
        assert_eq!(events.status, "stale", "{}", scratch.name);
        assert_eq!(
            events.value,
            Some(3.0),
            "the new number is kept beside the decided one"
        );
        assert_eq!(events.decided_value, Some(2.0));
        // Unchanged validated values stay validated; overridden values count as decided.
        let media = cluster_a(db, "media_mentions", "2025").await;
        assert_eq!(media.status, "validated");
        let dues = cluster_a(db, "dues_on_time", "2025").await;
        assert_eq!(dues.status, "overridden");
        assert_eq!(
            dues.signal,
            Some(kpi::Signal::Red),
            "0.5 overridden is below amber 0.85"
        );
        // A computed value of the same change is simply replaced.
        assert_eq!(
            cluster_a(db, "events_held", "2025-Q4").await.value,
            Some(1.0)
        );
        assert_eq!(
            cluster_a(db, "events_held", "2025-Q4").await.status,
            "computed"
        );
    }
}

#[tokio::test]
async fn an_incremental_recompute_touches_only_affected_metrics_and_matches_a_full_one() {
    let today = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today).await.expect("first");
        db.execute_unprepared(
            "INSERT INTO media_items (id, cluster_id, published_on, outlet, kind, reach, title, reference) \
             VALUES (100, 2, '2025-12-31', 'o', 'mention', 700, 't', 'MEDIA-100')",
        )
        .await
        .expect("new media item");
        let change = FactChange {
            tables: vec!["media_items".into()],
            from: NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
            to: NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
            clusters: Some(vec![kpi::ClusterId(2)]),
        };
        let report = KpiEngine::recompute_after_change(db, &change, today)
            .await
            .expect("incremental");
        assert_eq!(
            report.metrics, 4,
            "{}: the four media metrics only: {report:?}",
            scratch.name
        );
        let incremental = support::stored_values(db).await;
        let full = KpiEngine::recompute_all(db, today).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{}: {full:?}",
            scratch.name
        );
        assert_eq!(incremental, support::stored_values(db).await);
        assert_eq!(cluster_b_mentions(db).await, Some(1.0));
    }
}

async fn cluster_b_mentions(db: &DatabaseConnection) -> Option<f64> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT v.value AS value FROM kpi_values v JOIN metrics m ON m.id = v.metric_id \
             WHERE m.key = 'media_mentions' AND v.period_key = '2025-12' AND v.scope_kind = 'cluster' AND v.scope_id = 2",
        ))
        .await
        .expect("query")
        .expect("row");
    row.try_get("", "value").expect("value")
}

#[test]
fn the_sql_compiler_refuses_names_that_are_not_in_the_registry() {
    use domain::kpi_engine::dialect::Dialect;
    use domain::kpi_engine::measure_query::{Output, measure_sql};
    use domain::kpi_engine::period_frame::PeriodFrame;
    let frame = PeriodFrame::covering(
        kpi::Grain::Year,
        NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
        NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
        kpi::FiscalYearStart::default(),
    );
    let dialect = Dialect(domain::sea_orm::DbBackend::Sqlite);
    let measure = |field: &str| -> kpi::definition::Measure {
        serde_json::from_value(serde_json::json!({
            "source": "events",
            "aggregate": {"fn": "count_distinct", "field": field},
            "placement": {"rule": "date_in_period", "field": "scheduled_start"}
        }))
        .expect("measure")
    };
    assert!(measure_sql(&measure("forum_id"), &frame, dialect, Output::Aggregate).is_some());
    let injected = measure("forum_id) FROM events; DROP TABLE members; --");
    assert_eq!(
        measure_sql(&injected, &frame, dialect, Output::Aggregate),
        None
    );
}
