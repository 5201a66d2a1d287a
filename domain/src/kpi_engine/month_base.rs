//! Quarters and years from months: a measure whose quarter or year value follows from its
//! months is queried once, by month, and the other grains are derived in Rust instead of
//! each running its own query over the same facts.
//!
//! A count or sum of rows placed by a date adds up over the months of a period; a measure
//! about the period's last day (who is active then, the twelve months to it, its fiscal
//! or calendar year) equals its last month's value, and one about the first day its first
//! month's. Distinct counts of dated rows, and links placed by a date of their own within
//! the period, do neither and keep their query per grain.

use std::collections::{BTreeMap, BTreeSet};

use kpi::definition::{
    Aggregate, Comparison, Filter, Link, Measure, MetricDefinition, PeriodDay, Placement,
};
use kpi::{Grain, Period};

use super::computation::MeasureValues;
use super::dialect::Dialect;
use super::fact_source::{DATES_OF_KEYS, fact_source};
use super::measure_query::{Output, measure_sql};
use super::period_frame::PeriodFrame;

/// How a measure's value for a longer period follows from its months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FromMonths {
    /// The sum of the period's months.
    Sum,
    /// The value of the period's last month.
    LastMonth,
    /// The value of the period's first month.
    FirstMonth,
}

/// Whether placing a row for a whole period is the same as for its last month.
fn placed_by_last_day(placement: &Placement) -> bool {
    matches!(
        placement,
        Placement::ActiveOn {
            day: PeriodDay::LastDay | PeriodDay::YearBeforeLastDay,
            ..
        } | Placement::DateInYearToLastDay { .. }
            | Placement::CalendarYearOfLastDay { .. }
            | Placement::FiscalYear { .. }
            | Placement::Always
    )
}

/// Whether placing a row for a whole period is the same as for its first month.
fn placed_by_first_day(placement: &Placement) -> bool {
    matches!(
        placement,
        Placement::ActiveOn {
            day: PeriodDay::FirstDay,
            ..
        } | Placement::FiscalYear { .. }
            | Placement::Always
    )
}

/// Whether `link`'s rows always fall in the same period as the measured rows they match:
/// both are placed by the same date, and the link matches on a key that date follows
/// from (an attendance of the invitation's event is on the invitation's day).
fn placed_with(measure: &Measure, link: &Link) -> bool {
    let (Placement::DateInPeriod { field }, Placement::DateInPeriod { field: linked }) =
        (&measure.placement, &link.placement)
    else {
        return false;
    };
    let has =
        |source: &str, name: &str| fact_source(source).is_some_and(|s| s.field(name).is_some());
    field == linked
        && DATES_OF_KEYS.iter().any(|(date, key)| {
            date == field
                && has(&measure.source, key)
                && has(&link.source, key)
                && link.on.iter().any(|rule| {
                    rule.op == Comparison::Eq && rule.field == *key && rule.outer == *key
                })
        })
}

/// How `measure` (with `output`) follows from its months, if it does.
pub fn from_months(measure: &Measure, output: Output) -> Option<FromMonths> {
    let links: Vec<&Link> = measure
        .filters
        .iter()
        .filter_map(|filter| match filter {
            Filter::Exists(link) | Filter::NotExists(link) => Some(link),
            _ => None,
        })
        .collect();
    let additive = output == Output::RowsWithValue
        || matches!(measure.aggregate, Aggregate::Count | Aggregate::Sum { .. });
    // A link is placed per period, so a row of one month could match a link row of
    // another month of the same quarter, unless both are placed by one key's date.
    if additive
        && matches!(measure.placement, Placement::DateInPeriod { .. })
        && links.iter().all(|link| placed_with(measure, link))
    {
        return Some(FromMonths::Sum);
    }
    let all = |rule: fn(&Placement) -> bool| {
        rule(&measure.placement) && links.iter().all(|link| rule(&link.placement))
    };
    if all(placed_by_last_day) {
        return Some(FromMonths::LastMonth);
    }
    if all(placed_by_first_day) {
        return Some(FromMonths::FirstMonth);
    }
    None
}

/// Every measure query a definition runs: each measure's aggregate, and an average's
/// count of rows with a value.
pub fn measured(definition: &MetricDefinition) -> Vec<(&Measure, Output)> {
    let mut all: Vec<(&Measure, Output)> = definition
        .measures()
        .into_iter()
        .map(|m| (m, Output::Aggregate))
        .collect();
    if let MetricDefinition::Average { measure } = definition {
        all.push((measure, Output::RowsWithValue));
    }
    all
}

/// The months whose values the other grains of a recompute are derived from.
pub struct MonthBase {
    frame: PeriodFrame,
    dialect: Dialect,
}

impl MonthBase {
    /// The months `frames` need: every month of the month frame and the first and last
    /// month of each quarter and year (sums are placed by their own dates, so their
    /// query sees every month in between); `None` without frames.
    pub fn covering(frames: &[PeriodFrame], dialect: Dialect) -> Option<Self> {
        let first = frames.first()?;
        let start = first.fiscal_start;
        // Months by their first day, in order.
        let mut months: BTreeMap<chrono::NaiveDate, Period> = BTreeMap::new();
        let mut add = |day: chrono::NaiveDate| {
            let month = Period::containing(Grain::Month, day, start);
            months.insert(month.first_day(), month);
        };
        for frame in frames {
            for period in &frame.periods {
                add(period.first_day());
                add(period.last_day());
            }
        }
        // One cluster filter serves every grain only when they all share it.
        let clusters = first
            .clusters
            .clone()
            .filter(|c| frames.iter().all(|f| f.clusters.as_ref() == Some(c)));
        Some(Self {
            frame: PeriodFrame {
                grain: Grain::Month,
                fiscal_start: start,
                periods: months.into_values().collect(),
                member: None,
                clusters,
            },
            dialect,
        })
    }

    /// The month query `measure` (with `output`) over `frame` is derived from, and how;
    /// `None` when it does not follow from its months or these months do not cover the
    /// frame's facts (another fiscal year, one member, other clusters).
    pub(crate) fn month_sql(
        &self,
        measure: &Measure,
        output: Output,
        frame: &PeriodFrame,
    ) -> Option<(String, FromMonths)> {
        let how = from_months(measure, output)?;
        if frame.fiscal_start != self.frame.fiscal_start
            || frame.member.is_some()
            || (self.frame.clusters.is_some() && self.frame.clusters != frame.clusters)
        {
            return None;
        }
        Some((
            measure_sql(measure, &self.frame, self.dialect, output)?,
            how,
        ))
    }

    /// The values over `frame`, times `factor`, from the month query's `months`.
    pub(crate) fn derive(
        &self,
        months: &MeasureValues,
        how: FromMonths,
        frame: &PeriodFrame,
        factor: f64,
    ) -> MeasureValues {
        let wanted: BTreeSet<i32> = frame.periods.iter().map(|p| frame.bucket(p)).collect();
        let span = frame.grain.months() as i32;
        let offset = frame.fiscal_start.month() as i32 - 1;
        let bucket_of = |month: i32| match frame.grain {
            Grain::Month => month,
            _ => (month - offset).div_euclid(span),
        };
        let first_month = |bucket: i32| match frame.grain {
            Grain::Month => bucket,
            _ => bucket * span + offset,
        };
        let mut out = MeasureValues::new();
        for (&(month, cluster), &value) in months {
            let bucket = bucket_of(month);
            if !wanted.contains(&bucket) {
                continue;
            }
            let counts = match how {
                FromMonths::Sum => true,
                FromMonths::LastMonth => month == first_month(bucket) + span - 1,
                FromMonths::FirstMonth => month == first_month(bucket),
            };
            if counts {
                *out.entry((bucket, cluster)).or_insert(0.0) += value * factor;
            }
        }
        out
    }
}
