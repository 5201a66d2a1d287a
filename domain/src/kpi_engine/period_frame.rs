//! The periods a computation covers, as a SQL relation `p` that measures join to: one row
//! per period with its key, bucket number and the days placement rules compare with.

use chrono::{Datelike, Months, NaiveDate};
use kpi::{FiscalYearStart, Grain, Period};

use super::dialect::Dialect;

/// The periods of one grain that one computation covers.
#[derive(Clone, Debug)]
pub struct PeriodFrame {
    /// The grain of every period.
    pub grain: Grain,
    /// The fiscal-year start the periods use.
    pub fiscal_start: FiscalYearStart,
    /// The periods, in order.
    pub periods: Vec<Period>,
    /// Only this member's facts, where a source has a member (member-scope values);
    /// `None`: everyone's.
    pub member: Option<kpi::MemberId>,
    /// Only facts credited to these clusters (one scorecard, one page of a queue);
    /// `None`: every cluster's.
    pub clusters: Option<Vec<i32>>,
}

/// The same calendar date one year before `day` (29 February: 28 February).
pub fn year_before(day: NaiveDate) -> NaiveDate {
    day.checked_sub_months(Months::new(12)).unwrap_or(day)
}

/// Months since year 0, as the SQL dialect computes them.
fn month_index(day: NaiveDate) -> i32 {
    day.year() * 12 + day.month0() as i32
}

impl PeriodFrame {
    /// The periods of `grain` that overlap `from..=to`.
    pub fn covering(grain: Grain, from: NaiveDate, to: NaiveDate, start: FiscalYearStart) -> Self {
        Self {
            grain,
            fiscal_start: start,
            periods: Period::covering(grain, from, to, start),
            member: None,
            clusters: None,
        }
    }

    /// One period on its own.
    pub fn single(period: Period, start: FiscalYearStart) -> Self {
        Self {
            grain: period.grain(),
            fiscal_start: start,
            periods: vec![period],
            member: None,
            clusters: None,
        }
    }

    /// The bucket of a month index: periods of this grain are numbered consecutively.
    pub fn bucket_sql(&self, month_index_sql: &str) -> String {
        let offset = self.fiscal_start.month() as i32 - 1;
        match self.grain {
            Grain::Month => month_index_sql.to_owned(),
            _ => format!("(({month_index_sql} - {offset}) / {})", self.grain.months()),
        }
    }

    /// The bucket of a period, matching [`Self::bucket_sql`].
    pub fn bucket(&self, period: &Period) -> i32 {
        let offset = self.fiscal_start.month() as i32 - 1;
        let index = month_index(period.first_day());
        match self.grain {
            Grain::Month => index,
            _ => (index - offset).div_euclid(self.grain.months() as i32),
        }
    }

    /// The frame's first day and the day after its last (a half-open range, so that
    /// date-times on the last day are inside).
    pub fn day_range(&self) -> (NaiveDate, NaiveDate) {
        let first = self
            .periods
            .first()
            .map_or(NaiveDate::MIN, Period::first_day);
        let last = self.periods.last().map_or(NaiveDate::MIN, Period::last_day);
        (first, last.succ_opt().unwrap_or(last))
    }

    /// The frame as a CTE body named `p`; `None` when it has no periods.
    pub fn cte(&self, dialect: Dialect) -> Option<String> {
        if self.periods.is_empty() {
            return None;
        }
        let rows: Vec<String> = self
            .periods
            .iter()
            .map(|period| {
                let last = period.last_day();
                format!(
                    "('{}', {}, {}, {}, {}, {}, {})",
                    period.key(),
                    self.bucket(period),
                    dialect.date(period.first_day()),
                    dialect.date(last),
                    dialect.date(year_before(last)),
                    period.fiscal_year(self.fiscal_start).first_day().year(),
                    last.year(),
                )
            })
            .collect();
        Some(format!(
            "p (pkey, bucket, first_day, last_day, year_before_last_day, fiscal_year, last_day_year) \
             AS (VALUES {})",
            rows.join(", ")
        ))
    }
}
