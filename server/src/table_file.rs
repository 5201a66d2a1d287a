//! A [`DataTable`] as a file: CSV (UTF-8, a header line, numbers unformatted) or an XLSX
//! workbook (one sheet, a bold header row, numbers as numbers). Every download and
//! `server kpis export` writes through here.

use app::models::chart::{DataTable, TableCell};
use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

/// The file formats of a download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated values, UTF-8.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl TableFormat {
    /// The format a file name's extension asks for.
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }

    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }

    /// The response's content type.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
pub enum TableFileError {
    /// The CSV writer failed.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The workbook writer failed.
    #[error("XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// `table` as a download named `name` (without extension) in `format`, its workbook's
/// sheet named `sheet`; a server error (logged) when it cannot be written.
pub fn attachment(table: &DataTable, format: TableFormat, sheet: &str, name: &str) -> Response {
    match write(table, format, sheet) {
        Ok(bytes) => file_response(format, name, bytes),
        Err(error) => {
            tracing::error!(%error, file = name, "a download could not be written");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `bytes` of `format` as a download named `name` (without extension).
pub fn file_response(format: TableFormat, name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{}\"", format.extension()),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// `table` in `format`; `sheet` names the workbook's sheet.
pub fn write(
    table: &DataTable,
    format: TableFormat,
    sheet: &str,
) -> Result<Vec<u8>, TableFileError> {
    match format {
        TableFormat::Csv => csv(table),
        TableFormat::Xlsx => xlsx(table, sheet),
    }
}

/// The CSV of `table`, with a header line.
pub fn csv(table: &DataTable) -> Result<Vec<u8>, TableFileError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&table.columns)?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|cell| match cell {
            TableCell::Text(text) => text.clone(),
            TableCell::Number { value, .. } => value.map(|v| v.to_string()).unwrap_or_default(),
        }))?;
    }
    Ok(writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?)
}

/// The XLSX workbook of `table`.
pub fn xlsx(table: &DataTable, sheet_name: &str) -> Result<Vec<u8>, TableFileError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name)?;
    for (col, header) in (0u16..).zip(&table.columns) {
        sheet.write_string_with_format(0, col, header, &bold)?;
    }
    for (line, row) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(row) {
            match cell {
                TableCell::Text(text) => {
                    sheet.write_string(line, col, text)?;
                }
                TableCell::Number {
                    value: Some(number),
                    ..
                } => {
                    sheet.write_number(line, col, *number)?;
                }
                TableCell::Number { value: None, .. } => {}
            }
        }
    }
    Ok(workbook.save_to_buffer()?)
}
