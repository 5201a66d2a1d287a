//! The import history: every written import is recorded with who, when, from where and
//! its counts; rolling one back removes the rows it created and restores the ones it
//! changed, and the KPIs return to exactly what they were. An import a later one built on
//! waits for that one; nothing is rolled back twice; a refused file leaves no record.

mod support;

use chrono::NaiveDate;
use domain::DomainError;
use domain::attendance_import::AttendanceImport;
use domain::import_history::{ImportHistory, ImportOrigin};
use domain::kpi_engine::KpiEngine;
use domain::sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use support::{count, stored_values};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

fn origin(source: &str) -> ImportOrigin {
    ImportOrigin {
        source: source.into(),
        by: "Test Staff <staff@example.test>".into(),
    }
}

/// Two new attendances (E2 by M2 and M4), a join time changed (E9 by M1), one unchanged.
const FIRST: &str = "event_ref,member_number,joined_at\n\
E2,M2,\n\
E2,M4,2025-03-31 18:10\n\
E1,M1,\n\
E9,M1,2025-04-01T19:04:00\n";

/// Changes the join time of an attendance the first file created.
const SECOND: &str = "event_ref,member_number,joined_at\nE2,M4,2025-03-31 18:25\n";

async fn join_times(db: &DatabaseConnection) -> Vec<(i32, i32, Option<chrono::NaiveDateTime>)> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT event_id, member_id, joined_at FROM attendances ORDER BY event_id, member_id",
    ))
    .await
    .expect("query")
    .into_iter()
    .map(|row| {
        (
            row.try_get("", "event_id").expect("event"),
            row.try_get("", "member_id").expect("member"),
            row.try_get("", "joined_at").expect("time"),
        )
    })
    .collect()
}

fn refused<T: std::fmt::Debug>(result: Result<T, DomainError>) -> String {
    match result {
        Err(DomainError::Refused(lines)) => lines.join("\n"),
        other => panic!("must be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn an_import_is_recorded_and_rolled_back_to_the_facts_and_kpis_before_it() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let facts_before = join_times(db).await;
        let kpis_before = stored_values(db).await;

        let first = AttendanceImport::commit(db, FIRST.as_bytes(), &origin("first.csv"), today())
            .await
            .expect("first import");
        let first_id = first.import_id.expect("recorded");
        let second =
            AttendanceImport::commit(db, SECOND.as_bytes(), &origin("second.csv"), today())
                .await
                .expect("second import");
        let second_id = second.import_id.expect("recorded");
        let facts_after_first_only = {
            let mut facts = join_times(db).await;
            for fact in &mut facts {
                if fact
                    .2
                    .is_some_and(|t| t.format("%H:%M").to_string() == "18:25")
                {
                    fact.2 = chrono::NaiveDate::from_ymd_opt(2025, 3, 31)
                        .and_then(|d| d.and_hms_opt(18, 10, 0));
                }
            }
            facts
        };

        let history = ImportHistory::recent(db, 10).await.expect("history");
        assert_eq!(history.len(), 2, "{name}");
        assert_eq!(history[0].id, second_id, "{name}: newest first");
        let recorded = &history[1];
        assert_eq!(
            (
                recorded.rows,
                recorded.created,
                recorded.changed,
                recorded.unchanged
            ),
            (4, 2, 1, 1),
            "{name}"
        );
        assert_eq!(recorded.source, "first.csv");
        assert_eq!(recorded.kind, "attendances");
        assert_eq!(recorded.imported_by, "Test Staff <staff@example.test>");
        assert_eq!(recorded.rolled_back_at, None);
        assert_eq!(count(db, "fact_import_rows").await, 4, "{name}: 2 + 1 + 1");

        // The first import waits for the second, which changed a row it created.
        let waits = refused(ImportHistory::roll_back(db, first_id, "Staff", today()).await);
        assert!(
            waits.contains(&format!(
                "import {second_id} wrote the same attendances later"
            )),
            "{name}: {waits}"
        );
        assert_eq!(
            ImportHistory::recent(db, 10).await.expect("history")[1].rolled_back_at,
            None
        );

        let undone = ImportHistory::roll_back(db, second_id, "Staff", today())
            .await
            .expect("second rolled back");
        assert_eq!((undone.removed, undone.restored), (0, 1), "{name}");
        assert_eq!(join_times(db).await, facts_after_first_only, "{name}");

        let undone = ImportHistory::roll_back(db, first_id, "Staff", today())
            .await
            .expect("first rolled back");
        assert_eq!((undone.removed, undone.restored), (2, 1), "{name}");
        assert!(undone.recompute.is_some(), "{name}: the KPIs follow");
        assert_eq!(
            join_times(db).await,
            facts_before,
            "{name}: the facts as before"
        );
        assert_eq!(
            stored_values(db).await,
            kpis_before,
            "{name}: the KPIs as before"
        );

        let again = refused(ImportHistory::roll_back(db, first_id, "Staff", today()).await);
        assert!(again.contains("was rolled back on"), "{name}: {again}");
        let history = ImportHistory::recent(db, 10).await.expect("history");
        assert!(
            history
                .iter()
                .all(|i| i.rolled_back_by.as_deref() == Some("Staff"))
        );
        let missing = refused(ImportHistory::roll_back(db, 9999, "Staff", today()).await);
        assert!(missing.contains("no import 9999"), "{name}: {missing}");
    }
}

#[tokio::test]
async fn a_refused_file_or_one_with_nothing_to_change_leaves_no_record() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let bad = "event_ref,member_number\nE99,M1\n";
        AttendanceImport::commit(db, bad.as_bytes(), &origin("bad.csv"), today())
            .await
            .expect_err("refused");
        let unchanged = "event_ref,member_number\nE1,M1\n";
        let outcome =
            AttendanceImport::commit(db, unchanged.as_bytes(), &origin("same.csv"), today())
                .await
                .expect("nothing to do");
        assert_eq!(outcome.import_id, None, "{name}");
        assert_eq!(count(db, "fact_imports").await, 0, "{name}");
    }
}
