//! Members' terms on board seats from a file or an integration: each known by its seat
//! (the cluster's code and the seat's title) and its first day, with the holder, the last
//! day and the successor named for it. The terms of one seat never overlap. The whole file
//! is checked first (every problem by line and column, nothing written on any), written in
//! one transaction, recorded in the import history (from which it can be rolled back), and
//! the board KPIs of the clusters, members and days it touches are recomputed.

use std::collections::HashMap;

use chrono::{NaiveDate, TimeDelta};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::{board_seat, board_term};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{Planned, Upsert, UpsertTable, settle, undo_rows, write_checked};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;
use crate::sql::statement;

/// The columns of a file of board terms; dates as `2025-01-01`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "board_terms",
    required: &["cluster_code", "seat", "member_number", "start_date"],
    optional: &["end_date", "successor_number", "successor_named_on"],
};

/// How far ahead a term may be agreed to start (a board elected for next year).
const LATEST_DAYS: i64 = 366;

/// One board term as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardTermRecord {
    /// The code of the cluster whose board has the seat.
    pub cluster_code: String,
    /// The seat's title (import the seats first).
    pub seat: String,
    /// The holder's member number.
    pub member_number: String,
    /// The term's first day; with the seat, the natural key.
    pub start_date: String,
    /// Its last day; running when left out.
    pub end_date: Option<String>,
    /// The member named to succeed the holder, if one is.
    pub successor_number: Option<String>,
    /// The day the successor was named.
    pub successor_named_on: Option<String>,
}

/// A term's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct BoardTermFields {
    member_id: i32,
    end_date: Option<NaiveDate>,
    successor_id: Option<i32>,
    successor_named_on: Option<NaiveDate>,
}

impl From<&board_term::Model> for BoardTermFields {
    fn from(t: &board_term::Model) -> Self {
        Self {
            member_id: t.member_id,
            end_date: t.end_date,
            successor_id: t.successor_id,
            successor_named_on: t.successor_named_on,
        }
    }
}

impl BoardTermFields {
    /// Adds what a term from `start` of a seat of `cluster` reaches to `touched`.
    fn touch(&self, cluster: i32, start: NaiveDate, touched: &mut Touched) {
        touched.add(self.member_id, cluster, start, self.end_date);
        touched.members.extend(self.successor_id);
        touched.days.extend(self.successor_named_on);
    }
}

/// The `board_terms` table, imported by seat and first day.
pub(crate) struct BoardTermTable;

impl UpsertTable for BoardTermTable {
    type Fields = BoardTermFields;
    const TABLE: &'static str = "board_terms";
    const KEY_COLUMNS: &'static [&'static str] = &["board_seat_id", "start_date"];
    const FIELD_COLUMNS: &'static [&'static str] = &[
        "member_id",
        "end_date",
        "successor_id",
        "successor_named_on",
    ];

    /// A term's KPIs also follow its key (the seat's cluster, the first day):
    /// [`BoardTermSync::write`] adds both versions of each row before writing.
    fn touch(_: &BoardTermFields, _: &mut Touched) {}

    fn field_values(f: &BoardTermFields) -> Vec<Value> {
        vec![
            f.member_id.into(),
            f.end_date.into(),
            f.successor_id.into(),
            f.successor_named_on.into(),
        ]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedBoardTerms {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<BoardTermTable>>,
    /// The seat's cluster and the first day of each row, for the recompute.
    places: Vec<(i32, NaiveDate)>,
}

/// A term of one seat as the seat will have it: first day, last day, and the file line
/// that sets it (`None`: stored, and the file leaves it).
struct SeatTerm {
    start: NaiveDate,
    end: Option<NaiveDate>,
    line: Option<u64>,
    holder: String,
}

/// Importing board terms by seat and first day.
pub struct BoardTermSync;

impl BoardTermSync {
    /// Checks the records of a file or a batch against the seats, members and terms there
    /// are; writes nothing. `today` bounds the dates.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<BoardTermRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedBoardTerms, DomainError> {
        let directory = FactDirectory::people(db).await?;
        let seats: HashMap<(i32, String), i32> = board_seat::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|s| ((s.cluster_id, s.title.to_lowercase()), s.id))
            .collect();

        let mut stored: HashMap<(i32, NaiveDate), (i32, BoardTermFields)> = HashMap::new();
        for term in board_term::Entity::find().all(db).await? {
            let fields = BoardTermFields::from(&term);
            stored.insert((term.board_seat_id, term.start_date), (term.id, fields));
        }
        let latest = today + TimeDelta::days(LATEST_DAYS);

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<BoardTermTable>> = Vec::new();
        let mut places = Vec::new();
        let mut seat_of_row: Vec<i32> = Vec::new();
        let mut lines = Vec::new();
        let mut seen: HashMap<(i32, NaiveDate), u64> = HashMap::new();
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
            let title = record.seat.trim();
            let seat = cluster.and_then(|c| seats.get(&(c, title.to_lowercase())).copied());
            if title.is_empty() {
                problem("seat", "", "required: the seat's title".into());
            } else if cluster.is_some() && seat.is_none() {
                problem(
                    "seat",
                    title,
                    "the cluster's board has no such seat: import the board seats first".into(),
                );
            }
            let number = record.member_number.trim();
            let holder = directory
                .member_of(number, cluster)
                .map_err(|why| problem("member_number", number, why.into()))
                .ok();
            let successor_number = record.successor_number.as_deref().unwrap_or("").trim();
            let successor = if successor_number.is_empty() {
                None
            } else {
                directory
                    .member_of(successor_number, None)
                    .map_err(|why| problem("successor_number", successor_number, why.into()))
                    .ok()
            };
            let mut date = |column: &str, text: Option<&str>| {
                let text = text.map(str::trim).filter(|t| !t.is_empty())?;
                let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
                if day.is_none() {
                    problem(column, text, "not a date: write 2025-01-01".into());
                }
                day
            };
            let start = date("start_date", Some(&record.start_date));
            let end = date("end_date", record.end_date.as_deref());
            let named_on = date("successor_named_on", record.successor_named_on.as_deref());
            if record.start_date.trim().is_empty() {
                problem(
                    "start_date",
                    "",
                    "required: the term's first day, as 2025-01-01".into(),
                );
            }
            // A term may be agreed to end years ahead, but not to start then.
            if let Some(day) = start
                && day > latest
            {
                problem(
                    "start_date",
                    &day.to_string(),
                    "more than a year ahead".into(),
                );
            }
            if let (Some(start), Some(end)) = (start, end)
                && end < start
            {
                problem(
                    "end_date",
                    &end.to_string(),
                    format!("before the term's first day ({start})"),
                );
            }
            let successor_given = record
                .successor_number
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty());
            let named_given = record
                .successor_named_on
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty());
            if successor_given && !named_given {
                problem(
                    "successor_named_on",
                    "",
                    "required with successor_number: the day the successor was named".into(),
                );
            } else if named_given && !successor_given {
                problem(
                    "successor_number",
                    "",
                    "required with successor_named_on: who was named".into(),
                );
            }
            if let Some(day) = named_on
                && day > today
            {
                problem(
                    "successor_named_on",
                    &day.to_string(),
                    format!("after today ({today}): record a successor once named"),
                );
            }
            let (Some(cluster), Some(seat), Some(holder), Some(start)) =
                (cluster, seat, holder, start)
            else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            if let Some(first) = seen.insert((seat, start), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "start_date",
                    &start.to_string(),
                    format!("this seat's term from this day is also on {position} {first}"),
                ));
                continue;
            }
            let fields = BoardTermFields {
                member_id: holder,
                end_date: end,
                successor_id: successor,
                successor_named_on: named_on,
            };
            let action = Upsert::against(stored.get(&(seat, start)).cloned(), &fields);
            rows.push(Planned {
                key: vec![seat.into(), start.into()],
                fields,
                action,
            });
            places.push((cluster, start));
            seat_of_row.push(seat);
            lines.push(line);
        }

        // The terms of each seat as it will have them never overlap: the stored ones the
        // file does not name stay.
        let mut by_seat: HashMap<i32, Vec<SeatTerm>> = HashMap::new();
        let number = |id: i32| directory.number_of(id);
        for ((seat, start), (_, fields)) in &stored {
            if !seen.contains_key(&(*seat, *start)) {
                by_seat.entry(*seat).or_default().push(SeatTerm {
                    start: *start,
                    end: fields.end_date,
                    line: None,
                    holder: number(fields.member_id),
                });
            }
        }
        for (((row, &seat), &line), &(_, start)) in
            rows.iter().zip(&seat_of_row).zip(&lines).zip(&places)
        {
            by_seat.entry(seat).or_default().push(SeatTerm {
                start,
                end: row.fields.end_date,
                line: Some(line),
                holder: number(row.fields.member_id),
            });
        }
        let mut overlaps: Vec<RowProblem> = Vec::new();
        for terms in by_seat.values_mut() {
            terms.sort_by_key(|t| t.start);
            for pair in terms.windows(2) {
                let (earlier, later) = (&pair[0], &pair[1]);
                if earlier.end.is_some_and(|end| end < later.start) {
                    continue;
                }
                let until = earlier
                    .end
                    .map_or_else(|| "with no end".to_owned(), |end| format!("to {end}"));
                // Named on the file's line: the later term's, or the earlier's when the
                // later one is stored.
                let (line, column, value, why) = match (later.line, earlier.line) {
                    (Some(line), _) => (
                        line,
                        "start_date",
                        later.start.to_string(),
                        format!(
                            "overlaps the seat's term of {} from {} {until}: end that term the day before",
                            earlier.holder, earlier.start
                        ),
                    ),
                    (None, Some(line)) => (
                        line,
                        "end_date",
                        earlier.end.map(|e| e.to_string()).unwrap_or_default(),
                        format!(
                            "overlaps the seat's term of {} from {}: end this term before it",
                            later.holder, later.start
                        ),
                    ),
                    (None, None) => continue,
                };
                overlaps.push(RowProblem::in_column(line, column, &value, why));
            }
        }
        overlaps.sort_by_key(|p| p.line);
        for overlap in overlaps {
            preview.problem(overlap);
        }

        // In file order, the board-wide problems among the rows' own.
        preview.problems.sort_by_key(|p| p.line);
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedBoardTerms {
            preview,
            rows,
            places,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// board KPIs of the clusters, members and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedBoardTerms {
            preview,
            rows,
            places,
        }: CheckedBoardTerms,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        let mut touched = Touched::default();
        for (row, &(cluster, start)) in rows.iter().zip(&places) {
            match &row.action {
                Upsert::Keep => continue,
                Upsert::Create => {}
                Upsert::Change(_, was) => was.touch(cluster, start, &mut touched),
            }
            row.fields.touch(cluster, start, &mut touched);
        }
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// Undoes board term import `import` in `txn`: what the KPI recompute must cover (the
/// terms as the import left them and as they are restored), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    touch_imported(txn, import, false, &mut touched).await?;
    let undone = undo_rows::<BoardTermTable, _>(txn, import, "its terms cannot be removed").await?;
    // The changed terms keep their seats and first days; what they hold again counts too.
    touch_imported(txn, import, true, &mut touched).await?;
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// Adds the terms import `import` wrote (only those it changed, with `only_changed`), as
/// they are stored now, to `touched`.
async fn touch_imported<C: ConnectionTrait>(
    txn: &C,
    import: i32,
    only_changed: bool,
    touched: &mut Touched,
) -> Result<(), DomainError> {
    let changed = if only_changed {
        " AND action = 'changed'"
    } else {
        ""
    };
    let rows = txn
        .query_all_raw(statement(
            txn.get_database_backend(),
            &format!(
                "SELECT s.cluster_id AS cluster_id, t.start_date AS start_date, \
                 t.member_id AS member_id, t.end_date AS end_date, \
                 t.successor_id AS successor_id, t.successor_named_on AS successor_named_on \
                 FROM board_terms t JOIN board_seats s ON s.id = t.board_seat_id \
                 WHERE t.id IN (SELECT row_id FROM fact_import_rows \
                 WHERE import_id = ?{changed})"
            ),
            [import.into()],
        ))
        .await?;
    for row in rows {
        BoardTermFields {
            member_id: row.try_get("", "member_id")?,
            end_date: row.try_get("", "end_date")?,
            successor_id: row.try_get("", "successor_id")?,
            successor_named_on: row.try_get("", "successor_named_on")?,
        }
        .touch(
            row.try_get("", "cluster_id")?,
            row.try_get("", "start_date")?,
            touched,
        );
    }
    Ok(())
}

/// A board term record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> BoardTermRecord {
    BoardTermRecord {
        cluster_code: cells.text("cluster_code"),
        seat: cells.text("seat"),
        member_number: cells.text("member_number"),
        start_date: cells.text("start_date"),
        end_date: cells.optional("end_date"),
        successor_number: cells.optional("successor_number"),
        successor_named_on: cells.optional("successor_named_on"),
    }
}
