//! Importing attendances from a CSV file: each row names an event by its reference and a
//! member by their number, with the time they joined when known. The whole file is checked
//! before anything is written: the preview says what would be created, changed and left
//! alone, and lists every problem with its line, column, value and why. A file with any
//! problem changes nothing; a clean one is written in one transaction, then the KPIs it
//! can move are recomputed for the clusters it concerns. An attendance is known by its
//! event and member, so importing the same file again changes nothing.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};

use chrono::{NaiveDate, NaiveDateTime};
use kpi::{ClusterId, MemberId};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

use crate::DomainError;
use crate::committee_calls::{EARLIEST_JOIN, LATEST_JOIN};
use crate::fact_file::{
    FileLayout, ImportPreview, NumberedRecord, RecordIter, Records, RowProblem, batch, parse_time,
};
use crate::fact_import::ImportOutcome;
use crate::import_history::{self, ImportOrigin, ImportRecord};
use crate::kpi_engine::{FactChange, KpiEngine, RecomputeReport};
use crate::sql::{insert_returning_ids, statement};

/// The columns of an attendance file: the event's reference, the member's number and,
/// when known, when they joined (`2025-03-14 18:05`).
pub const LAYOUT: FileLayout = FileLayout {
    kind: "attendances",
    required: &["event_ref", "member_number"],
    optional: &["joined_at"],
};
/// Rows written per statement.
const CHUNK: usize = 500;
/// An event as rows are checked against it.
struct EventFacts {
    id: i32,
    cluster: Option<i32>,
    starts_at: NaiveDateTime,
    status: String,
}

/// What a checked row does.
enum Action {
    Create,
    /// The recorded attendance's id and its join time before.
    Change(i32, Option<NaiveDateTime>),
    Keep,
}

/// A checked row.
struct PlannedRow {
    event: i32,
    member: i32,
    joined_at: Option<NaiveDateTime>,
    day: NaiveDate,
    cluster: Option<i32>,
    action: Action,
}

/// One attendance as an integration pushes it through the API.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttendanceRecord {
    /// The event's reference.
    pub event_ref: String,
    /// The member's number.
    pub member_number: String,
    /// When the member joined (`2025-03-14T18:05`), when known.
    pub joined_at: Option<String>,
}

/// Imports attendances.
pub struct AttendanceImport;

/// A checked file: what importing it would do, with its rows ready to write. The page
/// checks once and writes what it checked, rather than reading the file twice.
pub struct CheckedFile {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<PlannedRow>,
}

impl AttendanceImport {
    /// Checks a CSV `file`; writes nothing.
    #[tracing::instrument(skip_all, err)]
    pub async fn check<C: ConnectionTrait>(
        db: &C,
        file: impl Read + Send,
    ) -> Result<CheckedFile, DomainError> {
        plan(db, LAYOUT.csv(file, record)).await
    }

    /// Checks an XLSX `file` (its sheet `attendances`, or its only sheet); writes nothing.
    #[tracing::instrument(skip_all, err)]
    pub async fn check_workbook<C: ConnectionTrait>(
        db: &C,
        file: impl Read + Seek,
    ) -> Result<CheckedFile, DomainError> {
        plan(db, LAYOUT.workbook(file, record)).await
    }

    /// Checks the records read from a file; writes nothing.
    pub(crate) async fn check_file<C: ConnectionTrait>(
        db: &C,
        records: Records<RecordIter<'_, AttendanceRecord>>,
    ) -> Result<CheckedFile, DomainError> {
        plan(db, records).await
    }

    /// Checks a batch of `records` like a file; writes nothing. A problem's `line` is
    /// the record's position in the batch, counted from 0.
    #[tracing::instrument(skip_all, err)]
    pub async fn check_records<C: ConnectionTrait>(
        db: &C,
        records: Vec<AttendanceRecord>,
    ) -> Result<CheckedFile, DomainError> {
        plan(db, batch(records)).await
    }

    /// Checks a CSV `file` and says what importing it would do; writes nothing.
    pub async fn preview<C: ConnectionTrait>(
        db: &C,
        file: impl Read + Send,
    ) -> Result<ImportPreview, DomainError> {
        Ok(Self::check(db, file).await?.preview)
    }

    /// Checks an XLSX `file` like [`Self::preview`].
    pub async fn preview_workbook<C: ConnectionTrait>(
        db: &C,
        file: impl Read + Seek,
    ) -> Result<ImportPreview, DomainError> {
        Ok(Self::check_workbook(db, file).await?.preview)
    }

    /// Writes a CSV `file` in one transaction when it has no problem (refused with its
    /// problems otherwise, and nothing is written), then recomputes the KPIs it can move.
    pub async fn commit(
        db: &DatabaseConnection,
        file: impl Read + Send,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        Self::write(db, Self::check(db, file).await?, origin, today).await
    }

    /// Writes an XLSX `file` like [`Self::commit`].
    pub async fn commit_workbook(
        db: &DatabaseConnection,
        file: impl Read + Seek,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        Self::write(db, Self::check_workbook(db, file).await?, origin, today).await
    }

    /// Writes a checked file in one transaction when it has no problem (refused with its
    /// problems otherwise, and nothing is written), records it in the import history as
    /// coming from `origin`, then recomputes the KPIs it can move.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        checked: CheckedFile,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write(db, checked, origin, today).await
    }
}

/// Writes planned rows in one transaction when the file had no problem, then recomputes.
async fn write(
    db: &DatabaseConnection,
    CheckedFile { preview, rows }: CheckedFile,
    origin: &ImportOrigin,
    today: NaiveDate,
) -> Result<ImportOutcome, DomainError> {
    if preview.problem_count > 0 {
        let mut lines: Vec<String> = preview.problems.iter().map(ToString::to_string).collect();
        let unlisted = preview.problem_count - preview.problems.len() as u64;
        if unlisted > 0 {
            lines.push(format!("and {unlisted} more problems"));
        }
        lines.push("nothing was imported".to_owned());
        return Err(DomainError::Refused(lines));
    }
    let writes: Vec<&PlannedRow> = rows
        .iter()
        .filter(|row| !matches!(row.action, Action::Keep))
        .collect();
    if writes.is_empty() {
        return Ok(ImportOutcome {
            preview,
            recompute: None,
            import_id: None,
        });
    }
    let backend = db.get_database_backend();
    let txn = db.begin().await?;
    let creates: Vec<&&PlannedRow> = writes
        .iter()
        .filter(|row| matches!(row.action, Action::Create))
        .collect();
    let created = insert_returning_ids(
        &txn,
        "attendances",
        &["event_id", "member_id", "joined_at"],
        creates
            .iter()
            .map(|row| vec![row.event.into(), row.member.into(), row.joined_at.into()])
            .collect(),
        CHUNK,
    )
    .await?;
    let mut changed = Vec::new();
    for row in &writes {
        if let Action::Change(id, previous) = row.action {
            changed.push((
                id,
                previous.map(|t| t.format(import_history::TIME_FORMAT).to_string()),
            ));
            txn.execute_raw(statement(
                backend,
                "UPDATE attendances SET joined_at = ? WHERE id = ?",
                [row.joined_at.into(), id.into()],
            ))
            .await?;
        }
    }
    let import_id = import_history::record(
        &txn,
        origin,
        ImportRecord::of("attendances", &preview, &created, &changed),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        import.id = import_id,
        import.created = preview.created,
        import.changed = preview.changed,
        "attendances imported"
    );

    let recompute = match recompute(db, &writes, today).await {
        Ok(report) => Some(report),
        Err(error) => {
            tracing::error!(%error, "KPI recompute after an attendance import failed");
            None
        }
    };
    Ok(ImportOutcome {
        preview,
        recompute,
        import_id: Some(import_id),
    })
}

/// The incremental recompute after `writes`: their days, events' clusters and members.
async fn recompute(
    db: &DatabaseConnection,
    writes: &[&PlannedRow],
    today: NaiveDate,
) -> Result<RecomputeReport, DomainError> {
    let (Some(from), Some(to)) = (
        writes.iter().map(|r| r.day).min(),
        writes.iter().map(|r| r.day).max(),
    ) else {
        return Ok(RecomputeReport::default());
    };
    let clusters: HashSet<i32> = writes.iter().filter_map(|r| r.cluster).collect();
    let members: HashSet<i32> = writes.iter().map(|r| r.member).collect();
    let clusters: Vec<ClusterId> = clusters.into_iter().map(ClusterId).collect();
    let members: Vec<MemberId> = members.into_iter().map(MemberId).collect();
    let change =
        FactChange::concerning(db, &["attendances"], (from, to), &clusters, &members).await?;
    KpiEngine::recompute_after_change(db, &change, today).await
}

/// An attendance record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> AttendanceRecord {
    AttendanceRecord {
        event_ref: cells.text("event_ref"),
        member_number: cells.text("member_number"),
        joined_at: cells.optional("joined_at"),
    }
}

/// Checks every record: the preview and, when there is no problem, every row.
async fn plan<C: ConnectionTrait>(
    db: &C,
    mut records: Records<impl Iterator<Item = NumberedRecord<AttendanceRecord>>>,
) -> Result<CheckedFile, DomainError> {
    let mut preview = records.preview();
    let position = records.position;
    let events = if preview.problem_count == 0 {
        events(db).await?
    } else {
        HashMap::new()
    };
    let members = if preview.problem_count == 0 {
        members(db).await?
    } else {
        HashMap::new()
    };
    let mut rows: Vec<PlannedRow> = Vec::new();
    let mut seen: HashMap<(i32, i32), u64> = HashMap::new();
    while let Some((line, record)) = records.next_record(&mut preview) {
        let problems_before = preview.problem_count;
        let mut problem = |column: &str, value: &str, why: String| {
            preview.problem(RowProblem {
                line,
                column: Some(column.to_owned()),
                value: value.to_owned(),
                why,
            });
        };

        let event_ref = record.event_ref.trim();
        let event = if event_ref.is_empty() {
            problem(
                "event_ref",
                event_ref,
                "required: the event's reference".into(),
            );
            None
        } else {
            match events.get(event_ref) {
                None => {
                    problem("event_ref", event_ref, "no event has this reference".into());
                    None
                }
                Some(event) if event.status != "held" => {
                    problem(
                        "event_ref",
                        event_ref,
                        format!(
                            "the event is {}: only held events have attendances",
                            event.status
                        ),
                    );
                    None
                }
                Some(event) => Some(event),
            }
        };
        let number = record.member_number.trim();
        let member = if number.is_empty() {
            problem(
                "member_number",
                number,
                "required: the member's number".into(),
            );
            None
        } else {
            let member = members.get(number).copied();
            if member.is_none() {
                problem("member_number", number, "no member has this number".into());
            }
            member
        };
        let joined_text = record.joined_at.as_deref().map_or("", str::trim);
        let joined_at = if joined_text.is_empty() {
            None
        } else {
            match parse_time(joined_text) {
                None => {
                    problem(
                        "joined_at",
                        joined_text,
                        "not a time: write 2025-03-14 18:05 (or leave it empty)".into(),
                    );
                    None
                }
                Some(time) => {
                    if let Some(event) = event
                        && (time < event.starts_at - EARLIEST_JOIN
                            || time > event.starts_at + LATEST_JOIN)
                    {
                        problem(
                            "joined_at",
                            joined_text,
                            format!(
                                "not between an hour before and four hours after the event's start ({})",
                                event.starts_at.format("%Y-%m-%d %H:%M")
                            ),
                        );
                    }
                    Some(time)
                }
            }
        };
        let (Some(event), Some(member)) = (event, member) else {
            continue;
        };
        if let Some(first) = seen.insert((event.id, member), line) {
            problem(
                "member_number",
                number,
                format!("this member's attendance at {event_ref} is also on {position} {first}"),
            );
        }
        if preview.problem_count == problems_before {
            rows.push(PlannedRow {
                event: event.id,
                member,
                joined_at,
                day: event.starts_at.date(),
                cluster: event.cluster,
                action: Action::Create,
            });
        }
    }
    records.finish(&mut preview);
    if preview.problem_count > 0 {
        return Ok(CheckedFile {
            preview,
            rows: Vec::new(),
        });
    }

    let recorded = recorded(db, &rows).await?;
    for row in &mut rows {
        row.action = match recorded.get(&(row.event, row.member)) {
            None => Action::Create,
            // A file without a join time leaves a recorded one as it is.
            Some((_, known)) if row.joined_at.is_none() || row.joined_at == *known => Action::Keep,
            Some((id, known)) => Action::Change(*id, *known),
        };
        match row.action {
            Action::Create => preview.created += 1,
            Action::Change(..) => preview.changed += 1,
            Action::Keep => preview.unchanged += 1,
        }
    }
    Ok(CheckedFile { preview, rows })
}

/// Every event by its reference.
async fn events<C: ConnectionTrait>(db: &C) -> Result<HashMap<String, EventFacts>, DomainError> {
    let rows = db
        .query_all_raw(statement(
            db.get_database_backend(),
            "SELECT id, event_ref, host_cluster_id, scheduled_start, status FROM events",
            [],
        ))
        .await?;
    let mut events = HashMap::with_capacity(rows.len());
    for row in rows {
        events.insert(
            row.try_get("", "event_ref")?,
            EventFacts {
                id: row.try_get("", "id")?,
                cluster: row.try_get("", "host_cluster_id")?,
                starts_at: row.try_get("", "scheduled_start")?,
                status: row.try_get("", "status")?,
            },
        );
    }
    Ok(events)
}

/// Every member's id by their number.
async fn members<C: ConnectionTrait>(db: &C) -> Result<HashMap<String, i32>, DomainError> {
    let rows = db
        .query_all_raw(statement(
            db.get_database_backend(),
            "SELECT id, member_number FROM members",
            [],
        ))
        .await?;
    let mut members = HashMap::with_capacity(rows.len());
    for row in rows {
        members.insert(row.try_get("", "member_number")?, row.try_get("", "id")?);
    }
    Ok(members)
}

/// The recorded attendances at the events of `rows`: id and join time by event and member.
async fn recorded<C: ConnectionTrait>(
    db: &C,
    rows: &[PlannedRow],
) -> Result<HashMap<(i32, i32), (i32, Option<NaiveDateTime>)>, DomainError> {
    let events: HashSet<i32> = rows.iter().map(|r| r.event).collect();
    let events: Vec<i32> = events.into_iter().collect();
    let mut recorded = HashMap::new();
    for chunk in events.chunks(CHUNK) {
        let ids: Vec<String> = chunk.iter().map(i32::to_string).collect();
        let found = db
            .query_all_raw(statement(
                db.get_database_backend(),
                &format!(
                    "SELECT id, event_id, member_id, joined_at FROM attendances WHERE event_id IN ({})",
                    ids.join(", ")
                ),
                [],
            ))
            .await?;
        for row in found {
            recorded.insert(
                (row.try_get("", "event_id")?, row.try_get("", "member_id")?),
                (row.try_get("", "id")?, row.try_get("", "joined_at")?),
            );
        }
    }
    Ok(recorded)
}
