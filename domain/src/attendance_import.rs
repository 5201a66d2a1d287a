//! Importing attendances from a CSV file: each row names an event by its reference and a
//! member by their number, with the time they joined when known. The whole file is checked
//! before anything is written: the preview says what would be created, changed and left
//! alone, and lists every problem with its line, column, value and why. A file with any
//! problem changes nothing; a clean one is written in one transaction, then the KPIs it
//! can move are recomputed for the clusters it concerns. An attendance is known by its
//! event and member, so importing the same file again changes nothing.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{Read, Seek};

use chrono::{NaiveDate, NaiveDateTime};
use kpi::{ClusterId, MemberId};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

use crate::DomainError;
use crate::committee_calls::{EARLIEST_JOIN, LATEST_JOIN};
use crate::import_history::{self, ImportOrigin, ImportRecord};
use crate::kpi_engine::{FactChange, KpiEngine, RecomputeReport};
use crate::sql::{insert_returning_ids, statement};

/// The columns a file must have.
pub const REQUIRED_COLUMNS: &[&str] = &["event_ref", "member_number"];
/// The column a file may have besides: when the member joined (`2025-03-14 18:05`).
pub const OPTIONAL_COLUMNS: &[&str] = &["joined_at"];
/// How many problems are listed (all are counted).
pub const PROBLEMS_LISTED: usize = 1000;
/// Rows written per statement.
const CHUNK: usize = 500;
/// Why a line with bytes that are not text cannot be read.
const NOT_UTF8: &str = "is not UTF-8 text: save the file as \"CSV UTF-8\"";

/// One problem in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The line in the file (the header is line 1).
    pub line: u64,
    /// The column, when the problem is in one.
    pub column: Option<String>,
    /// The value found.
    pub value: String,
    /// Why it cannot be imported, and what to do.
    pub why: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(
                f,
                "line {}, {column} {:?}: {}",
                self.line, self.value, self.why
            ),
            None => write!(f, "line {}: {}", self.line, self.why),
        }
    }
}

/// What importing a file would do, or did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// Data rows read.
    pub rows: u64,
    /// Attendances that are new.
    pub created: u64,
    /// Attendances whose join time changes.
    pub changed: u64,
    /// Attendances already recorded as they are.
    pub unchanged: u64,
    /// Every problem found.
    pub problem_count: u64,
    /// The first [`PROBLEMS_LISTED`] problems, in file order.
    pub problems: Vec<RowProblem>,
}

impl ImportPreview {
    /// Counts a problem and lists it while fewer than [`PROBLEMS_LISTED`] are.
    pub(crate) fn problem(&mut self, problem: RowProblem) {
        self.problem_count += 1;
        if self.problems.len() < PROBLEMS_LISTED {
            self.problems.push(problem);
        }
    }
}

/// A written import.
#[derive(Clone, Debug)]
pub struct ImportOutcome {
    /// What was written.
    pub preview: ImportPreview,
    /// The KPI recompute that followed; `None` when it failed (the facts are saved, and the
    /// next recompute catches up) or nothing changed.
    pub recompute: Option<RecomputeReport>,
    /// The import in the history; `None` when nothing was written.
    pub import_id: Option<i32>,
}

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
        file: impl Read,
    ) -> Result<CheckedFile, DomainError> {
        let (preview, rows) = plan(db, csv_rows(file), Position::Line).await?;
        Ok(CheckedFile { preview, rows })
    }

    /// Checks an XLSX `file` (its sheet `attendances`, or its only sheet); writes nothing.
    #[tracing::instrument(skip_all, err)]
    pub async fn check_workbook<C: ConnectionTrait>(
        db: &C,
        file: impl Read + Seek,
    ) -> Result<CheckedFile, DomainError> {
        let (preview, rows) = plan(db, workbook_rows(file), Position::Line).await?;
        Ok(CheckedFile { preview, rows })
    }

    /// Checks a batch of `records` like a file; writes nothing. A problem's `line` is
    /// the record's position in the batch, counted from 0.
    #[tracing::instrument(skip_all, err)]
    pub async fn check_records<C: ConnectionTrait>(
        db: &C,
        records: Vec<AttendanceRecord>,
    ) -> Result<CheckedFile, DomainError> {
        let header = REQUIRED_COLUMNS
            .iter()
            .chain(OPTIONAL_COLUMNS)
            .map(|c| (*c).to_owned())
            .collect();
        let rows = records.into_iter().enumerate().map(|(i, record)| {
            Ok((
                i as u64,
                vec![
                    record.event_ref,
                    record.member_number,
                    record.joined_at.unwrap_or_default(),
                ],
            ))
        });
        let (preview, rows) = plan(db, (Ok(header), rows), Position::Item).await?;
        Ok(CheckedFile { preview, rows })
    }

    /// Checks a CSV `file` and says what importing it would do; writes nothing.
    pub async fn preview<C: ConnectionTrait>(
        db: &C,
        file: impl Read,
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
        file: impl Read,
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

/// What a row's position names: a line of a file or an item of an API batch.
#[derive(Clone, Copy)]
enum Position {
    Line,
    Item,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Line => "line",
            Self::Item => "item",
        })
    }
}

/// Reads and checks the whole file: the preview and, when it has no problem, every row.
async fn plan<C: ConnectionTrait>(
    db: &C,
    (header, file_rows): (
        Result<Vec<String>, RowProblem>,
        impl Iterator<Item = FileRow>,
    ),
    position: Position,
) -> Result<(ImportPreview, Vec<PlannedRow>), DomainError> {
    let mut preview = ImportPreview::default();
    let header: Vec<String> = match header {
        Ok(header) => header.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(problem) => {
            preview.problem(problem);
            return Ok((preview, Vec::new()));
        }
    };
    let Some(columns) = columns(&header, &mut preview) else {
        return Ok((preview, Vec::new()));
    };

    let events = events(db).await?;
    let members = members(db).await?;
    let mut rows: Vec<PlannedRow> = Vec::new();
    let mut seen: HashMap<(i32, i32), u64> = HashMap::new();
    for file_row in file_rows {
        preview.rows += 1;
        let (line, record) = match file_row {
            Ok(row) => row,
            Err(problem) => {
                preview.problem(problem);
                continue;
            }
        };
        // A browser reads bytes that are not UTF-8 as U+FFFD before sending the text.
        if record.iter().any(|field| field.contains('\u{FFFD}')) {
            preview.problem(RowProblem {
                line,
                column: None,
                value: String::new(),
                why: NOT_UTF8.to_owned(),
            });
            continue;
        }
        let field = |index: usize| record.get(index).map_or("", |f| f.trim());
        let problems_before = preview.problem_count;
        let mut problem = |column: &str, value: &str, why: String| {
            preview.problem(RowProblem {
                line,
                column: Some(column.to_owned()),
                value: value.to_owned(),
                why,
            });
        };

        let event_ref = field(columns.event_ref);
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
        let number = field(columns.member_number);
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
        let joined_text = columns.joined_at.map_or("", field);
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
    if preview.rows == 0 && preview.problem_count == 0 {
        preview.problem(RowProblem {
            line: 2,
            column: None,
            value: String::new(),
            why: "the file has a header but no rows".into(),
        });
    }
    if preview.problem_count > 0 {
        return Ok((preview, Vec::new()));
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
    Ok((preview, rows))
}

/// One row of a file as text cells with its line, or why it cannot be read.
type FileRow = Result<(u64, Vec<String>), RowProblem>;

/// The header and rows of a CSV file, read as they are needed.
fn csv_rows(
    file: impl Read,
) -> (
    Result<Vec<String>, RowProblem>,
    impl Iterator<Item = FileRow>,
) {
    let mut reader = csv::ReaderBuilder::new().from_reader(file);
    let header = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .map_err(|error| unreadable(1, &error));
    let mut stopped = false;
    let rows = reader.into_records().map_while(move |record| {
        if stopped {
            return None;
        }
        Some(match record {
            Ok(record) => Ok((
                record.position().map_or(0, csv::Position::line),
                record.iter().map(str::to_owned).collect(),
            )),
            Err(error) => {
                // A file that cannot be read further ends here.
                stopped = matches!(error.kind(), csv::ErrorKind::Io(_));
                Err(unreadable(
                    error.position().map_or(0, csv::Position::line),
                    &error,
                ))
            }
        })
    });
    (header, rows)
}

/// The header and rows of an XLSX workbook's sheet `attendances` (or its only sheet). A
/// formula or an error value in a cell is a problem: the import takes values, as typed.
fn workbook_rows(
    file: impl Read + Seek,
) -> (Result<Vec<String>, RowProblem>, std::vec::IntoIter<FileRow>) {
    use calamine::{Data, Reader, Xlsx};

    let sheet_problem = |why: String| RowProblem {
        line: 1,
        column: None,
        value: String::new(),
        why,
    };
    let mut workbook: Xlsx<_> = match calamine::open_workbook_from_rs(file) {
        Ok(workbook) => workbook,
        Err(error) => {
            let why = format!("is not an XLSX workbook ({error}): save it as .xlsx or CSV UTF-8");
            return (Err(sheet_problem(why)), Vec::new().into_iter());
        }
    };
    let names = workbook.sheet_names();
    let name = match names
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case("attendances"))
    {
        Some(name) => name.clone(),
        None if names.len() == 1 => names[0].clone(),
        None => {
            let why = format!(
                "the workbook has the sheets {}: name the one with the attendances \"attendances\"",
                names.join(", ")
            );
            return (Err(sheet_problem(why)), Vec::new().into_iter());
        }
    };
    let (cells, formulas) = match (
        workbook.worksheet_range(&name),
        workbook.worksheet_formula(&name),
    ) {
        (Ok(cells), Ok(formulas)) => (cells, formulas),
        (Err(error), _) | (_, Err(error)) => {
            let why = format!("the sheet {name:?} cannot be read: {error}");
            return (Err(sheet_problem(why)), Vec::new().into_iter());
        }
    };
    let (first_row, first_column) = cells.start().unwrap_or((0, 0));
    let mut rows = cells.rows().enumerate().map(|(i, row)| {
        let absolute = first_row + i as u32;
        let line = u64::from(absolute) + 1;
        let mut texts = Vec::with_capacity(row.len());
        for (j, cell) in row.iter().enumerate() {
            let column = first_column + j as u32;
            if formulas
                .get_value((absolute, column))
                .is_some_and(|f| !f.is_empty())
            {
                return Err(RowProblem {
                    line,
                    column: None,
                    value: cell.to_string(),
                    why:
                        "has a formula: paste its values instead (the import takes values as typed)"
                            .into(),
                });
            }
            texts.push(match cell {
                Data::Empty => String::new(),
                Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
                    text.clone()
                }
                Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
                    format!("{number:.0}")
                }
                Data::DateTime(at) => at.as_datetime().map_or_else(
                    || cell.to_string(),
                    |t| t.format("%Y-%m-%d %H:%M:%S").to_string(),
                ),
                Data::Error(error) => {
                    return Err(RowProblem {
                        line,
                        column: None,
                        value: String::new(),
                        why: format!("has a cell showing an error ({error})"),
                    });
                }
                other => other.to_string(),
            });
        }
        Ok((line, texts))
    });
    let header = match rows.next() {
        Some(Ok((_, header))) => Ok(header),
        Some(Err(problem)) => Err(problem),
        None => Err(sheet_problem(format!("the sheet {name:?} is empty"))),
    };
    (header, rows.collect::<Vec<_>>().into_iter())
}

/// Where each known column is in the file.
struct Columns {
    event_ref: usize,
    member_number: usize,
    joined_at: Option<usize>,
}

/// The columns of `header`; `None` after listing the problems with it.
fn columns(header: &[String], preview: &mut ImportPreview) -> Option<Columns> {
    let position = |name: &str| header.iter().position(|c| c == name);
    let expected =
        "an attendance file has the columns event_ref, member_number and, if known, joined_at";
    for name in REQUIRED_COLUMNS {
        if position(name).is_none() {
            preview.problem(RowProblem {
                line: 1,
                column: None,
                value: header.join(","),
                why: format!("the column {name} is missing: {expected}"),
            });
        }
    }
    let mut counted: HashSet<&str> = HashSet::new();
    for name in header {
        if !REQUIRED_COLUMNS.contains(&name.as_str()) && !OPTIONAL_COLUMNS.contains(&name.as_str())
        {
            preview.problem(RowProblem {
                line: 1,
                column: None,
                value: header.join(","),
                why: format!("the column {name:?} is not known: {expected}"),
            });
        } else if !counted.insert(name) {
            preview.problem(RowProblem {
                line: 1,
                column: None,
                value: header.join(","),
                why: format!("the column {name} appears twice"),
            });
        }
    }
    if preview.problem_count > 0 {
        return None;
    }
    Some(Columns {
        event_ref: position("event_ref")?,
        member_number: position("member_number")?,
        joined_at: position("joined_at"),
    })
}

/// A line the CSV reader could not read, as a problem.
fn unreadable(line: u64, error: &csv::Error) -> RowProblem {
    let why = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => NOT_UTF8.to_owned(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("has {len} fields where the header has {expected_len}"),
        _ => format!("cannot be read: {error}"),
    };
    RowProblem {
        line,
        column: None,
        value: String::new(),
        why,
    }
}

/// A join time as spreadsheets and CRMs write it.
fn parse_time(text: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
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
