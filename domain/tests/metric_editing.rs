//! Staff edit the catalogue: a new metric is checked, saved and computed like the shipped
//! ones; a bad one is refused with every problem and saves nothing; edits bump the
//! version only when the computation changes; a component of a live composite cannot be
//! retired. On every test database, over the hand-made fixture.

mod support;

use chrono::NaiveDate;
use domain::kpi_engine::KpiEngine;
use domain::kpi_values::{KpiFilter, KpiValues};
use domain::metric_catalogue::MetricCatalogue;
use domain::metric_editing::{MetricDraft, MetricEditing};
use domain::{DomainError, scratch_database::ScratchDatabase};
use kpi::{FiscalYearStart, MetricKey, Period, ScopeKind};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

async fn prepared() -> Vec<ScratchDatabase> {
    let mut all = Vec::new();
    for scratch in domain::scratch_database::for_tests()
        .await
        .expect("databases")
    {
        kpi_fixture::load(&scratch.conn).await;
        KpiEngine::recompute_all(&scratch.conn, today())
            .await
            .expect("computed");
        all.push(scratch);
    }
    all
}

fn draft(key: &str, definition: &str) -> MetricDraft {
    MetricDraft {
        key: key.into(),
        name: "Held events".into(),
        description: "Events a cluster held".into(),
        group_key: "cluster".into(),
        unit: "count".into(),
        lower_is_better: false,
        green: 4.0,
        amber: 2.0,
        obligatory: false,
        yearly_only: false,
        owner: Some("owner@example.test".into()),
        definition: definition.into(),
    }
}

const HELD_EVENTS: &str = r#"{"kind":"count","measure":{"source":"events","aggregate":{"fn":"count"},
  "placement":{"rule":"date_in_period","field":"scheduled_start"},
  "filters":[{"test":"compare","field":"status","op":"eq","value":"held"}]}}"#;

fn key(text: &str) -> MetricKey {
    MetricKey::parse(text).expect("key")
}

#[tokio::test]
async fn a_new_metric_is_computed_like_the_shipped_ones() {
    for db in prepared().await {
        let saved = MetricEditing::save(&db.conn, None, draft("held_events", HELD_EVENTS), today())
            .await
            .expect("saved");
        assert_eq!(saved.version, 1, "{}", db.name);
        assert!(saved.recompute.values > 0, "{}", db.name);
        let rows = KpiValues::list(
            &db.conn,
            &KpiFilter {
                period: Some(Period::parse("2025", FiscalYearStart::default()).expect("period")),
                scope_kind: Some(ScopeKind::Organization),
                metric: Some(key("held_events")),
                ..KpiFilter::default()
            },
        )
        .await
        .expect("values");
        assert_eq!(rows.len(), 1, "{}", db.name);
        // Held events with a host cluster in 2025, counted by hand in kpi_fixture.rs:
        // cluster A hosted E1, E2, E5, E6, E7, E9, E11, E16; cluster B E4, E15.
        assert_eq!(rows[0].value, Some(10.0), "{}", db.name);
    }
}

#[tokio::test]
async fn a_bad_metric_is_refused_with_every_problem_and_saves_nothing() {
    for db in prepared().await {
        let before = MetricCatalogue::all(&db.conn)
            .await
            .expect("catalogue")
            .len();
        let mut bad = draft(
            "Bad Key",
            r#"{"kind":"count","measure":{"source":"happenings","aggregate":{"fn":"count"},"placement":{"rule":"always"}}}"#,
        );
        bad.name = " ".into();
        bad.green = 1.0;
        bad.amber = 3.0;
        bad.unit = "furlongs".into();
        let Err(DomainError::Refused(problems)) =
            MetricEditing::save(&db.conn, None, bad, today()).await
        else {
            panic!("{}: a bad metric must be refused", db.name);
        };
        let text = problems.join("\n");
        for expected in ["key:", "name:", "unit:", "thresholds:"] {
            assert!(
                text.contains(expected),
                "{}: {expected} missing in {text}",
                db.name
            );
        }
        let unknown = MetricEditing::save(
            &db.conn,
            None,
            draft("happenings", r#"{"kind":"count","measure":{"source":"happenings","aggregate":{"fn":"count"},"placement":{"rule":"always"}}}"#),
            today(),
        )
        .await;
        let Err(DomainError::Refused(problems)) = unknown else {
            panic!("{}: an unknown source must be refused", db.name);
        };
        assert!(
            problems.iter().any(|p| p.contains("happenings")),
            "{}: {problems:?}",
            db.name
        );
        let selfish = MetricEditing::save(
            &db.conn,
            None,
            draft(
                "selfish",
                r#"{"kind":"composite","components":[{"metric":"selfish","weight":1.0}]}"#,
            ),
            today(),
        )
        .await;
        assert!(
            matches!(selfish, Err(DomainError::Refused(_))),
            "{}: {selfish:?}",
            db.name
        );
        let after = MetricCatalogue::all(&db.conn)
            .await
            .expect("catalogue")
            .len();
        assert_eq!(before, after, "{}: nothing saved", db.name);
    }
}

#[tokio::test]
async fn edits_bump_the_version_only_when_the_computation_changes() {
    for db in prepared().await {
        MetricEditing::save(&db.conn, None, draft("held_events", HELD_EVENTS), today())
            .await
            .expect("saved");
        let mut renamed = draft("held_events", HELD_EVENTS);
        renamed.name = "Events held".into();
        let saved = MetricEditing::save(
            &db.conn,
            Some(&key("held_events")),
            renamed.clone(),
            today(),
        )
        .await
        .expect("saved");
        assert_eq!(saved.version, 1, "{}: words only", db.name);
        renamed.green = 6.0;
        let saved = MetricEditing::save(&db.conn, Some(&key("held_events")), renamed, today())
            .await
            .expect("saved");
        assert_eq!(saved.version, 2, "{}: thresholds changed", db.name);
    }
}

#[tokio::test]
async fn a_component_of_a_live_composite_cannot_be_retired() {
    for db in prepared().await {
        let refused =
            MetricEditing::set_retired(&db.conn, &key("forum_attendance"), Some(today())).await;
        let Err(DomainError::Refused(problems)) = refused else {
            panic!("{}: must be refused", db.name);
        };
        assert!(
            problems[0].contains("engagement_index"),
            "{}: {problems:?}",
            db.name
        );
        MetricEditing::set_retired(&db.conn, &key("media_mentions"), Some(today()))
            .await
            .expect("retired");
        let retired = MetricCatalogue::all(&db.conn)
            .await
            .expect("catalogue")
            .into_iter()
            .find(|m| m.key == key("media_mentions"))
            .expect("still listed");
        assert_eq!(retired.row.retired_on, Some(today()), "{}", db.name);
    }
}
