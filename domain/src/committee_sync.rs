//! Clusters' committees from a file or an integration: each known by its cluster and name,
//! created when new and left alone otherwise (a committee has nothing else to change). The
//! whole file is checked first (every problem by line and column, nothing written on any),
//! written in one transaction and recorded in the import history, from which it can be
//! rolled back. No KPI reads committees themselves (their calls count), so nothing is
//! recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::committee;
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{Planned, Upsert, UpsertTable, settle, undo_rows, write_checked};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of committees.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "committees",
    required: &["cluster_code", "name"],
    optional: &[],
};

/// The longest committee name (the column's width).
const NAME_MAX: usize = 120;

/// One committee as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommitteeRecord {
    /// The code of the cluster it belongs to.
    pub cluster_code: String,
    /// Its name; with the cluster, the natural key.
    pub name: String,
}

/// A committee's columns besides its key: none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CommitteeFields {}

/// The `committees` table, imported by cluster and name.
pub(crate) struct CommitteeTable;

impl UpsertTable for CommitteeTable {
    type Fields = CommitteeFields;
    const TABLE: &'static str = "committees";
    const KEY_COLUMNS: &'static [&'static str] = &["cluster_id", "name"];
    const FIELD_COLUMNS: &'static [&'static str] = &[];

    /// No KPI reads a committee itself.
    fn touch(_: &CommitteeFields, _: &mut Touched) {}

    fn field_values(_: &CommitteeFields) -> Vec<Value> {
        Vec::new()
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedCommittees {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<CommitteeTable>>,
}

/// Importing committees by cluster and name.
pub struct CommitteeSync;

impl CommitteeSync {
    /// Checks the records of a file or a batch against the clusters and committees there
    /// are; writes nothing.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<CommitteeRecord>>>,
    ) -> Result<CheckedCommittees, DomainError> {
        let directory = FactDirectory::clusters(db).await?;
        let stored: HashMap<(i32, String), i32> = committee::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| ((c.cluster_id, c.name), c.id))
            .collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<CommitteeTable>> = Vec::new();
        let mut seen: HashMap<(i32, String), u64> = HashMap::new();
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
                problem("name", "", "required".into());
            } else if length > NAME_MAX {
                problem("name", &name, format!("at most {NAME_MAX} characters"));
            }
            let Some(cluster) = cluster else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let key = (cluster, name.clone());
            if let Some(first) = seen.insert(key.clone(), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "name",
                    &name,
                    format!("this committee of the cluster is also on {position} {first}"),
                ));
                continue;
            }
            let action = Upsert::against(
                stored.get(&key).map(|&id| (id, CommitteeFields {})),
                &CommitteeFields {},
            );
            rows.push(Planned {
                key: vec![cluster.into(), name.into()],
                fields: CommitteeFields {},
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedCommittees { preview, rows })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written) and records it in the import history.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedCommittees { preview, rows }: CheckedCommittees,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, Touched::default(), today).await
    }
}

/// Undoes committee import `import` in `txn`: removes the committees it created; nothing
/// to recompute.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let undone = undo_rows::<CommitteeTable, _>(
        txn,
        import,
        "committees this import created have members or calls now; those must go first",
    )
    .await?;
    Ok((undone.removed, 0, Touched::default()))
}

/// A committee record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> CommitteeRecord {
    CommitteeRecord {
        cluster_code: cells.text("cluster_code"),
        name: cells.text("name"),
    }
}
