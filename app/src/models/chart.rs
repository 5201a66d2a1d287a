//! A chart as pages receive it: the ECharts option charming built on the server, where a
//! click on each data item leads, and the same numbers as a table for the table view and
//! the downloads.

use serde::{Deserialize, Serialize};

/// The kinds of chart the product draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartKind {
    /// A metric over periods with its target band.
    Trend,
    /// Clusters or regions by a metric, best to worst.
    Ranking,
    /// One value against its thresholds.
    Gauge,
    /// A cluster's profile across a metric group.
    Radar,
    /// Clusters × metrics coloured by signal.
    Heatmap,
}

impl ChartKind {
    /// Every kind, in the order the dashboard editor offers them.
    pub const ALL: [Self; 5] = [
        Self::Trend,
        Self::Ranking,
        Self::Gauge,
        Self::Radar,
        Self::Heatmap,
    ];

    /// The kind named `name` ([`ChartKind::as_str`]).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// A stable name for CSS hooks and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Trend => "trend",
            Self::Ranking => "ranking",
            Self::Gauge => "gauge",
            Self::Radar => "radar",
            Self::Heatmap => "heatmap",
        }
    }
}

/// One chart, ready to draw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// What kind of chart.
    pub kind: ChartKind,
    /// Its title, also the table's caption.
    pub title: String,
    /// The ECharts option as JSON. Colours may name CSS custom properties (`--signal-green`),
    /// which the browser resolves when it draws, so the brand theme and dark mode apply.
    pub option: String,
    /// Where a click on the data item of each index leads (drill-down), if anywhere.
    pub links: Vec<Option<String>>,
    /// The same numbers as a table.
    pub table: DataTable,
    /// The chart's height in pixels where the stylesheet's default is too small (a
    /// heatmap of many clusters); set by the browser, so no inline style is needed.
    #[serde(default)]
    pub height: Option<u32>,
    /// The download address without its extension, with the screen's query
    /// (`/exports/charts/leaderboard` and `metric=…&period=…`).
    pub download: Option<ChartDownload>,
}

/// Where a chart's numbers can be downloaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartDownload {
    /// The path without extension.
    pub path: String,
    /// The query string, without `?`.
    pub query: String,
}

impl ChartDownload {
    /// The address of the download as `extension` (`csv` or `xlsx`).
    pub fn href(&self, extension: &str) -> String {
        if self.query.is_empty() {
            format!("{}.{extension}", self.path)
        } else {
            format!("{}.{extension}?{}", self.path, self.query)
        }
    }
}

/// Numbers as a table: column headings and rows of cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DataTable {
    /// The column headings.
    pub columns: Vec<String>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<TableCell>>,
}

impl DataTable {
    /// Whether any cell holds a number: a chart without one would be an empty frame.
    pub fn has_numbers(&self) -> bool {
        self.rows
            .iter()
            .flatten()
            .any(|cell| matches!(cell, TableCell::Number { value: Some(_), .. }))
    }
}

/// One cell of a [`DataTable`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TableCell {
    /// Text.
    Text(String),
    /// A number, missing when there is none, with its text for the reader's locale.
    Number {
        /// The number itself, written to downloads.
        value: Option<f64>,
        /// The number formatted for the reader, shown on screen.
        text: String,
    },
}

impl TableCell {
    /// The text shown on screen.
    pub fn text(&self) -> &str {
        match self {
            Self::Text(text) | Self::Number { text, .. } => text,
        }
    }

    /// Whether the cell holds a number (right-aligned on screen).
    pub fn is_number(&self) -> bool {
        matches!(self, Self::Number { .. })
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
pub fn query_value(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_addresses_keep_the_query() {
        let download = ChartDownload {
            path: "/exports/charts/leaderboard".into(),
            query: "metric=forum_attendance&period=2025-Q1".into(),
        };
        assert_eq!(
            download.href("csv"),
            "/exports/charts/leaderboard.csv?metric=forum_attendance&period=2025-Q1"
        );
        let bare = ChartDownload {
            path: "/exports/charts/leaderboard".into(),
            query: String::new(),
        };
        assert_eq!(bare.href("xlsx"), "/exports/charts/leaderboard.xlsx");
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(query_value("2025-Q1"), "2025-Q1");
        assert_eq!(query_value("a b&c"), "a%20b%26c");
        assert_eq!(query_value("ü"), "%C3%BC");
    }
}
