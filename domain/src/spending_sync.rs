//! Clusters' spendings from a file or an integration (an accounting system's ledger): each
//! known by its reference, with the cluster, day, amount and category. The whole file is
//! checked first (every problem by line and column, nothing written on any), written in
//! one transaction and recorded in the import history, from which it can be rolled back;
//! the budget variance of the clusters and days it touches is recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::dues_sync::cents;
use crate::entity::spending;
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::media_sync::REFERENCE_MAX;
use crate::membership_sync::Touched;

/// The columns of a file of spendings; a day as `2025-03-14`, an amount in the
/// organization's currency (`1250.00`).
pub const LAYOUT: FileLayout = FileLayout {
    kind: "spendings",
    required: &[
        "reference",
        "cluster_code",
        "spent_on",
        "amount",
        "category",
    ],
    optional: &[],
};

/// The longest category (the column's width).
const CATEGORY_MAX: usize = 60;
/// The largest spending, in cents: a typo guard.
const AMOUNT_MAX: i64 = 10_000_000_000;

/// One spending as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpendingRecord {
    /// Its reference (the ledger's id): the natural key.
    pub reference: String,
    /// The code of the cluster that spent it.
    pub cluster_code: String,
    /// The day it was spent.
    pub spent_on: String,
    /// How much (`1250.00`).
    pub amount: String,
    /// What for: venue, catering, speakers…
    pub category: String,
}

/// A spending's columns besides its reference, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SpendingFields {
    cluster_id: i32,
    spent_on: NaiveDate,
    amount_cents: i64,
    category: String,
}

/// The `spendings` table, imported by reference.
pub(crate) struct SpendingTable;

impl UpsertTable for SpendingTable {
    type Fields = SpendingFields;
    const TABLE: &'static str = "spendings";
    const KEY_COLUMNS: &'static [&'static str] = &["reference"];
    const FIELD_COLUMNS: &'static [&'static str] =
        &["cluster_id", "spent_on", "amount_cents", "category"];

    fn touch(fields: &SpendingFields, touched: &mut Touched) {
        touched.clusters.insert(fields.cluster_id);
        touched.days.push(fields.spent_on);
    }

    fn field_values(f: &SpendingFields) -> Vec<Value> {
        vec![
            f.cluster_id.into(),
            f.spent_on.into(),
            f.amount_cents.into(),
            f.category.clone().into(),
        ]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedSpendings {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<SpendingTable>>,
}

/// Importing spendings by reference.
pub struct SpendingSync;

impl SpendingSync {
    /// Checks the records of a file or a batch against the clusters and spendings there
    /// are; writes nothing. `today` bounds the days.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<SpendingRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedSpendings, DomainError> {
        let directory = FactDirectory::clusters(db).await?;
        let stored: HashMap<String, (i32, SpendingFields)> = spending::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|s| {
                let fields = SpendingFields {
                    cluster_id: s.cluster_id,
                    spent_on: s.spent_on,
                    amount_cents: s.amount_cents,
                    category: s.category,
                };
                (s.reference, (s.id, fields))
            })
            .collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<SpendingTable>> = Vec::new();
        let mut seen: HashMap<String, u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let mut text = |column: &str, value: &str, max: usize| {
                let value = value.trim().to_owned();
                let length = value.chars().count();
                if length == 0 {
                    problem(column, "", "required".into());
                } else if length > max {
                    problem(column, &value, format!("at most {max} characters"));
                }
                value
            };
            let reference = text("reference", &record.reference, REFERENCE_MAX);
            let category = text("category", &record.category, CATEGORY_MAX);
            let code = record.cluster_code.trim();
            let cluster = directory
                .cluster(code)
                .map_err(|why| problem("cluster_code", code, why.into()))
                .ok();
            let day_text = record.spent_on.trim();
            let day = NaiveDate::parse_from_str(day_text, "%Y-%m-%d").ok();
            match day {
                _ if day_text.is_empty() => problem(
                    "spent_on",
                    "",
                    "required: the day it was spent, as 2025-01-01".into(),
                ),
                None => problem("spent_on", day_text, "not a date: write 2025-01-01".into()),
                Some(day) if day > today => problem(
                    "spent_on",
                    day_text,
                    format!("after today ({today}): record a spending once it is made"),
                ),
                Some(_) => {}
            }
            let amount_text = record.amount.trim();
            let amount = cents(amount_text).filter(|c| (1..=AMOUNT_MAX).contains(c));
            if amount_text.is_empty() {
                problem("amount", "", "required: how much was spent".into());
            } else if amount.is_none() {
                problem(
                    "amount",
                    amount_text,
                    "not an amount above 0: write 1250.00 (no currency sign)".into(),
                );
            }
            if !reference.is_empty()
                && let Some(first) = seen.insert(reference.clone(), line)
            {
                problem(
                    "reference",
                    &reference,
                    format!("this spending is also on {position} {first}"),
                );
            }
            let (Some(cluster_id), Some(spent_on), Some(amount_cents)) = (cluster, day, amount)
            else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let fields = SpendingFields {
                cluster_id,
                spent_on,
                amount_cents,
                category,
            };
            let action = Upsert::against(stored.get(&reference).cloned(), &fields);
            rows.push(Planned {
                key: vec![reference.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedSpendings { preview, rows })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// budget variance of the clusters and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedSpendings { preview, rows }: CheckedSpendings,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, Touched::default(), today).await
    }
}

/// Undoes spending import `import` in `txn`: what the KPI recompute must cover (the
/// spendings as the import left them and as they are restored), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    for row in written_rows(txn, "spendings", "cluster_id, spent_on", import).await? {
        touched.clusters.insert(row.try_get("", "cluster_id")?);
        touched.days.push(row.try_get("", "spent_on")?);
    }
    let undone =
        undo_rows::<SpendingTable, _>(txn, import, "its spendings cannot be removed").await?;
    for fields in &undone.restored {
        SpendingTable::touch(fields, &mut touched);
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A spending record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> SpendingRecord {
    SpendingRecord {
        reference: cells.text("reference"),
        cluster_code: cells.text("cluster_code"),
        spent_on: cells.text("spent_on"),
        amount: cells.text("amount"),
        category: cells.text("category"),
    }
}
