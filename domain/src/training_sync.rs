//! Completed trainings from a file or an integration: each known by the member, the course
//! and the day it was completed (a course taken again another year is another row). The
//! whole file is checked first (every problem by line and column, nothing written on any),
//! written in one transaction and recorded in the import history, from which it can be
//! rolled back; the leadership-training KPI of the members' clusters is recomputed for the
//! days it touches.

use std::collections::HashSet;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::training;
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of trainings; a day as `2025-03-14`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "trainings",
    required: &["member_number", "course", "completed_on"],
    optional: &[],
};

/// The longest course name (the column's width).
const COURSE_MAX: usize = 120;

/// One completed training as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrainingRecord {
    /// The member's number.
    pub member_number: String,
    /// The course's name.
    pub course: String,
    /// The day it was completed; with the member and course, the natural key.
    pub completed_on: String,
}

/// A training's columns besides its key: none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TrainingFields {}

/// The `trainings` table, imported by member, course and day.
pub(crate) struct TrainingTable;

impl UpsertTable for TrainingTable {
    type Fields = TrainingFields;
    const TABLE: &'static str = "trainings";
    const KEY_COLUMNS: &'static [&'static str] = &["member_id", "course", "completed_on"];
    const FIELD_COLUMNS: &'static [&'static str] = &[];

    /// What a training moves is its member's on its day, known from the key.
    fn touch(_: &TrainingFields, _: &mut Touched) {}

    fn field_values(_: &TrainingFields) -> Vec<Value> {
        Vec::new()
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedTrainings {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<TrainingTable>>,
    touched: Touched,
}

/// Importing completed trainings.
pub struct TrainingSync;

impl TrainingSync {
    /// Checks the records of a file or a batch against the members and trainings there
    /// are; writes nothing. `today` bounds the days.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<TrainingRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedTrainings, DomainError> {
        let directory = FactDirectory::people(db).await?;
        let stored: HashSet<(i32, String, NaiveDate)> = training::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.member_id, t.course, t.completed_on))
            .collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<TrainingTable>> = Vec::new();
        let mut touched = Touched::default();
        let mut seen: std::collections::HashMap<(i32, String, NaiveDate), u64> =
            std::collections::HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let number = record.member_number.trim();
            let member = directory
                .member_of(number, None)
                .map_err(|why| problem("member_number", number, why.into()))
                .ok();
            let course = record.course.trim().to_owned();
            let length = course.chars().count();
            if length == 0 {
                problem("course", "", "required: the course's name".into());
            } else if length > COURSE_MAX {
                problem(
                    "course",
                    &course,
                    format!("at most {COURSE_MAX} characters"),
                );
            }
            let text = record.completed_on.trim();
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            match day {
                _ if text.is_empty() => problem(
                    "completed_on",
                    "",
                    "required: the day it was completed, as 2025-01-01".into(),
                ),
                None => problem("completed_on", text, "not a date: write 2025-01-01".into()),
                Some(day) if day > today => problem(
                    "completed_on",
                    text,
                    format!("after today ({today}): record a training once it is completed"),
                ),
                Some(_) => {}
            }
            let (Some(member), Some(day)) = (member, day) else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let key = (member, course.clone(), day);
            if let Some(first) = seen.insert(key.clone(), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "completed_on",
                    text,
                    format!("this training of the member is also on {position} {first}"),
                ));
                continue;
            }
            let action = if stored.contains(&key) {
                Upsert::Keep
            } else {
                touched.add_day(member, None, day);
                Upsert::Create
            };
            rows.push(Planned {
                key: vec![member.into(), course.into(), day.into()],
                fields: TrainingFields {},
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedTrainings {
            preview,
            rows,
            touched,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the KPIs
    /// of the members' clusters on the trainings' days.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedTrainings {
            preview,
            rows,
            touched,
        }: CheckedTrainings,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// Undoes training import `import` in `txn`: what the KPI recompute must cover (the
/// removed trainings' members and days), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    for row in written_rows(txn, "trainings", "member_id, completed_on", import).await? {
        touched.add_day(
            row.try_get("", "member_id")?,
            None,
            row.try_get("", "completed_on")?,
        );
    }
    let undone =
        undo_rows::<TrainingTable, _>(txn, import, "its trainings cannot be removed").await?;
    Ok((undone.removed, 0, touched))
}

/// A training record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> TrainingRecord {
    TrainingRecord {
        member_number: cells.text("member_number"),
        course: cells.text("course"),
        completed_on: cells.text("completed_on"),
    }
}
