//! The few SQL expressions that SQLite and PostgreSQL spell differently; everything else
//! the engine writes is standard SQL that both run unchanged.

use chrono::NaiveDate;
use sea_orm::DbBackend;

/// How to spell backend-specific expressions for one database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect(pub DbBackend);

impl Dialect {
    /// A date literal.
    pub fn date(self, day: NaiveDate) -> String {
        match self.0 {
            DbBackend::Postgres => format!("DATE '{day}'"),
            _ => format!("'{day}'"),
        }
    }

    /// A true/false literal, as stored in boolean columns.
    pub fn flag(self, value: bool) -> &'static str {
        match (self.0, value) {
            (DbBackend::Postgres, true) => "TRUE",
            (DbBackend::Postgres, false) => "FALSE",
            (_, true) => "1",
            (_, false) => "0",
        }
    }

    /// Months since year 0 of a date or date-time expression (`year * 12 + month - 1`).
    /// SQLite keeps dates as ISO text, so the digits are read directly: about twice as
    /// fast as `strftime` over a few hundred thousand rows.
    pub fn month_index(self, expr: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!(
                "(CAST(EXTRACT(YEAR FROM {expr}) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM {expr}) AS INTEGER) - 1)"
            ),
            _ => format!(
                "(CAST(substr({expr}, 1, 4) AS INTEGER) * 12 + CAST(substr({expr}, 6, 2) AS INTEGER) - 1)"
            ),
        }
    }

    /// The calendar year of a date expression, as an integer.
    pub fn year(self, expr: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!("CAST(EXTRACT(YEAR FROM {expr}) AS INTEGER)"),
            _ => format!("CAST(strftime('%Y', {expr}) AS INTEGER)"),
        }
    }

    /// Whole seconds from one date-time expression to another (`to - from`).
    pub fn seconds_between(self, from: &str, to: &str) -> String {
        match self.0 {
            DbBackend::Postgres => {
                format!("CAST(EXTRACT(EPOCH FROM ({to} - {from})) AS INTEGER)")
            }
            _ => format!(
                "(CAST(strftime('%s', {to}) AS INTEGER) - CAST(strftime('%s', {from}) AS INTEGER))"
            ),
        }
    }

    /// The first day of the last three months of an interval ending on `end`: the day
    /// after `end`, three months earlier, clamped to the month's end on both backends
    /// (SQLite's `floor`, as PostgreSQL's interval arithmetic does).
    pub fn last_quarter_start(self, end: &str) -> String {
        match self.0 {
            DbBackend::Postgres => {
                format!("CAST({end} + INTERVAL '1 day' - INTERVAL '3 months' AS DATE)")
            }
            _ => format!("date({end}, '+1 day', '-3 months', 'floor')"),
        }
    }

    /// Today's date in the database.
    pub fn today(self) -> &'static str {
        match self.0 {
            DbBackend::Postgres => "CURRENT_DATE",
            _ => "date('now')",
        }
    }
}
