//! KPI values as a table: one row per scope, metric and period with value, numerator,
//! denominator, signal, status and decided value; written as CSV by `server kpis export`
//! and the download, and as XLSX by the download (through `table_file`).

use app::models::chart::{DataTable, TableCell};
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

/// A number cell; files write the number itself, so its text is not needed.
fn number(value: Option<f64>) -> TableCell {
    TableCell::Number {
        value,
        text: String::new(),
    }
}

/// The cells of `row`, in the order of [`HEADERS`].
pub fn cells(row: &KpiValueRow) -> Vec<TableCell> {
    vec![
        TableCell::Text(row.scope_kind.clone()),
        number(Some(f64::from(row.scope_id))),
        TableCell::Text(row.metric.clone()),
        TableCell::Text(row.period.clone()),
        TableCell::Text(row.grain.clone()),
        number(row.value),
        number(row.numerator),
        number(row.denominator),
        TableCell::Text(
            row.signal
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
        ),
        TableCell::Text(row.status.clone()),
        number(row.decided_value),
    ]
}

/// `rows` as a table with [`HEADERS`].
pub fn kpi_values_table(rows: &[KpiValueRow]) -> DataTable {
    DataTable {
        columns: HEADERS.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows.iter().map(cells).collect(),
    }
}
