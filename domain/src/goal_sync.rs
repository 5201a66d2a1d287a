//! Clusters' goals from a file or an integration: each known by its cluster, fiscal year
//! and title, with the day it was set, the year's goal-setting deadline and whether it was
//! achieved. The whole file is checked first (every problem by line and column, nothing
//! written on any), written in one transaction, recorded in the import history (from
//! which it can be rolled back), and the goal KPIs of the clusters and years it touches
//! are recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use kpi::{FiscalYearStart, Period};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::cluster_goals::{self, ClusterGoals};
use crate::entity::goal;
use crate::fact_directory::FactDirectory;
use crate::fact_file::{
    FileLayout, ImportPreview, NumberedRecord, Records, RowProblem, parse_flag,
};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::kpi_engine::KpiEngine;
use crate::membership_sync::Touched;

/// The columns of a file of goals; the year is the fiscal year's (named by the calendar
/// year it starts in), dates as `2025-01-20`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "goals",
    required: &["cluster_code", "year", "title", "recorded_on"],
    optional: &["deadline", "achieved"],
};

/// The first fiscal year a file may hold goals for: older ones are out of any KPI.
const FIRST_YEAR: i32 = 2000;

/// One goal as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalRecord {
    /// The code of the cluster that set the goal.
    pub cluster_code: String,
    /// The fiscal year it is for (`2025`).
    pub year: String,
    /// What the goal is; with the cluster and year, the natural key.
    pub title: String,
    /// The day it was set.
    pub recorded_on: String,
    /// The year's goal-setting deadline; thirty days into the fiscal year when left out.
    pub deadline: Option<String>,
    /// Whether it was achieved (`yes` or `no`; `no` when left out).
    pub achieved: Option<String>,
}

/// A goal's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct GoalFields {
    recorded_on: NaiveDate,
    deadline: NaiveDate,
    achieved: bool,
}

impl From<&goal::Model> for GoalFields {
    fn from(g: &goal::Model) -> Self {
        Self {
            recorded_on: g.recorded_on,
            deadline: g.deadline,
            achieved: g.achieved,
        }
    }
}

/// The `goals` table, imported by cluster, year and title.
pub(crate) struct GoalTable;

impl UpsertTable for GoalTable {
    type Fields = GoalFields;
    const TABLE: &'static str = "goals";
    const KEY_COLUMNS: &'static [&'static str] = &["cluster_id", "year", "title"];
    const FIELD_COLUMNS: &'static [&'static str] = &["recorded_on", "deadline", "achieved"];

    /// A goal's KPIs follow its key (the cluster's fiscal year), which a change keeps:
    /// [`GoalSync::write`] adds that before writing.
    fn touch(_: &GoalFields, _: &mut Touched) {}

    fn field_values(f: &GoalFields) -> Vec<Value> {
        vec![f.recorded_on.into(), f.deadline.into(), f.achieved.into()]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedGoals {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<GoalTable>>,
    /// The cluster and fiscal year of each row, for the recompute.
    years: Vec<(i32, i32)>,
}

/// Importing goals by cluster, year and title.
pub struct GoalSync;

impl GoalSync {
    /// Checks the records of a file or a batch against the clusters and goals there are;
    /// writes nothing. `today` bounds the dates.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<GoalRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedGoals, DomainError> {
        let start = KpiEngine::fiscal_year_start(db).await?;
        let directory = FactDirectory::clusters(db).await?;
        // By cluster, year and title as written, and as compared (any case): a title the
        // year has in another case is the same goal, which the file must name the same way.
        let mut stored: HashMap<(i32, i32, String), (i32, GoalFields)> = HashMap::new();
        let mut spelled: HashMap<(i32, i32, String), String> = HashMap::new();
        for g in goal::Entity::find().all(db).await? {
            spelled.insert(
                (g.cluster_id, g.year, g.title.to_lowercase()),
                g.title.clone(),
            );
            let fields = GoalFields::from(&g);
            stored.insert((g.cluster_id, g.year, g.title), (g.id, fields));
        }
        let last_year = ClusterGoals::open_years(today, start)[1];

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<GoalTable>> = Vec::new();
        let mut years = Vec::new();
        let mut seen: HashMap<(i32, i32, String), u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem {
                    line,
                    column: Some(column.to_owned()),
                    value: value.to_owned(),
                    why,
                });
            };
            let code = record.cluster_code.trim();
            let cluster = directory
                .cluster(code)
                .map_err(|why| problem("cluster_code", code, why.into()))
                .ok();
            let year_text = record.year.trim();
            let year = fiscal_year(year_text, FIRST_YEAR..=last_year, "goals")
                .map_err(|why| problem("year", year_text, why))
                .ok();
            let title = record.title.trim().to_owned();
            let length = title.chars().count();
            if length == 0 {
                problem("title", "", "required: what the goal is".into());
            } else if length > cluster_goals::MAX_TITLE {
                problem(
                    "title",
                    &title,
                    format!("at most {} characters", cluster_goals::MAX_TITLE),
                );
            }
            let mut date = |column: &str, text: Option<&str>| {
                let text = text.map(str::trim).filter(|t| !t.is_empty())?;
                let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
                if day.is_none() {
                    problem(column, text, "not a date: write 2025-01-20".into());
                }
                day
            };
            let recorded_on = date("recorded_on", Some(&record.recorded_on));
            let deadline = date("deadline", record.deadline.as_deref());
            if record.recorded_on.trim().is_empty() {
                problem(
                    "recorded_on",
                    "",
                    "required: the day the goal was set, as 2025-01-20".into(),
                );
            } else if let Some(day) = recorded_on
                && day > today
            {
                problem(
                    "recorded_on",
                    &record.recorded_on,
                    format!("after today ({today}): record a goal once it is set"),
                );
            }
            let achieved_text = record.achieved.as_deref().unwrap_or("").trim();
            let achieved = if achieved_text.is_empty() {
                false
            } else {
                parse_flag(achieved_text).unwrap_or_else(|| {
                    problem("achieved", achieved_text, "write yes or no".into());
                    false
                })
            };
            let (Some(cluster), Some(year), Some(recorded_on)) = (cluster, year, recorded_on)
            else {
                continue;
            };
            if preview.problem_count > before || title.is_empty() {
                continue;
            }
            let lower = title.to_lowercase();
            if let Some(first) = seen.insert((cluster, year, lower.clone()), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "title",
                    &title,
                    format!("this goal of the cluster and year is also on {position} {first}"),
                ));
                continue;
            }
            if let Some(other) = spelled.get(&(cluster, year, lower))
                && *other != title
            {
                preview.problem(RowProblem::in_column(
                    line,
                    "title",
                    &title,
                    format!("the cluster has this goal for {year} as \"{other}\": write it so"),
                ));
                continue;
            }
            let fields = GoalFields {
                recorded_on,
                deadline: deadline.unwrap_or_else(|| ClusterGoals::deadline(year, start)),
                achieved,
            };
            let action = Upsert::against(
                stored.get(&(cluster, year, title.clone())).cloned(),
                &fields,
            );
            rows.push(Planned {
                key: vec![cluster.into(), year.into(), title.into()],
                fields,
                action,
            });
            years.push((cluster, year));
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedGoals {
            preview,
            rows,
            years,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the goal
    /// KPIs of the clusters and fiscal years it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedGoals {
            preview,
            rows,
            years,
        }: CheckedGoals,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        let start = KpiEngine::fiscal_year_start(db).await?;
        let mut touched = Touched::default();
        for (row, &(cluster, year)) in rows.iter().zip(&years) {
            if !matches!(row.action, Upsert::Keep) {
                touch_year(&mut touched, cluster, year, start, today);
            }
        }
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// The fiscal year a file's cell names (`2025`), one of `years`, or why not; `what` the
/// years are for (`goals`).
pub(crate) fn fiscal_year(
    text: &str,
    years: std::ops::RangeInclusive<i32>,
    what: &str,
) -> Result<i32, String> {
    match text.parse::<i32>() {
        _ if text.is_empty() => Err("required: the fiscal year, as 2025".into()),
        Err(_) => Err("not a year: write 2025".into()),
        Ok(year) if !years.contains(&year) => Err(format!(
            "{what} are for fiscal years {} to {}",
            years.start(),
            years.end()
        )),
        Ok(year) => Ok(year),
    }
}

/// Adds fiscal year `year` of `cluster`, as far as it has begun by `today`, to `touched`.
pub(crate) fn touch_year(
    touched: &mut Touched,
    cluster: i32,
    year: i32,
    start: FiscalYearStart,
    today: NaiveDate,
) {
    let period = Period::Year { year, start };
    if period.first_day() > today {
        return;
    }
    touched.clusters.insert(cluster);
    touched.days.push(period.first_day());
    touched.days.push(period.last_day().min(today));
}

/// Undoes goal import `import` in `txn`: what the KPI recompute must cover (the clusters
/// and years of its rows, which a rollback keeps), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
    today: NaiveDate,
) -> Result<(u64, u64, Touched), DomainError> {
    let start = KpiEngine::fiscal_year_start(txn).await?;
    let mut touched = Touched::default();
    let written = written_rows(txn, "goals", "cluster_id, year", import).await?;
    for row in written {
        touch_year(
            &mut touched,
            row.try_get("", "cluster_id")?,
            row.try_get("", "year")?,
            start,
            today,
        );
    }
    let undone = undo_rows::<GoalTable, _>(txn, import, "its goals cannot be removed").await?;
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A goal record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> GoalRecord {
    GoalRecord {
        cluster_code: cells.text("cluster_code"),
        year: cells.text("year"),
        title: cells.text("title"),
        recorded_on: cells.text("recorded_on"),
        deadline: cells.optional("deadline"),
        achieved: cells.optional("achieved"),
    }
}
