//! Clusters' yearly budgets from a file or an integration: each known by its cluster and
//! fiscal year, with the amount, the deadline and the day it was submitted. The whole file
//! is checked first (every problem by line and column, nothing written on any), written in
//! one transaction and recorded in the import history, from which it can be rolled back;
//! the budget KPIs (submitted on time, variance) of the clusters' years are recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::cluster_goals::ClusterGoals;
use crate::dues_sync::cents;
use crate::entity::budget;
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::goal_sync::{fiscal_year, touch_year};
use crate::import_history::ImportOrigin;
use crate::kpi_engine::KpiEngine;
use crate::membership_sync::Touched;

/// The columns of a file of budgets; the year is the fiscal year's, amounts in the
/// organization's currency (`125000.00`), days as `2025-01-31`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "budgets",
    required: &["cluster_code", "year", "amount", "deadline"],
    optional: &["submitted_on"],
};

/// The first fiscal year a file may hold a budget for.
const FIRST_YEAR: i32 = 2000;
/// The largest budget, in cents: a typo guard.
const AMOUNT_MAX: i64 = 10_000_000_000;

/// One budget as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BudgetRecord {
    /// The cluster's code.
    pub cluster_code: String,
    /// The fiscal year (`2025`); with the cluster, the natural key.
    pub year: String,
    /// The amount budgeted for the year (`125000.00`).
    pub amount: String,
    /// The day it was due.
    pub deadline: String,
    /// The day it was submitted; not yet when left out.
    pub submitted_on: Option<String>,
}

/// A budget's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct BudgetFields {
    amount_cents: i64,
    deadline: NaiveDate,
    submitted_on: Option<NaiveDate>,
}

/// The `budgets` table, imported by cluster and fiscal year.
pub(crate) struct BudgetTable;

impl UpsertTable for BudgetTable {
    type Fields = BudgetFields;
    const TABLE: &'static str = "budgets";
    const KEY_COLUMNS: &'static [&'static str] = &["cluster_id", "year"];
    const FIELD_COLUMNS: &'static [&'static str] = &["amount_cents", "deadline", "submitted_on"];

    /// A budget's KPIs follow its key (the cluster's fiscal year), added when checked.
    fn touch(_: &BudgetFields, _: &mut Touched) {}

    fn field_values(f: &BudgetFields) -> Vec<Value> {
        vec![
            f.amount_cents.into(),
            f.deadline.into(),
            f.submitted_on.into(),
        ]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedBudgets {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<BudgetTable>>,
    touched: Touched,
}

/// Importing budgets by cluster and fiscal year.
pub struct BudgetSync;

impl BudgetSync {
    /// Checks the records of a file or a batch against the clusters and budgets there are;
    /// writes nothing. `today` bounds the years and days.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<BudgetRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedBudgets, DomainError> {
        let start = KpiEngine::fiscal_year_start(db).await?;
        let directory = FactDirectory::clusters(db).await?;
        let stored: HashMap<(i32, i32), (i32, BudgetFields)> = budget::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|b| {
                let fields = BudgetFields {
                    amount_cents: b.amount_cents,
                    deadline: b.deadline,
                    submitted_on: b.submitted_on,
                };
                ((b.cluster_id, b.year), (b.id, fields))
            })
            .collect();
        let last_year = ClusterGoals::open_years(today, start)[1];

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<BudgetTable>> = Vec::new();
        let mut touched = Touched::default();
        let mut seen: HashMap<(i32, i32), u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let code = record.cluster_code.trim();
            let cluster = directory
                .cluster(code)
                .map_err(|why| problem("cluster_code", code, why.into()))
                .ok();
            let year_text = record.year.trim();
            let year = fiscal_year(year_text, FIRST_YEAR..=last_year, "budgets")
                .map_err(|why| problem("year", year_text, why))
                .ok();
            let amount_text = record.amount.trim();
            let amount = cents(amount_text).filter(|c| (1..=AMOUNT_MAX).contains(c));
            if amount_text.is_empty() {
                problem("amount", "", "required: the amount budgeted".into());
            } else if amount.is_none() {
                problem(
                    "amount",
                    amount_text,
                    "not an amount above 0: write 125000.00 (no currency sign)".into(),
                );
            }
            let mut date = |column: &str, text: Option<&str>| {
                let text = text.map(str::trim).filter(|t| !t.is_empty())?;
                let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
                if day.is_none() {
                    problem(column, text, "not a date: write 2025-01-31".into());
                }
                day
            };
            let deadline = date("deadline", Some(&record.deadline));
            let submitted_on = date("submitted_on", record.submitted_on.as_deref());
            if record.deadline.trim().is_empty() {
                problem(
                    "deadline",
                    "",
                    "required: the day it was due, as 2025-01-31".into(),
                );
            }
            if let Some(day) = submitted_on
                && day > today
            {
                problem(
                    "submitted_on",
                    &day.to_string(),
                    format!("after today ({today}): record a budget once it is submitted"),
                );
            }
            let (Some(cluster), Some(year), Some(amount_cents), Some(deadline)) =
                (cluster, year, amount, deadline)
            else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            if let Some(first) = seen.insert((cluster, year), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "year",
                    year_text,
                    format!("this cluster's budget for the year is also on {position} {first}"),
                ));
                continue;
            }
            let fields = BudgetFields {
                amount_cents,
                deadline,
                submitted_on,
            };
            let action = Upsert::against(stored.get(&(cluster, year)).cloned(), &fields);
            if !matches!(action, Upsert::Keep) {
                touch_year(&mut touched, cluster, year, start, today);
            }
            rows.push(Planned {
                key: vec![cluster.into(), year.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedBudgets {
            preview,
            rows,
            touched,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// budget KPIs of the clusters' years it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedBudgets {
            preview,
            rows,
            touched,
        }: CheckedBudgets,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// Undoes budget import `import` in `txn`: what the KPI recompute must cover (the
/// clusters' years it wrote), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
    today: NaiveDate,
) -> Result<(u64, u64, Touched), DomainError> {
    let start = KpiEngine::fiscal_year_start(txn).await?;
    let mut touched = Touched::default();
    for row in written_rows(txn, "budgets", "cluster_id, year", import).await? {
        touch_year(
            &mut touched,
            row.try_get("", "cluster_id")?,
            row.try_get("", "year")?,
            start,
            today,
        );
    }
    let undone = undo_rows::<BudgetTable, _>(txn, import, "its budgets cannot be removed").await?;
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A budget record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> BudgetRecord {
    BudgetRecord {
        cluster_code: cells.text("cluster_code"),
        year: cells.text("year"),
        amount: cells.text("amount"),
        deadline: cells.text("deadline"),
        submitted_on: cells.optional("submitted_on"),
    }
}
