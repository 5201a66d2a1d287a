//! Periods: closed intervals of calendar days that KPIs are computed for — a calendar
//! month, a fiscal quarter or a fiscal year. The fiscal year starts in a configurable month
//! (January by default); changing it shifts years and quarters, never months.
//!
//! A fiscal year is named by the calendar year it starts in: with a July start, fiscal year
//! 2024 runs from 1 July 2024 to 30 June 2025. Keys are `2024`, `2024-Q3` and `2024-07`.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::VocabularyError;

/// The month the organization's fiscal year starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct FiscalYearStart(u32);

impl FiscalYearStart {
    /// Fiscal years are calendar years.
    pub const JANUARY: Self = Self(1);

    /// A fiscal year starting in `month` (1 = January … 12 = December).
    pub fn new(month: u32) -> Result<Self, VocabularyError> {
        if (1..=12).contains(&month) {
            Ok(Self(month))
        } else {
            Err(VocabularyError::FiscalYearStart(month))
        }
    }

    /// The starting month, 1 to 12.
    pub fn month(self) -> u32 {
        self.0
    }
}

impl Default for FiscalYearStart {
    fn default() -> Self {
        Self::JANUARY
    }
}

impl TryFrom<u32> for FiscalYearStart {
    type Error = VocabularyError;

    fn try_from(month: u32) -> Result<Self, Self::Error> {
        Self::new(month)
    }
}

impl From<FiscalYearStart> for u32 {
    fn from(start: FiscalYearStart) -> Self {
        start.0
    }
}

/// How long a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// A calendar month.
    Month,
    /// Three months of the fiscal year.
    Quarter,
    /// Twelve months from the fiscal year's start.
    Year,
}

impl Grain {
    /// Every grain, shortest first.
    pub const ALL: [Self; 3] = [Self::Month, Self::Quarter, Self::Year];

    /// Months in a period of this grain.
    pub fn months(self) -> u32 {
        match self {
            Self::Month => 1,
            Self::Quarter => 3,
            Self::Year => 12,
        }
    }

    /// The stable name used in URLs, APIs and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }
}

/// A month, fiscal quarter or fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "grain", rename_all = "lowercase")]
pub enum Period {
    /// A calendar month.
    Month {
        /// Calendar year.
        year: i32,
        /// Calendar month, 1 to 12.
        month: u32,
    },
    /// A quarter of a fiscal year.
    Quarter {
        /// The fiscal year, named by the calendar year it starts in.
        year: i32,
        /// 1 to 4, counted from the fiscal year's start.
        quarter: u32,
        /// When the fiscal year starts.
        start: FiscalYearStart,
    },
    /// A fiscal year.
    Year {
        /// The fiscal year, named by the calendar year it starts in.
        year: i32,
        /// When the fiscal year starts.
        start: FiscalYearStart,
    },
}

/// Months since year 0, so that periods are simple ranges of month indexes.
fn month_index(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

/// The first day of the month with index `index`.
fn first_of(index: i32) -> NaiveDate {
    let month = index.rem_euclid(12) as u32 + 1;
    NaiveDate::from_ymd_opt(index.div_euclid(12), month, 1).unwrap_or(if index < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

impl Period {
    /// The period of `grain` that contains `day`.
    pub fn containing(grain: Grain, day: NaiveDate, start: FiscalYearStart) -> Self {
        Self::at_month_index(grain, month_index(day), start)
    }

    fn at_month_index(grain: Grain, index: i32, start: FiscalYearStart) -> Self {
        let from_fiscal_start = index - (start.month() as i32 - 1);
        let year = from_fiscal_start.div_euclid(12);
        match grain {
            Grain::Month => Self::Month {
                year: index.div_euclid(12),
                month: index.rem_euclid(12) as u32 + 1,
            },
            Grain::Quarter => Self::Quarter {
                year,
                quarter: from_fiscal_start.rem_euclid(12) as u32 / 3 + 1,
                start,
            },
            Grain::Year => Self::Year { year, start },
        }
    }

    /// Its grain.
    pub fn grain(&self) -> Grain {
        match self {
            Self::Month { .. } => Grain::Month,
            Self::Quarter { .. } => Grain::Quarter,
            Self::Year { .. } => Grain::Year,
        }
    }

    /// The fiscal-year start it was computed with (January for months, which never shift).
    pub fn fiscal_start(&self) -> FiscalYearStart {
        match self {
            Self::Month { .. } => FiscalYearStart::JANUARY,
            Self::Quarter { start, .. } | Self::Year { start, .. } => *start,
        }
    }

    /// Months in the period: 1, 3 or 12 (count thresholds are pro-rated by it).
    pub fn months(&self) -> u32 {
        self.grain().months()
    }

    fn first_month_index(&self) -> i32 {
        match *self {
            Self::Month { year, month } => year * 12 + month as i32 - 1,
            Self::Quarter {
                year,
                quarter,
                start,
            } => year * 12 + start.month() as i32 - 1 + 3 * (quarter as i32 - 1),
            Self::Year { year, start } => year * 12 + start.month() as i32 - 1,
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> NaiveDate {
        first_of(self.first_month_index())
    }

    /// The last day of the period (periods are closed intervals).
    pub fn last_day(&self) -> NaiveDate {
        first_of(self.first_month_index() + self.months() as i32) - Duration::days(1)
    }

    /// Whether `day` lies in the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first_day() <= day && day <= self.last_day()
    }

    /// The period `count` periods later (earlier when negative).
    pub fn shifted(&self, count: i32) -> Self {
        let index = self.first_month_index() + count * self.months() as i32;
        Self::at_month_index(self.grain(), index, self.fiscal_start())
    }

    /// The period just before.
    pub fn previous(&self) -> Self {
        self.shifted(-1)
    }

    /// The period just after.
    pub fn next(&self) -> Self {
        self.shifted(1)
    }

    /// The same period one year earlier.
    pub fn same_period_last_year(&self) -> Self {
        Self::at_month_index(
            self.grain(),
            self.first_month_index() - 12,
            self.fiscal_start(),
        )
    }

    /// The fiscal year this period belongs to (where yearly targets apply), by its first day.
    pub fn fiscal_year(&self, start: FiscalYearStart) -> Self {
        Self::at_month_index(Grain::Year, self.first_month_index(), start)
    }

    /// Every period of `grain` that overlaps `from..=to`, in order.
    pub fn covering(
        grain: Grain,
        from: NaiveDate,
        to: NaiveDate,
        start: FiscalYearStart,
    ) -> Vec<Self> {
        let mut periods = Vec::new();
        let mut period = Self::containing(grain, from, start);
        while period.first_day() <= to {
            periods.push(period);
            period = period.next();
        }
        periods
    }

    /// The stable key used in URLs, APIs and exports: `2025`, `2025-Q3` or `2025-07`.
    pub fn key(&self) -> String {
        match *self {
            Self::Month { year, month } => format!("{year:04}-{month:02}"),
            Self::Quarter { year, quarter, .. } => format!("{year:04}-Q{quarter}"),
            Self::Year { year, .. } => format!("{year:04}"),
        }
    }

    /// Reads a key written by [`Period::key`], for a fiscal year starting at `start`.
    pub fn parse(key: &str, start: FiscalYearStart) -> Result<Self, VocabularyError> {
        let refuse = || VocabularyError::Period(key.to_owned());
        let trimmed = key.trim();
        let (year, rest) = match trimmed.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (trimmed, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refuse());
        }
        let year: i32 = year.parse().map_err(|_| refuse())?;
        let number = |digits: &str, range: std::ops::RangeInclusive<u32>| {
            digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse::<u32>().ok())
                .flatten()
                .filter(|n| range.contains(n))
        };
        match rest {
            None => Ok(Self::Year { year, start }),
            Some(rest) => match rest.strip_prefix(['Q', 'q']) {
                Some(q) if q.len() == 1 => number(q, 1..=4)
                    .map(|quarter| Self::Quarter {
                        year,
                        quarter,
                        start,
                    })
                    .ok_or_else(refuse),
                Some(_) => Err(refuse()),
                None if rest.len() == 2 => number(rest, 1..=12)
                    .map(|month| Self::Month { year, month })
                    .ok_or_else(refuse),
                None => Err(refuse()),
            },
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.key())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    /// By first day, then shorter grain first (then fiscal start, to agree with `Eq`).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let rank = |p: &Self| (p.first_day(), p.grain(), p.fiscal_start().month());
        rank(self).cmp(&rank(other))
    }
}
