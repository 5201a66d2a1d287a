//! Reading a fact file: a CSV text or an XLSX workbook's sheet becomes a header and rows of
//! text cells with their line numbers, and each row a record of one kind of fact, by the
//! columns that kind's layout names. What cannot be read (bytes that are not UTF-8, a
//! formula, a row with too many fields, a missing or unknown column) becomes a problem
//! with its line, column and value; the planner of the kind checks the rest.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{Read, Seek};

/// How many problems are listed (all are counted).
pub const PROBLEMS_LISTED: usize = 1000;
/// Why a line with bytes that are not text cannot be read.
const NOT_UTF8: &str = "is not UTF-8 text: save the file as \"CSV UTF-8\"";

/// One problem in a file or a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The line in the file (the header is line 1), or the item of a batch (from 0).
    pub line: u64,
    /// The column, when the problem is in one.
    pub column: Option<String>,
    /// The value found.
    pub value: String,
    /// Why it cannot be imported, and what to do.
    pub why: String,
}

impl RowProblem {
    /// A problem in `column` of `line` with the value found.
    pub(crate) fn in_column(line: u64, column: &str, value: &str, why: String) -> Self {
        Self {
            line,
            column: Some(column.to_owned()),
            value: value.to_owned(),
            why,
        }
    }
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
    /// Facts that are new.
    pub created: u64,
    /// Facts that change.
    pub changed: u64,
    /// Facts already recorded as they are.
    pub unchanged: u64,
    /// Every problem found.
    pub problem_count: u64,
    /// The first [`PROBLEMS_LISTED`] problems, in file order.
    pub problems: Vec<RowProblem>,
    /// The file's header as it reads (empty for a batch): what its columns can be mapped
    /// from.
    pub header: Vec<String>,
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

/// What a row's position names: a line of a file or an item of an API batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowPosition {
    /// A line of a file, the header being line 1.
    Line,
    /// An item of a batch, counted from 0.
    Item,
}

impl fmt::Display for RowPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Line => "line",
            Self::Item => "item",
        })
    }
}

/// One record with its line (or item), or why its row cannot be read.
pub(crate) type NumberedRecord<T> = Result<(u64, T), RowProblem>;

/// A file's records, read as they are needed.
pub(crate) type RecordIter<'a, T> = Box<dyn Iterator<Item = NumberedRecord<T>> + Send + 'a>;

/// Records to check, read as they are needed: the problems found before them (with a
/// file's sheet or header) and each record with its line or item.
pub(crate) struct Records<I> {
    /// Problems with the file as a whole, found before its rows.
    pub problems: Vec<RowProblem>,
    /// The records.
    pub items: I,
    /// What a record's number names.
    pub position: RowPosition,
    /// The file's header as it reads; empty for a batch.
    pub header: Vec<String>,
}

/// A batch of records from an integration, each numbered by its item from 0.
pub(crate) fn batch<T>(records: Vec<T>) -> Records<impl Iterator<Item = NumberedRecord<T>>> {
    Records {
        problems: Vec::new(),
        items: records
            .into_iter()
            .enumerate()
            .map(|(item, record)| Ok((item as u64, record))),
        position: RowPosition::Item,
        header: Vec::new(),
    }
}

impl<T, I: Iterator<Item = NumberedRecord<T>>> Records<I> {
    /// The next record that could be read, with its line; a row that could not be read is
    /// counted and its problem put in `preview` on the way.
    pub fn next_record(&mut self, preview: &mut ImportPreview) -> Option<(u64, T)> {
        for item in self.items.by_ref() {
            preview.rows += 1;
            match item {
                Ok(record) => return Some(record),
                Err(problem) => preview.problem(problem),
            }
        }
        None
    }
}

impl<I> Records<I> {
    /// A preview holding the problems found before the records.
    pub fn preview(&mut self) -> ImportPreview {
        let mut preview = ImportPreview {
            header: std::mem::take(&mut self.header),
            ..ImportPreview::default()
        };
        for problem in self.problems.drain(..) {
            preview.problem(problem);
        }
        preview
    }

    /// Ends the check: a file with a header and no rows is a problem.
    pub fn finish(&self, preview: &mut ImportPreview) {
        if self.position == RowPosition::Line && preview.rows == 0 && preview.problem_count == 0 {
            preview.problem(RowProblem {
                line: 2,
                column: None,
                value: String::new(),
                why: "the file has a header but no rows".into(),
            });
        }
    }
}

/// A time as spreadsheets, calendars and CRMs write it (`2025-03-14 18:05`).
pub(crate) fn parse_time(text: &str) -> Option<chrono::NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|format| chrono::NaiveDateTime::parse_from_str(text, format).ok())
}

/// The first and last day of a seat or mentorship (`start_date`, `end_date`, as
/// `2025-01-01`): the first required and not after `today`, the last not before it. Each
/// problem goes to `problem` under its column; `what` is what begins (`a seat`).
pub(crate) fn seat_days(
    start_text: &str,
    end_text: Option<&str>,
    today: chrono::NaiveDate,
    what: &str,
    problem: &mut impl FnMut(&str, &str, String),
) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let mut date = |column: &str, text: Option<&str>| {
        let text = text.map(str::trim).filter(|t| !t.is_empty())?;
        let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        if day.is_none() {
            problem(column, text, "not a date: write 2025-01-01".into());
        }
        day
    };
    let start = date("start_date", Some(start_text));
    let end = date("end_date", end_text);
    if start_text.trim().is_empty() {
        problem(
            "start_date",
            "",
            "required: the first day, as 2025-01-01".into(),
        );
    } else if let Some(day) = start
        && day > today
    {
        problem(
            "start_date",
            &day.to_string(),
            format!("after today ({today}): record {what} once it has begun"),
        );
    }
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        problem(
            "end_date",
            &end.to_string(),
            format!("before the first day ({start})"),
        );
    }
    (start, end)
}

/// A yes-or-no cell as spreadsheets and CRMs write it (`yes`, `no`, `true`, `false`, `1`,
/// `0`, `y`, `n`, any case); `None` when it is neither.
pub(crate) fn parse_flag(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Some(true),
        "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// A flag as a file writes it: `yes` or `no`.
pub(crate) fn flag_text(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// The columns of one kind of fact file.
#[derive(Clone, Copy, Debug)]
pub struct FileLayout {
    /// What the rows are, and the sheet that holds them in a workbook: `attendances`.
    pub kind: &'static str,
    /// The columns a file must have.
    pub required: &'static [&'static str],
    /// The columns it may have besides.
    pub optional: &'static [&'static str],
}

/// A file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// Comma-separated text, UTF-8, with a header line.
    Csv,
    /// An XLSX workbook: the sheet named for the kind, or its only sheet.
    Workbook,
}

/// How staff matched a file's headers to a kind's columns: a header (compared trimmed
/// and case-blind) names a column, or nothing to leave it out. Headers it does not name
/// keep their own name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMapping {
    chosen: HashMap<String, Option<String>>,
}

impl ColumnMapping {
    /// The mapping of each header to a column (`None`: left out).
    pub fn new(pairs: impl IntoIterator<Item = (String, Option<String>)>) -> Self {
        Self {
            chosen: pairs
                .into_iter()
                .map(|(header, column)| (normalized(&header), column.map(|c| normalized(&c))))
                .collect(),
        }
    }

    /// Each mapped header with its column, by header.
    pub fn pairs(&self) -> Vec<(String, Option<String>)> {
        let mut pairs: Vec<_> = self
            .chosen
            .iter()
            .map(|(h, c)| (h.clone(), c.clone()))
            .collect();
        pairs.sort();
        pairs
    }

    /// What the mapping reads `header` as when that is not its own name: another column,
    /// or `None` (left out); `None` at the outer level when it reads as itself.
    pub fn renamed(&self, header: &str) -> Option<Option<String>> {
        let own = normalized(header);
        self.chosen
            .get(&own)
            .filter(|column| column.as_deref() != Some(own.as_str()))
            .cloned()
    }

    /// The column `header` names: its own name unless mapped; `None` when left out.
    fn column_of(&self, header: &str) -> Option<String> {
        let header = normalized(header);
        match self.chosen.get(&header) {
            Some(column) => column.clone(),
            None => Some(header),
        }
    }
}

/// A header or column name as compared: trimmed, lower case.
fn normalized(name: &str) -> String {
    name.trim().to_lowercase()
}

/// One row of a file as text cells with its line, or why it cannot be read.
type FileRow = Result<(u64, Vec<String>), RowProblem>;

/// A row's cells by column name.
pub(crate) struct Cells<'r> {
    columns: &'r HashMap<&'static str, usize>,
    record: &'r [String],
}

impl Cells<'_> {
    /// The trimmed text of `column`; empty when the file has no such column or cell.
    pub fn text(&self, column: &str) -> String {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map_or_else(String::new, |cell| cell.trim().to_owned())
    }

    /// The text of an optional `column`: `None` when empty.
    pub fn optional(&self, column: &str) -> Option<String> {
        Some(self.text(column)).filter(|text| !text.is_empty())
    }
}

impl FileLayout {
    /// The records of a CSV `file`, each made from its row's cells by `record`, read as
    /// they are needed; a problem with the file or its header means no records.
    pub(crate) fn csv<'a, T: 'a>(
        &self,
        file: impl Read + Send + 'a,
        record: impl Fn(&Cells<'_>) -> T + Send + 'a,
    ) -> Records<RecordIter<'a, T>> {
        let (header, rows) = csv_rows(file);
        self.read(header, Box::new(rows), &ColumnMapping::default(), record)
    }

    /// The records of an XLSX `file`'s sheet named for the kind (or its only sheet), like
    /// [`Self::csv`].
    pub(crate) fn workbook<'a, T: 'a>(
        &self,
        file: impl Read + Seek,
        record: impl Fn(&Cells<'_>) -> T + Send + 'a,
    ) -> Records<RecordIter<'a, T>> {
        let (header, rows) = workbook_rows(file, self.kind);
        self.read(header, Box::new(rows), &ColumnMapping::default(), record)
    }

    /// The records of `file` in `format`, its headers read as `mapping` says, like
    /// [`Self::csv`].
    pub(crate) fn file<'a, T: 'a>(
        &self,
        format: FileFormat,
        file: impl Read + Seek + Send + 'a,
        mapping: &ColumnMapping,
        record: impl Fn(&Cells<'_>) -> T + Send + 'a,
    ) -> Records<RecordIter<'a, T>> {
        match format {
            FileFormat::Csv => {
                let (header, rows) = csv_rows(file);
                self.read(header, Box::new(rows), mapping, record)
            }
            FileFormat::Workbook => {
                let (header, rows) = workbook_rows(file, self.kind);
                self.read(header, Box::new(rows), mapping, record)
            }
        }
    }

    /// Records from a header and rows.
    fn read<'a, T: 'a>(
        &self,
        header: Result<Vec<String>, RowProblem>,
        rows: Box<dyn Iterator<Item = FileRow> + Send + 'a>,
        mapping: &ColumnMapping,
        record: impl Fn(&Cells<'_>) -> T + Send + 'a,
    ) -> Records<RecordIter<'a, T>> {
        let read = header.as_ref().map_or_else(
            |_| Vec::new(),
            |h| h.iter().map(|c| c.trim().to_owned()).collect(),
        );
        let columns = header.map_err(|problem| vec![problem]).and_then(|header| {
            let named: Vec<Option<String>> = header.iter().map(|c| mapping.column_of(c)).collect();
            self.columns(&header, &named)
        });
        let (problems, items): (_, RecordIter<'a, T>) = match columns {
            Err(problems) => (problems, Box::new(std::iter::empty())),
            Ok(columns) => (
                Vec::new(),
                Box::new(rows.map(move |row| {
                    let (line, cells) = row?;
                    // A program that read bytes that are not UTF-8 as text sends U+FFFD
                    // for them (an API push, a spreadsheet's export).
                    if cells.iter().any(|cell| cell.contains('\u{FFFD}')) {
                        return Err(RowProblem {
                            line,
                            column: None,
                            value: String::new(),
                            why: NOT_UTF8.to_owned(),
                        });
                    }
                    let cells = Cells {
                        columns: &columns,
                        record: &cells,
                    };
                    Ok((line, record(&cells)))
                })),
            ),
        };
        Records {
            problems,
            items,
            position: RowPosition::Line,
            header: read,
        }
    }

    /// Where each column is, from the file's `header` and the column each of its headers
    /// `named` (`None`: left out); or every problem with them.
    fn columns(
        &self,
        header: &[String],
        named: &[Option<String>],
    ) -> Result<HashMap<&'static str, usize>, Vec<RowProblem>> {
        let listed = self.required.join(", ");
        let expected = if self.optional.is_empty() {
            format!("a file of {} has the columns {listed}", self.kind)
        } else {
            format!(
                "a file of {} has the columns {listed} and, if known, {}",
                self.kind,
                self.optional.join(", ")
            )
        };
        let mut problems = Vec::new();
        let mut problem = |why: String| {
            problems.push(RowProblem {
                line: 1,
                column: None,
                value: header.join(","),
                why,
            });
        };
        for name in self.required {
            if !named.iter().flatten().any(|c| c == name) {
                problem(format!("the column {name} is missing: {expected}"));
            }
        }
        let mut positions = HashMap::new();
        let mut counted: HashSet<&str> = HashSet::new();
        for (i, name) in named.iter().enumerate() {
            let Some(name) = name else {
                continue;
            };
            let known = self
                .required
                .iter()
                .chain(self.optional)
                .find(|c| **c == name.as_str());
            match known {
                None => problem(format!("the column {name:?} is not known: {expected}")),
                Some(_) if !counted.insert(name) => {
                    problem(format!("the column {name} appears twice"));
                }
                Some(column) => {
                    positions.insert(*column, i);
                }
            }
        }
        if problems.is_empty() {
            Ok(positions)
        } else {
            Err(problems)
        }
    }
}

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

/// The header and rows of an XLSX workbook's sheet named `sheet` (or its only sheet). A
/// formula or an error value in a cell is a problem: the import takes values, as typed.
fn workbook_rows(
    file: impl Read + Seek,
    sheet: &str,
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
    let name = match names.iter().find(|n| n.trim().eq_ignore_ascii_case(sheet)) {
        Some(name) => name.clone(),
        None if names.len() == 1 => names[0].clone(),
        None => {
            let why = format!(
                "the workbook has the sheets {}: name the one with the {sheet} \"{sheet}\"",
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
