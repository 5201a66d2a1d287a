//! The seats of clusters' boards from a file or an integration: each known by its cluster
//! and title, with whether its holder leads the cluster (one leading seat per board). The
//! whole file is checked first (every problem by line and column, nothing written on any),
//! written in one transaction, recorded in the import history (from which it can be rolled
//! back), and the board KPIs of the clusters it touches are recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::cluster_board;
use crate::entity::{board_seat, cluster};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{
    FileLayout, ImportPreview, NumberedRecord, Records, RowProblem, parse_flag,
};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of board seats.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "board_seats",
    required: &["cluster_code", "title"],
    optional: &["is_leader"],
};

/// One board seat as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardSeatRecord {
    /// The code of the cluster whose board has the seat.
    pub cluster_code: String,
    /// The seat's title; with the cluster, the natural key.
    pub title: String,
    /// Whether its holder leads the cluster (`yes` or `no`; `no` when left out).
    pub is_leader: Option<String>,
}

/// A seat's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct BoardSeatFields {
    is_leader: bool,
}

/// The `board_seats` table, imported by cluster and title.
pub(crate) struct BoardSeatTable;

impl UpsertTable for BoardSeatTable {
    type Fields = BoardSeatFields;
    const TABLE: &'static str = "board_seats";
    const KEY_COLUMNS: &'static [&'static str] = &["cluster_id", "title"];
    const FIELD_COLUMNS: &'static [&'static str] = &["is_leader"];

    /// A seat's KPIs follow its key (the cluster), which a change keeps:
    /// [`BoardSeatSync::write`] adds that before writing.
    fn touch(_: &BoardSeatFields, _: &mut Touched) {}

    fn field_values(f: &BoardSeatFields) -> Vec<Value> {
        vec![f.is_leader.into()]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedBoardSeats {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<BoardSeatTable>>,
    /// The cluster of each row, for the recompute.
    clusters: Vec<i32>,
}

/// Importing board seats by cluster and title.
pub struct BoardSeatSync;

impl BoardSeatSync {
    /// Checks the records of a file or a batch against the clusters and seats there are;
    /// writes nothing.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<BoardSeatRecord>>>,
    ) -> Result<CheckedBoardSeats, DomainError> {
        let directory = FactDirectory::clusters(db).await?;
        let seats = board_seat::Entity::find().all(db).await?;
        let mut stored: HashMap<(i32, String), (i32, BoardSeatFields)> = HashMap::new();
        // A title in another case is the same seat, which the file must name the same way.
        let mut spelled: HashMap<(i32, String), String> = HashMap::new();
        // Each cluster's leading seat by title, as the board will have it.
        let mut leading: HashMap<i32, Vec<(String, Option<u64>)>> = HashMap::new();
        for seat in seats {
            spelled.insert(
                (seat.cluster_id, seat.title.to_lowercase()),
                seat.title.clone(),
            );
            let fields = BoardSeatFields {
                is_leader: seat.is_leader,
            };
            stored.insert((seat.cluster_id, seat.title), (seat.id, fields));
        }

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<BoardSeatTable>> = Vec::new();
        let mut row_clusters = Vec::new();
        let mut lines = Vec::new();
        let mut seen: HashMap<(i32, String), u64> = HashMap::new();
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
            let title = record.title.trim().to_owned();
            let length = title.chars().count();
            if length == 0 {
                problem("title", "", "required: the seat's title".into());
            } else if length > cluster_board::MAX_TITLE {
                problem(
                    "title",
                    &title,
                    format!("at most {} characters", cluster_board::MAX_TITLE),
                );
            }
            let flag_text = record.is_leader.as_deref().unwrap_or("").trim();
            let is_leader = if flag_text.is_empty() {
                false
            } else {
                parse_flag(flag_text).unwrap_or_else(|| {
                    problem("is_leader", flag_text, "write yes or no".into());
                    false
                })
            };
            let Some(cluster) = cluster else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let lower = title.to_lowercase();
            if let Some(first) = seen.insert((cluster, lower.clone()), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "title",
                    &title,
                    format!("this seat of the cluster is also on {position} {first}"),
                ));
                continue;
            }
            if let Some(other) = spelled.get(&(cluster, lower))
                && *other != title
            {
                preview.problem(RowProblem::in_column(
                    line,
                    "title",
                    &title,
                    format!("the board has this seat as \"{other}\": write it so"),
                ));
                continue;
            }
            let fields = BoardSeatFields { is_leader };
            let action = Upsert::against(stored.get(&(cluster, title.clone())).cloned(), &fields);
            rows.push(Planned {
                key: vec![cluster.into(), title.clone().into()],
                fields,
                action,
            });
            row_clusters.push(cluster);
            lines.push((line, title));
        }

        // One leading seat per board, as the board will be: the stored seats the file does
        // not name keep theirs.
        let named: std::collections::HashSet<(i32, &str)> = row_clusters
            .iter()
            .zip(&lines)
            .map(|(&cluster, (_, title))| (cluster, title.as_str()))
            .collect();
        for ((cluster, title), (_, fields)) in &stored {
            if fields.is_leader && !named.contains(&(*cluster, title.as_str())) {
                leading
                    .entry(*cluster)
                    .or_default()
                    .push((title.clone(), None));
            }
        }
        for ((row, &cluster), (line, title)) in rows.iter().zip(&row_clusters).zip(&lines) {
            if row.fields.is_leader {
                leading
                    .entry(cluster)
                    .or_default()
                    .push((title.clone(), Some(*line)));
            }
        }
        let mut clashes: Vec<(u64, String, String)> = Vec::new();
        for seats in leading.values_mut() {
            // Stored seats first, then in file order: each later one is named.
            seats.sort_by_key(|(_, line)| *line);
            if let Some(((first, _), rest)) = seats.split_first() {
                for (title, line) in rest {
                    if let Some(line) = line {
                        clashes.push((*line, title.clone(), first.clone()));
                    }
                }
            }
        }
        clashes.sort();
        for (line, title, first) in clashes {
            preview.problem(RowProblem::in_column(
                line,
                "is_leader",
                "yes",
                format!(
                    "\"{first}\" leads this cluster; a board has one leading seat, so \"{title}\" cannot"
                ),
            ));
        }

        // In file order, the board-wide problems among the rows' own.
        preview.problems.sort_by_key(|p| p.line);
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedBoardSeats {
            preview,
            rows,
            clusters: row_clusters,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// board KPIs of the clusters it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedBoardSeats {
            preview,
            rows,
            clusters,
        }: CheckedBoardSeats,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        let changed: Vec<i32> = rows
            .iter()
            .zip(&clusters)
            .filter(|(row, _)| !matches!(row.action, Upsert::Keep))
            .map(|(_, &cluster)| cluster)
            .collect();
        let touched = touch_clusters(db, &changed, today).await?;
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// What a change to the seats of `clusters` reaches: every period of those clusters (a
/// seat has no dates, and the board's KPIs of every period count its seats).
async fn touch_clusters<C: ConnectionTrait>(
    db: &C,
    clusters: &[i32],
    today: NaiveDate,
) -> Result<Touched, DomainError> {
    let mut touched = Touched::default();
    if clusters.is_empty() {
        return Ok(touched);
    }
    let founded = cluster::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|c| clusters.contains(&c.id))
        .map(|c| c.founded_on)
        .min();
    touched.clusters.extend(clusters.iter().copied());
    touched.days.extend(founded);
    touched.days.push(today);
    Ok(touched)
}

/// Undoes board seat import `import` in `txn`: what the KPI recompute must cover (the
/// clusters of its seats, which a rollback keeps), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
    today: NaiveDate,
) -> Result<(u64, u64, Touched), DomainError> {
    let clusters = written_rows(txn, "board_seats", "DISTINCT cluster_id", import)
        .await?
        .into_iter()
        .map(|row| row.try_get::<i32>("", "cluster_id"))
        .collect::<Result<Vec<_>, _>>()?;
    let touched = touch_clusters(txn, &clusters, today).await?;
    let undone = undo_rows::<BoardSeatTable, _>(
        txn,
        import,
        "seats this import created have terms now; those must go first, so the seats are kept",
    )
    .await?;
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A board seat record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> BoardSeatRecord {
    BoardSeatRecord {
        cluster_code: cells.text("cluster_code"),
        title: cells.text("title"),
        is_leader: cells.optional("is_leader"),
    }
}
