//! Importing attendances from CSV: a preview that writes nothing, a clean file written once
//! (importing it again changes nothing) with the KPIs it moves recomputed exactly as a full
//! recompute would, and every kind of bad row named by line, column and value with nothing
//! written.

mod support;

use chrono::NaiveDate;
use domain::attendance_import::AttendanceImport;
use domain::fact_file::RowProblem;
use domain::kpi_engine::KpiEngine;
use domain::sea_orm::{ConnectionTrait, Statement};

use support::count;

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

fn origin() -> domain::import_history::ImportOrigin {
    domain::import_history::ImportOrigin {
        source: "attendances.csv".into(),
        by: "Test Staff <staff@example.test>".into(),
    }
}

const CLEAN: &str = "event_ref,member_number,joined_at\n\
E2,M2,\n\
E2,M4,2025-03-31 18:10\n\
E1,M1,\n\
E9,M1,2025-04-01T19:04:00\n";

#[tokio::test]
async fn a_clean_file_is_previewed_then_imported_once_and_the_kpis_follow() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");

        let preview = AttendanceImport::preview(db, CLEAN.as_bytes())
            .await
            .expect("preview");
        assert_eq!(preview.problems, Vec::<RowProblem>::new(), "{name}");
        assert_eq!(
            (
                preview.rows,
                preview.created,
                preview.changed,
                preview.unchanged
            ),
            (4, 2, 1, 1),
            "{name}: two new, a join time changed, one already recorded"
        );
        assert_eq!(
            count(db, "attendances").await,
            25,
            "{name}: a preview writes nothing"
        );

        let outcome = AttendanceImport::commit(db, CLEAN.as_bytes(), &origin(), today())
            .await
            .expect("import");
        assert_eq!(outcome.preview, preview, "{name}");
        let report = outcome.recompute.expect("recomputed");
        assert!(report.saved.updated > 0, "{name}: {report:?}");
        assert_eq!(count(db, "attendances").await, 27, "{name}");
        assert_eq!(
            joined_at(db, 9, 1)
                .await
                .map(|t| t.format("%H:%M:%S").to_string()),
            Some("19:04:00".into()),
            "{name}"
        );
        // The incremental recompute left nothing for a full one to change.
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: {full:?}"
        );

        // The same file again changes nothing.
        let again = AttendanceImport::commit(db, CLEAN.as_bytes(), &origin(), today())
            .await
            .expect("again");
        assert_eq!(
            (
                again.preview.created,
                again.preview.changed,
                again.preview.unchanged
            ),
            (0, 0, 4),
            "{name}"
        );
        assert!(again.recompute.is_none(), "{name}");
        assert_eq!(count(db, "attendances").await, 27, "{name}");
    }
}

#[tokio::test]
async fn every_kind_of_bad_row_is_named_and_nothing_is_written() {
    let mut file = b"event_ref,member_number,joined_at\n\
E2,,\n\
E99,M1,\n\
E3,M1,\n\
E2,M42,\n\
E2,M5,yesterday\n\
E2,M6,2025-03-31 08:00\n\
E4,M1,\n\
E4,M1,\n\
E4,M2\n"
        .to_vec();
    file.extend_from_slice(b"E4,M\xff3,\n");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;

        let preview = AttendanceImport::preview(db, file.as_slice())
            .await
            .expect("preview");
        let found: Vec<(u64, Option<&str>, &str)> = preview
            .problems
            .iter()
            .map(|p| (p.line, p.column.as_deref(), p.value.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (2, Some("member_number"), ""),
                (3, Some("event_ref"), "E99"),
                (4, Some("event_ref"), "E3"),
                (5, Some("member_number"), "M42"),
                (6, Some("joined_at"), "yesterday"),
                (7, Some("joined_at"), "2025-03-31 08:00"),
                (9, Some("member_number"), "M1"),
                (10, None, ""),
                (11, None, ""),
            ],
            "{name}: {:#?}",
            preview.problems
        );
        let why: Vec<String> = preview.problems.iter().map(ToString::to_string).collect();
        for (line, phrase) in [
            (0, "required"),
            (1, "no event has this reference"),
            (2, "the event is cancelled"),
            (3, "no member has this number"),
            (4, "not a time"),
            (
                5,
                "not between an hour before and four hours after the event's start (2025-03-31 18:00)",
            ),
            (6, "also on line 8"),
            (7, "has 2 fields where the header has 3"),
            (8, "not UTF-8"),
        ] {
            assert!(
                why[line].contains(phrase),
                "{name}: {phrase:?} in {:?}",
                why[line]
            );
        }

        let refused = AttendanceImport::commit(db, file.as_slice(), &origin(), today())
            .await
            .expect_err("refused");
        let text = refused.to_string();
        assert!(
            text.contains("line 3, event_ref \"E99\": no event has this reference"),
            "{text}"
        );
        assert!(text.ends_with("nothing was imported"), "{text}");
        assert_eq!(
            count(db, "attendances").await,
            25,
            "{name}: nothing written"
        );
    }
}

#[tokio::test]
async fn wrong_columns_and_empty_files_are_refused_before_any_row() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let preview = AttendanceImport::preview(db, "event,member_number\nE2,M2\n".as_bytes())
            .await
            .expect("preview");
        let why: Vec<String> = preview.problems.iter().map(ToString::to_string).collect();
        assert_eq!(why.len(), 2, "{name}: {why:?}");
        assert!(
            why[0].contains("the column event_ref is missing"),
            "{why:?}"
        );
        assert!(
            why[1].contains("the column \"event\" is not known"),
            "{why:?}"
        );
        assert_eq!(
            preview.rows, 0,
            "{name}: no row is read under a wrong header"
        );

        let empty = AttendanceImport::preview(db, "event_ref,member_number\n".as_bytes())
            .await
            .expect("preview");
        assert_eq!(empty.problem_count, 1, "{name}");
        assert!(empty.problems[0].why.contains("no rows"), "{name}");
        assert_eq!(count(db, "attendances").await, 25, "{name}");
    }
}

/// When `member` joined `event`, as recorded.
async fn joined_at(
    db: &domain::sea_orm::DatabaseConnection,
    event: i32,
    member: i32,
) -> Option<chrono::NaiveDateTime> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT joined_at FROM attendances WHERE event_id = {event} AND member_id = {member}"),
        ))
        .await
        .expect("query")
        .expect("row");
    row.try_get("", "joined_at").expect("time")
}

/// An XLSX workbook with one sheet per `(name, rows)`; a cell starting with `=` is a
/// formula and one like `2025-03-31 18:10` a date-time cell.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if let Some(formula) = cell.strip_prefix('=') {
                    sheet.write_formula(r, c, formula).expect("formula");
                } else if let Ok(at) = ExcelDateTime::parse_from_str(cell) {
                    sheet
                        .write_datetime_with_format(r, c, &at, &time)
                        .expect("time");
                } else {
                    sheet.write_string(r, c, *cell).expect("text");
                }
            }
        }
    }
    book.save_to_buffer().expect("workbook")
}

#[tokio::test]
async fn a_workbook_is_read_like_a_csv_file_and_formulas_or_a_wrong_sheet_are_named() {
    let header: &[&str] = &["event_ref", "member_number", "joined_at"];
    let clean = workbook(&[(
        "attendances",
        &[header, &["E2", "M2", ""], &["E2", "M4", "2025-03-31 18:10"]],
    )]);
    let formula = workbook(&[(
        "Sheet1",
        &[header, &["E2", "M2", ""], &["=\"E\"&\"2\"", "M4", ""]],
    )]);
    let two_sheets = workbook(&[("Sheet1", &[header]), ("Notes", &[&["x"]])]);
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;

        let preview = AttendanceImport::preview_workbook(db, std::io::Cursor::new(&clean))
            .await
            .expect("preview");
        assert_eq!(preview.problems, Vec::<RowProblem>::new(), "{name}");
        assert_eq!((preview.rows, preview.created), (2, 2), "{name}");

        let found = AttendanceImport::preview_workbook(db, std::io::Cursor::new(&formula))
            .await
            .expect("preview");
        assert_eq!(found.problem_count, 1, "{name}: {:?}", found.problems);
        assert_eq!(found.problems[0].line, 3, "{name}");
        assert!(found.problems[0].why.contains("has a formula"), "{name}");

        let found = AttendanceImport::preview_workbook(db, std::io::Cursor::new(&two_sheets))
            .await
            .expect("preview");
        assert!(
            found.problems[0]
                .why
                .contains("the workbook has the sheets Sheet1, Notes"),
            "{name}: {:?}",
            found.problems
        );
        let found = AttendanceImport::preview_workbook(db, std::io::Cursor::new(CLEAN.as_bytes()))
            .await
            .expect("preview");
        assert!(
            found.problems[0].why.contains("is not an XLSX workbook"),
            "{name}: {:?}",
            found.problems
        );

        let outcome =
            AttendanceImport::commit_workbook(db, std::io::Cursor::new(&clean), &origin(), today())
                .await
                .expect("import");
        assert_eq!(outcome.preview.created, 2, "{name}");
        assert_eq!(count(db, "attendances").await, 27, "{name}");
        assert_eq!(
            joined_at(db, 2, 4)
                .await
                .map(|t| t.format("%H:%M").to_string()),
            Some("18:10".into()),
            "{name}: the date-time cell is read as such"
        );
    }
}
