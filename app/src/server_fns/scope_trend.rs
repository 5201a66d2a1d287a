//! A scope's trend as a chart: one metric's line over periods with the green band of their
//! grain (counts pro-rated), a link per point and the numbers as a table. Shared by the
//! metric explorer and the organization overview.

use std::collections::HashMap;

use domain::{kpi_values::for_period, metric_catalogue::CatalogueMetric};
use kpi::{Direction, FiscalYearStart, Period};

use crate::{
    charts::{
        chart_value,
        trend_line::{GreenBand, TrendPoint, trend_line},
    },
    i18n::{Locale, Msg, chart_tooltip, format_metric_value, t},
    models::chart::{ChartDownload, ChartKind, ChartSpec, DataTable, TableCell},
};

/// What a scope trend shows.
pub struct ScopeTrend<'a> {
    /// The reader's locale.
    pub locale: Locale,
    /// The metric.
    pub metric: &'a CatalogueMetric,
    /// The line's name ("Organization", "Nordics").
    pub scope_name: &'a str,
    /// The chart's title.
    pub title: String,
    /// The periods, oldest first.
    pub periods: &'a [String],
    /// The number of each period that has one.
    pub values: &'a HashMap<String, f64>,
    /// Where a click on a period's point leads.
    pub link: &'a dyn Fn(&str) -> String,
    /// Where its numbers download.
    pub download: ChartDownload,
    /// The organization's fiscal-year start, to read the periods.
    pub fiscal_start: FiscalYearStart,
}

/// The chart of `trend`.
pub fn scope_trend(trend: ScopeTrend<'_>) -> ChartSpec {
    let ScopeTrend {
        locale,
        metric,
        scope_name,
        title,
        periods,
        values,
        link,
        download,
        fiscal_start,
    } = trend;
    let unit = metric.row.unit.as_str();
    let mut points = Vec::with_capacity(periods.len());
    let mut links = Vec::with_capacity(periods.len());
    let mut rows = Vec::with_capacity(periods.len());
    for period in periods {
        let value = values.get(period).copied();
        let text = value.map(|v| format_metric_value(locale, unit, v));
        points.push(TrendPoint {
            period: period.clone(),
            tooltip: chart_tooltip(locale, period, text.as_deref()),
            value: value.map(|v| chart_value(unit, v)),
        });
        links.push(Some(link(period)));
        rows.push(vec![
            TableCell::Text(period.clone()),
            TableCell::Number {
                value,
                text: text.unwrap_or_default(),
            },
        ]);
    }
    let band = periods
        .last()
        .and_then(|key| Period::parse(key, fiscal_start).ok())
        .map(|period| {
            let thresholds = for_period(metric.thresholds, unit, &period);
            GreenBand {
                threshold: chart_value(unit, thresholds.green()),
                higher_is_better: thresholds.direction() == Direction::HigherIsBetter,
                label: t(locale, Msg::GreenZone).to_owned(),
            }
        });
    ChartSpec {
        kind: ChartKind::Trend,
        title,
        option: trend_line(scope_name, &points, band.as_ref()),
        links,
        height: None,
        table: DataTable {
            columns: vec![
                t(locale, Msg::ColumnPeriod).to_owned(),
                t(locale, Msg::ColumnValue).to_owned(),
            ],
            rows,
        },
        download: Some(download),
    }
}
