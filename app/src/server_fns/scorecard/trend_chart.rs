//! A scorecard line as charts: its trend over the periods up to the chosen one with the
//! green band (a click on a point opens the scorecard of that period), and a gauge of the
//! chosen period's value against its thresholds.

use domain::cluster_scorecard::ScorecardLine;
use kpi::{ClusterId, Direction};

use crate::{
    charts::{
        chart_value,
        gauge::{GaugeReading, gauge},
        trend_line::{GreenBand, TrendPoint, trend_line},
    },
    i18n::{
        Locale, Msg, chart_tooltip, format_metric_value, gauge_title, signal_word, t, trend_title,
    },
    models::chart::{ChartDownload, ChartKind, ChartSpec, DataTable, TableCell, query_value},
};

/// The trend chart of `line` for `cluster`.
pub fn trend_chart(
    locale: Locale,
    line: &ScorecardLine,
    cluster: ClusterId,
    validated_only: bool,
) -> ChartSpec {
    let unit = line.unit.as_str();
    let metric = query_value(line.metric.as_str());
    let validated = if validated_only { "&validated=1" } else { "" };
    let mut points = Vec::with_capacity(line.trend.len());
    let mut links = Vec::with_capacity(line.trend.len());
    let mut rows = Vec::with_capacity(line.trend.len());
    for (period, value) in &line.trend {
        let key = period.key();
        let text = value.map(|v| format_metric_value(locale, unit, v));
        points.push(TrendPoint {
            period: key.clone(),
            tooltip: chart_tooltip(locale, &key, text.as_deref()),
            value: value.map(|v| chart_value(unit, v)),
        });
        links.push(Some(format!(
            "/scorecard?cluster={}&period={}&metric={metric}{validated}",
            cluster.0,
            query_value(&key)
        )));
        rows.push(vec![
            TableCell::Text(key),
            TableCell::Number {
                value: *value,
                text: text.unwrap_or_default(),
            },
        ]);
    }
    let band = GreenBand {
        threshold: chart_value(unit, line.thresholds.green()),
        higher_is_better: line.direction == Direction::HigherIsBetter,
        label: t(locale, Msg::GreenZone).to_owned(),
    };
    let current = line.trend.last().map(|(p, _)| p.key()).unwrap_or_default();
    ChartSpec {
        kind: ChartKind::Trend,
        title: trend_title(locale, &line.name),
        option: trend_line(&line.name, &points, Some(&band)),
        links,
        height: None,
        table: DataTable {
            columns: vec![
                t(locale, Msg::ColumnPeriod).to_owned(),
                t(locale, Msg::ColumnValue).to_owned(),
            ],
            rows,
        },
        download: Some(ChartDownload {
            path: "/exports/charts/scorecard-trend".into(),
            query: format!(
                "cluster={}&period={}&metric={metric}{validated}",
                cluster.0,
                query_value(&current)
            ),
        }),
    }
}

/// The gauge of `line`'s value for `period_key` against its thresholds.
pub fn gauge_chart(
    locale: Locale,
    line: &ScorecardLine,
    cluster: ClusterId,
    period_key: &str,
    validated_only: bool,
) -> ChartSpec {
    let unit = line.unit.as_str();
    let value_text = line
        .value
        .map(|v| format_metric_value(locale, unit, v))
        .unwrap_or_else(|| t(locale, Msg::SignalNone).to_owned());
    let signal = signal_word(locale, line.signal).to_owned();
    let (green, amber) = (line.thresholds.green(), line.thresholds.amber());
    let number = |value: f64| TableCell::Number {
        value: Some(value),
        text: format_metric_value(locale, unit, value),
    };
    let rows = vec![
        vec![
            TableCell::Text(line.name.clone()),
            TableCell::Number {
                value: line.value,
                text: line
                    .value
                    .map(|v| format_metric_value(locale, unit, v))
                    .unwrap_or_default(),
            },
        ],
        vec![
            TableCell::Text(t(locale, Msg::GreenFrom).to_owned()),
            number(green),
        ],
        vec![
            TableCell::Text(t(locale, Msg::AmberFrom).to_owned()),
            number(amber),
        ],
        vec![
            TableCell::Text(t(locale, Msg::ColumnSignal).to_owned()),
            TableCell::Text(signal.clone()),
        ],
    ];
    let validated = if validated_only { "&validated=1" } else { "" };
    ChartSpec {
        kind: ChartKind::Gauge,
        title: gauge_title(locale, &line.name, period_key),
        option: gauge(&GaugeReading {
            value: line.value.map(|v| chart_value(unit, v)),
            value_text,
            signal_text: signal,
            green: chart_value(unit, green),
            amber: chart_value(unit, amber),
            higher_is_better: line.direction == Direction::HigherIsBetter,
        }),
        links: vec![None],
        height: None,
        table: DataTable {
            columns: vec![
                t(locale, Msg::ColumnMetric).to_owned(),
                t(locale, Msg::ColumnValue).to_owned(),
            ],
            rows,
        },
        download: Some(ChartDownload {
            path: "/exports/charts/scorecard-gauge".into(),
            query: format!(
                "cluster={}&period={}&metric={}{validated}",
                cluster.0,
                query_value(period_key),
                query_value(line.metric.as_str())
            ),
        }),
    }
}
