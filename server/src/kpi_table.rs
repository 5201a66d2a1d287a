//! KPI values as a table: one row per scope, metric and period with value, numerator,
//! denominator, signal, status and decided value; written as CSV by `server kpis export`
//! and the download, and as XLSX by the download. One column list for both formats.

use domain::kpi_values::KpiValueRow;

/// The columns, in order.
pub const HEADERS: [&str; 11] = [
    "scope_kind",
    "scope_id",
    "metric",
    "period",
    "grain",
    "value",
    "numerator",
    "denominator",
    "signal",
    "status",
    "decided_value",
];

/// One cell: text, or a number that may be missing.
pub enum Cell {
    /// Text.
    Text(String),
    /// A number; empty when there is none.
    Number(Option<f64>),
}

/// The cells of `row`, in the order of [`HEADERS`].
pub fn cells(row: &KpiValueRow) -> [Cell; 11] {
    [
        Cell::Text(row.scope_kind.clone()),
        Cell::Number(Some(f64::from(row.scope_id))),
        Cell::Text(row.metric.clone()),
        Cell::Text(row.period.clone()),
        Cell::Text(row.grain.clone()),
        Cell::Number(row.value),
        Cell::Number(row.numerator),
        Cell::Number(row.denominator),
        Cell::Text(
            row.signal
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
        ),
        Cell::Text(row.status.clone()),
        Cell::Number(row.decided_value),
    ]
}

/// The CSV of `rows`, with a header line.
pub fn kpi_values_csv(rows: &[KpiValueRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADERS)?;
    for row in rows {
        writer.write_record(cells(row).map(|cell| match cell {
            Cell::Text(text) => text,
            Cell::Number(number) => number.map(|v| v.to_string()).unwrap_or_default(),
        }))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// The XLSX workbook of `rows`: one sheet, a bold header row, numbers as numbers.
pub fn kpi_values_xlsx(rows: &[KpiValueRow]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("KPI values")?;
    for (col, header) in (0u16..).zip(HEADERS) {
        sheet.write_string_with_format(0, col, header, &bold)?;
    }
    for (line, row) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells(row)) {
            match cell {
                Cell::Text(text) => {
                    sheet.write_string(line, col, text)?;
                }
                Cell::Number(Some(number)) => {
                    sheet.write_number(line, col, number)?;
                }
                Cell::Number(None) => {}
            }
        }
    }
    workbook.save_to_buffer()
}
