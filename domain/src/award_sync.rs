//! Award applications from a file or an integration: each known by its reference (a CRM's
//! id, or the `MP-…` one the app gave it), by a cluster or one of its members, with the
//! award, the day it was submitted and its outcome. The whole file is checked first (every
//! problem by line and column, nothing written on any), written in one transaction,
//! recorded in the import history (from which it can be rolled back), and the award KPIs
//! of the clusters, members and days it touches are recomputed.

use std::collections::HashMap;

use chrono::{NaiveDate, TimeDelta};
use sea_orm::{ActiveEnum, ConnectionTrait, DatabaseConnection, EntityTrait, Iterable, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::award_applications::MAX_AWARD;
use crate::entity::{award_application, award_application::AwardOutcome};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::media_sync::REFERENCE_MAX;
use crate::membership_sync::Touched;

/// The columns of a file of award applications; a day as `2025-03-14`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "award_applications",
    required: &["reference", "cluster_code", "award", "submitted_on"],
    optional: &["member_number", "outcome"],
};

/// How far ahead an application may be dated (one agreed for a coming deadline).
const LATEST_DAYS: i64 = 366;

/// One award application as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AwardRecord {
    /// The application's reference: the natural key.
    pub reference: String,
    /// The code of the cluster applying, or whose member applies.
    pub cluster_code: String,
    /// The award applied for.
    pub award: String,
    /// The day it was submitted.
    pub submitted_on: String,
    /// The member applying; the cluster itself when left out.
    pub member_number: Option<String>,
    /// `pending`, `won` or `lost`; pending when left out.
    pub outcome: Option<String>,
}

/// An application's columns besides its reference, as the history keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct AwardFields {
    cluster_id: i32,
    member_id: Option<i32>,
    award: String,
    submitted_on: NaiveDate,
    outcome: String,
}

impl From<&award_application::Model> for AwardFields {
    fn from(a: &award_application::Model) -> Self {
        Self {
            cluster_id: a.cluster_id,
            member_id: a.member_id,
            award: a.award.clone(),
            submitted_on: a.submitted_on,
            outcome: a.outcome.to_value(),
        }
    }
}

/// The `award_applications` table, imported by reference.
pub(crate) struct AwardTable;

impl UpsertTable for AwardTable {
    type Fields = AwardFields;
    const TABLE: &'static str = "award_applications";
    const KEY_COLUMNS: &'static [&'static str] = &["reference"];
    const FIELD_COLUMNS: &'static [&'static str] = &[
        "cluster_id",
        "member_id",
        "award",
        "submitted_on",
        "outcome",
    ];

    fn touch(fields: &AwardFields, touched: &mut Touched) {
        touched.clusters.insert(fields.cluster_id);
        touched.members.extend(fields.member_id);
        touched.days.push(fields.submitted_on);
    }

    fn field_values(f: &AwardFields) -> Vec<Value> {
        vec![
            f.cluster_id.into(),
            f.member_id.into(),
            f.award.clone().into(),
            f.submitted_on.into(),
            f.outcome.clone().into(),
        ]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedAwards {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<AwardTable>>,
}

/// Importing award applications by reference.
pub struct AwardSync;

impl AwardSync {
    /// Checks the records of a file or a batch against the clusters, members and
    /// applications there are; writes nothing. `today` bounds the days.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<AwardRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedAwards, DomainError> {
        let directory = FactDirectory::people(db).await?;
        let stored: HashMap<String, (i32, AwardFields)> = award_application::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|a| {
                let fields = AwardFields::from(&a);
                (a.reference, (a.id, fields))
            })
            .collect();
        let outcomes: Vec<String> = AwardOutcome::iter().map(|o| o.to_value()).collect();
        let latest = today + TimeDelta::days(LATEST_DAYS);

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<AwardTable>> = Vec::new();
        let mut seen: HashMap<String, u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let mut text = |column: &str, value: &str, max: usize| {
                let value = value.trim();
                if value.is_empty() {
                    problem(column, "", "required".into());
                } else if value.chars().count() > max {
                    problem(column, value, format!("at most {max} characters"));
                }
                value.to_owned()
            };
            let reference = text("reference", &record.reference, REFERENCE_MAX);
            let award = text("award", &record.award, MAX_AWARD);
            let code = record.cluster_code.trim();
            let cluster = directory
                .cluster(code)
                .map_err(|why| problem("cluster_code", code, why.into()))
                .ok();
            let number = record.member_number.as_deref().unwrap_or("").trim();
            let member = if number.is_empty() {
                None
            } else {
                directory
                    .member_of(number, cluster)
                    .map_err(|why| problem("member_number", number, why.into()))
                    .ok()
            };
            let day_text = record.submitted_on.trim();
            let submitted_on = NaiveDate::parse_from_str(day_text, "%Y-%m-%d").ok();
            match submitted_on {
                None if day_text.is_empty() => problem(
                    "submitted_on",
                    "",
                    "required: the day it was submitted, as 2025-03-14".into(),
                ),
                None => problem(
                    "submitted_on",
                    day_text,
                    "not a date: write 2025-03-14".into(),
                ),
                Some(day) if day > latest => {
                    problem("submitted_on", day_text, "more than a year ahead".into())
                }
                Some(_) => {}
            }
            let outcome_text = record.outcome.as_deref().unwrap_or("").trim();
            let outcome = if outcome_text.is_empty() {
                AwardOutcome::Pending.to_value()
            } else {
                outcome_text.to_lowercase()
            };
            if !outcomes.contains(&outcome) {
                problem(
                    "outcome",
                    outcome_text,
                    format!("one of {}", outcomes.join(", ")),
                );
            }
            if !reference.is_empty()
                && let Some(first) = seen.insert(reference.clone(), line)
            {
                problem(
                    "reference",
                    &reference,
                    format!("this application is also on {position} {first}"),
                );
            }
            let (Some(cluster_id), Some(submitted_on)) = (cluster, submitted_on) else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let fields = AwardFields {
                cluster_id,
                member_id: member,
                award,
                submitted_on,
                outcome,
            };
            let action = Upsert::against(stored.get(&reference).cloned(), &fields);
            rows.push(Planned {
                key: vec![reference.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedAwards { preview, rows })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// award KPIs of the clusters, members and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedAwards { preview, rows }: CheckedAwards,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, Touched::default(), today).await
    }
}

/// Undoes award import `import` in `txn`: what the KPI recompute must cover (the
/// applications as the import left them and as they are restored), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    for row in written_rows(
        txn,
        "award_applications",
        "cluster_id, member_id, submitted_on",
        import,
    )
    .await?
    {
        touched.clusters.insert(row.try_get("", "cluster_id")?);
        touched
            .members
            .extend(row.try_get::<Option<i32>>("", "member_id")?);
        touched.days.push(row.try_get("", "submitted_on")?);
    }
    let undone =
        undo_rows::<AwardTable, _>(txn, import, "its applications cannot be removed").await?;
    for fields in &undone.restored {
        AwardTable::touch(fields, &mut touched);
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// An award record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> AwardRecord {
    AwardRecord {
        reference: cells.text("reference"),
        cluster_code: cells.text("cluster_code"),
        award: cells.text("award"),
        submitted_on: cells.text("submitted_on"),
        member_number: cells.optional("member_number"),
        outcome: cells.optional("outcome"),
    }
}
