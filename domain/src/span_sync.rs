//! A cluster's named spans of days from a file or an integration: service projects
//! (known by cluster and name), partnerships (by cluster, partner and first day) and forums
//! (by cluster and name), each with a first day and, once over, a last one under the
//! leader's rules for its end. The whole file is checked first (every problem by line and
//! column, nothing written on any), written in one transaction, recorded in the import
//! history (from which it can be rolled back), and the KPIs of the clusters and days it
//! touches are recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::community_work::{self, WorkKind};
use crate::entity::{forum, partnership, service_project};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of service projects; dates as `2025-03-01`.
pub const PROJECT_LAYOUT: FileLayout = FileLayout {
    kind: "service_projects",
    required: &["cluster_code", "name", "started_on"],
    optional: &["completed_on"],
};

/// The columns of a file of forums; dates as `2025-03-01`.
pub const FORUM_LAYOUT: FileLayout = FileLayout {
    kind: "forums",
    required: &["cluster_code", "name", "formed_on"],
    optional: &["dissolved_on"],
};

/// The longest forum name (the column's width).
const FORUM_NAME_MAX: usize = 120;

/// The columns of a file of partnerships; dates as `2025-03-01`.
pub const PARTNERSHIP_LAYOUT: FileLayout = FileLayout {
    kind: "partnerships",
    required: &["cluster_code", "partner_name", "start_date"],
    optional: &["end_date"],
};

/// One service project or partnership as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanRecord {
    /// The code of the cluster doing the work.
    pub cluster_code: String,
    /// The project's or the partner's name.
    pub name: String,
    /// The first day.
    pub started_on: String,
    /// The day the project was completed or the partnership ends; ongoing when left out.
    pub ended_on: Option<String>,
}

/// A span's days, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SpanFields {
    started_on: NaiveDate,
    ended_on: Option<NaiveDate>,
}

impl SpanFields {
    /// Adds what the span of `cluster` reaches to `touched`.
    fn touch(&self, cluster: i32, touched: &mut Touched) {
        touched.clusters.insert(cluster);
        touched.days.push(self.started_on);
        match self.ended_on {
            Some(end) => touched.days.push(end),
            None => touched.open = true,
        }
    }
}

/// What a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpanKind {
    /// Community work: a service project or a partnership, with the leader's end rules.
    Work(WorkKind),
    /// A forum, formed and, once over, dissolved.
    Forum,
}

impl SpanKind {
    /// The longest name.
    fn name_max(self) -> usize {
        match self {
            Self::Work(_) => community_work::MAX_NAME,
            Self::Forum => FORUM_NAME_MAX,
        }
    }

    /// What one is called in a problem.
    fn noun(self) -> &'static str {
        match self {
            Self::Work(WorkKind::ServiceProject) => "project",
            Self::Work(WorkKind::Partnership) => "partnership",
            Self::Forum => "forum",
        }
    }

    /// Why a span of this kind from `start` cannot end on `end`, if it cannot.
    fn end_why(self, start: NaiveDate, end: NaiveDate, today: NaiveDate) -> Option<String> {
        match self {
            Self::Work(kind) => community_work::end_why(kind, start, end, today),
            Self::Forum if end < start => Some(format!("{end} is before the start, {start}")),
            Self::Forum if end > today => Some(format!("{end} is in the future")),
            Self::Forum => None,
        }
    }
}

/// A table of a cluster's named spans.
pub(crate) trait SpanTable: UpsertTable<Fields = SpanFields> {
    /// Which kind of span its rows are.
    const KIND: SpanKind;
    /// The file's columns for the name, the first day and the end.
    const COLUMNS: [&'static str; 3];
    /// Checked rows of this table, with the cluster of each.
    fn planned(rows: Vec<Planned<Self>>, clusters: Vec<i32>) -> PlannedSpans
    where
        Self: Sized;
}

/// The `service_projects` table, imported by cluster and name.
pub(crate) struct ServiceProjectTable;

impl UpsertTable for ServiceProjectTable {
    type Fields = SpanFields;
    const TABLE: &'static str = "service_projects";
    const KEY_COLUMNS: &'static [&'static str] = &["cluster_id", "name"];
    const FIELD_COLUMNS: &'static [&'static str] = &["started_on", "completed_on"];

    /// A project's KPIs also follow its cluster, in its key: the planner adds it.
    fn touch(_: &SpanFields, _: &mut Touched) {}

    fn field_values(f: &SpanFields) -> Vec<Value> {
        vec![f.started_on.into(), f.ended_on.into()]
    }
}

impl SpanTable for ServiceProjectTable {
    const KIND: SpanKind = SpanKind::Work(WorkKind::ServiceProject);
    const COLUMNS: [&'static str; 3] = ["name", "started_on", "completed_on"];

    fn planned(rows: Vec<Planned<Self>>, clusters: Vec<i32>) -> PlannedSpans {
        PlannedSpans::Projects(rows, clusters)
    }
}

/// The `partnerships` table, imported by cluster, partner and first day.
pub(crate) struct PartnershipTable;

impl UpsertTable for PartnershipTable {
    type Fields = SpanFields;
    const TABLE: &'static str = "partnerships";
    const KEY_COLUMNS: &'static [&'static str] = &["cluster_id", "partner_name", "start_date"];
    const FIELD_COLUMNS: &'static [&'static str] = &["end_date"];

    /// A partnership's KPIs also follow its cluster, in its key: the planner adds it.
    fn touch(_: &SpanFields, _: &mut Touched) {}

    fn field_values(f: &SpanFields) -> Vec<Value> {
        vec![f.ended_on.into()]
    }
}

impl SpanTable for PartnershipTable {
    const KIND: SpanKind = SpanKind::Work(WorkKind::Partnership);
    const COLUMNS: [&'static str; 3] = ["partner_name", "start_date", "end_date"];

    fn planned(rows: Vec<Planned<Self>>, clusters: Vec<i32>) -> PlannedSpans {
        PlannedSpans::Partnerships(rows, clusters)
    }
}

/// The `forums` table, imported by cluster and name.
pub(crate) struct ForumTable;

impl UpsertTable for ForumTable {
    type Fields = SpanFields;
    const TABLE: &'static str = "forums";
    const KEY_COLUMNS: &'static [&'static str] = &["cluster_id", "name"];
    const FIELD_COLUMNS: &'static [&'static str] = &["formed_on", "dissolved_on"];

    /// A forum's KPIs also follow its cluster, in its key: the planner adds it.
    fn touch(_: &SpanFields, _: &mut Touched) {}

    fn field_values(f: &SpanFields) -> Vec<Value> {
        vec![f.started_on.into(), f.ended_on.into()]
    }
}

impl SpanTable for ForumTable {
    const KIND: SpanKind = SpanKind::Forum;
    const COLUMNS: [&'static str; 3] = ["name", "formed_on", "dissolved_on"];

    fn planned(rows: Vec<Planned<Self>>, clusters: Vec<i32>) -> PlannedSpans {
        PlannedSpans::Forums(rows, clusters)
    }
}

/// A checked file of service projects, partnerships or forums: what importing it would do, with
/// its rows ready to write.
pub struct CheckedSpans {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    planned: PlannedSpans,
}

/// Checked rows ready to write, with the cluster of each (for the recompute).
pub(crate) enum PlannedSpans {
    /// Service projects.
    Projects(Vec<Planned<ServiceProjectTable>>, Vec<i32>),
    /// Partnerships.
    Partnerships(Vec<Planned<PartnershipTable>>, Vec<i32>),
    /// Forums.
    Forums(Vec<Planned<ForumTable>>, Vec<i32>),
}

/// A stored span by its natural key: cluster, name and, for a partnership, first day.
type SpanKey = (i32, String, Option<NaiveDate>);

/// Importing service projects, partnerships and forums.
pub struct SpanSync;

impl SpanSync {
    /// Checks the records of a file or a batch of `T`'s rows against the clusters and the
    /// rows there are; writes nothing. `today` bounds the dates.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<T: SpanTable, C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<SpanRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedSpans, DomainError> {
        let directory = FactDirectory::clusters(db).await?;
        let stored = stored_spans(db, T::KIND).await?;
        let [name_column, start_column, end_column] = T::COLUMNS;

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<T>> = Vec::new();
        let mut row_clusters = Vec::new();
        let mut seen: HashMap<SpanKey, u64> = HashMap::new();
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
            let name = record.name.trim().to_owned();
            let length = name.chars().count();
            if length == 0 {
                problem(name_column, "", "required".into());
            } else if length > T::KIND.name_max() {
                problem(
                    name_column,
                    &name,
                    format!("at most {} characters", T::KIND.name_max()),
                );
            }
            let mut date = |column: &str, text: Option<&str>| {
                let text = text.map(str::trim).filter(|t| !t.is_empty())?;
                let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
                if day.is_none() {
                    problem(column, text, "not a date: write 2025-03-01".into());
                }
                day
            };
            let start = date(start_column, Some(&record.started_on));
            let end = date(end_column, record.ended_on.as_deref());
            if record.started_on.trim().is_empty() {
                problem(start_column, "", "required: the first day".into());
            } else if let Some(day) = start
                && day > today
            {
                problem(
                    start_column,
                    &day.to_string(),
                    format!(
                        "after today ({today}): record the {} once it has begun",
                        T::KIND.noun()
                    ),
                );
            }
            if let (Some(start), Some(end)) = (start, end)
                && let Some(why) = T::KIND.end_why(start, end, today)
            {
                problem(end_column, &end.to_string(), why);
            }
            let (Some(cluster), Some(start)) = (cluster, start) else {
                continue;
            };
            if preview.problem_count > before || name.is_empty() {
                continue;
            }
            let key: SpanKey = (
                cluster,
                name.clone(),
                (T::KIND == SpanKind::Work(WorkKind::Partnership)).then_some(start),
            );
            if let Some(first) = seen.insert(key.clone(), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    name_column,
                    &name,
                    format!(
                        "this {} of the cluster is also on {position} {first}",
                        T::KIND.noun()
                    ),
                ));
                continue;
            }
            let fields = SpanFields {
                started_on: start,
                ended_on: end,
            };
            let action = Upsert::against(stored.get(&key).cloned(), &fields);
            let mut values: Vec<Value> = vec![cluster.into(), name.into()];
            values.extend(key.2.map(Value::from));
            rows.push(Planned {
                key: values,
                fields,
                action,
            });
            row_clusters.push(cluster);
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedSpans {
            preview,
            planned: T::planned(rows, row_clusters),
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the KPIs
    /// of the clusters and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedSpans { preview, planned }: CheckedSpans,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        match planned {
            PlannedSpans::Projects(rows, clusters) => {
                write_spans(db, preview, &rows, &clusters, origin, today).await
            }
            PlannedSpans::Partnerships(rows, clusters) => {
                write_spans(db, preview, &rows, &clusters, origin, today).await
            }
            PlannedSpans::Forums(rows, clusters) => {
                write_spans(db, preview, &rows, &clusters, origin, today).await
            }
        }
    }
}

/// Writes checked rows of `T` (see [`SpanSync::write`]).
async fn write_spans<T: SpanTable>(
    db: &DatabaseConnection,
    preview: ImportPreview,
    rows: &[Planned<T>],
    clusters: &[i32],
    origin: &ImportOrigin,
    today: NaiveDate,
) -> Result<ImportOutcome, DomainError> {
    let mut touched = Touched::default();
    for (row, &cluster) in rows.iter().zip(clusters) {
        match &row.action {
            Upsert::Keep => continue,
            Upsert::Create => {}
            Upsert::Change(_, was) => was.touch(cluster, &mut touched),
        }
        row.fields.touch(cluster, &mut touched);
    }
    write_checked(db, preview, rows, origin, touched, today).await
}

/// The stored spans of `kind` by natural key, with their ids and days.
async fn stored_spans<C: ConnectionTrait>(
    db: &C,
    kind: SpanKind,
) -> Result<HashMap<SpanKey, (i32, SpanFields)>, DomainError> {
    let span = |id, started_on, ended_on| {
        (
            id,
            SpanFields {
                started_on,
                ended_on,
            },
        )
    };
    Ok(match kind {
        SpanKind::Work(WorkKind::ServiceProject) => service_project::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|p| {
                (
                    (p.cluster_id, p.name, None),
                    span(p.id, p.started_on, p.completed_on),
                )
            })
            .collect(),
        SpanKind::Forum => forum::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|f| {
                (
                    (f.cluster_id, f.name, None),
                    span(f.id, f.formed_on, f.dissolved_on),
                )
            })
            .collect(),
        SpanKind::Work(WorkKind::Partnership) => partnership::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|p| {
                (
                    (p.cluster_id, p.partner_name, Some(p.start_date)),
                    span(p.id, p.start_date, p.end_date),
                )
            })
            .collect(),
    })
}

/// Undoes an import of `T`'s rows in `txn`: what the KPI recompute must cover (the spans
/// as the import left them and as they are restored), with the counts.
pub(crate) async fn undo<T: SpanTable, C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let [_, start, end] = T::COLUMNS;
    let mut touched = Touched::default();
    let written = written_rows(
        txn,
        T::TABLE,
        &format!("cluster_id, {start} AS started_on, {end} AS ended_on"),
        import,
    )
    .await?;
    for row in written {
        SpanFields {
            started_on: row.try_get("", "started_on")?,
            ended_on: row.try_get("", "ended_on")?,
        }
        .touch(row.try_get("", "cluster_id")?, &mut touched);
    }
    let undone = undo_rows::<T, _>(txn, import, "its rows cannot be removed").await?;
    // A restored span keeps its cluster, read above; its days before the import count too.
    for fields in &undone.restored {
        touched.days.push(fields.started_on);
        touched.days.extend(fields.ended_on);
        if fields.ended_on.is_none() {
            touched.open = true;
        }
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A service project record from a file row's cells.
pub(crate) fn project_record(cells: &crate::fact_file::Cells<'_>) -> SpanRecord {
    SpanRecord {
        cluster_code: cells.text("cluster_code"),
        name: cells.text("name"),
        started_on: cells.text("started_on"),
        ended_on: cells.optional("completed_on"),
    }
}

/// A partnership record from a file row's cells.
pub(crate) fn partnership_record(cells: &crate::fact_file::Cells<'_>) -> SpanRecord {
    SpanRecord {
        cluster_code: cells.text("cluster_code"),
        name: cells.text("partner_name"),
        started_on: cells.text("start_date"),
        ended_on: cells.optional("end_date"),
    }
}

/// A forum record from a file row's cells.
pub(crate) fn forum_record(cells: &crate::fact_file::Cells<'_>) -> SpanRecord {
    SpanRecord {
        cluster_code: cells.text("cluster_code"),
        name: cells.text("name"),
        started_on: cells.text("formed_on"),
        ended_on: cells.optional("dissolved_on"),
    }
}
