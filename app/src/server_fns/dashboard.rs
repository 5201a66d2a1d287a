//! Server functions of dashboards: staff list, open, create, copy, change and delete
//! them; admins restore the shipped ones; each widget's chart is asked for on its own.

pub mod copy_dashboard;
pub mod create_dashboard;
pub mod delete_dashboard;
pub mod get_dashboard;
pub mod get_widget_chart;
pub mod list_dashboards;
pub mod restore_dashboards;
pub mod save_dashboard;

/// A widget of the page as the domain keeps it; a key that is not a metric key is
/// refused, naming the chart.
#[cfg(feature = "ssr")]
fn stored_widget(
    index: usize,
    widget: crate::models::dashboard::WidgetConfig,
) -> Result<domain::dashboards::Widget, String> {
    use crate::models::{
        chart::ChartKind,
        dashboard::{WidgetPeriod as PagePeriod, WidgetScope as PageScope, WidgetWidth},
    };
    use domain::dashboards::{
        Widget, WidgetChart, WidgetPeriod, WidgetScope, WidgetWidth as Width,
    };

    let metric = kpi::MetricKey::parse(&widget.metric)
        .map_err(|_| format!("chart {}: {:?} is not a metric", index + 1, widget.metric))?;
    Ok(Widget {
        chart: match widget.chart {
            ChartKind::Trend => WidgetChart::Trend,
            ChartKind::Ranking => WidgetChart::Ranking,
            ChartKind::Gauge => WidgetChart::Gauge,
            ChartKind::Radar => WidgetChart::Radar,
            ChartKind::Heatmap => WidgetChart::Heatmap,
        },
        metric,
        width: match widget.width {
            WidgetWidth::Third => Width::Third,
            WidgetWidth::Half => Width::Half,
            WidgetWidth::Full => Width::Full,
        },
        scope: match widget.scope {
            PageScope::Dashboard => WidgetScope::Dashboard,
            PageScope::Organization => WidgetScope::Organization,
            PageScope::Region(id) => WidgetScope::Region(id),
            PageScope::Cluster(id) => WidgetScope::Cluster(id),
        },
        period: match widget.period {
            PagePeriod::Dashboard => WidgetPeriod::Dashboard,
            PagePeriod::Previous => WidgetPeriod::Previous,
            PagePeriod::YearEarlier => WidgetPeriod::YearEarlier,
            PagePeriod::Fixed(key) => WidgetPeriod::Fixed(key),
        },
    })
}

/// A stored widget as the page shows it.
#[cfg(feature = "ssr")]
fn shown_widget(widget: &domain::dashboards::Widget) -> crate::models::dashboard::WidgetConfig {
    use crate::models::{
        chart::ChartKind,
        dashboard::{
            WidgetConfig, WidgetPeriod as PagePeriod, WidgetScope as PageScope, WidgetWidth,
        },
    };
    use domain::dashboards::{WidgetChart, WidgetPeriod, WidgetScope, WidgetWidth as Width};

    WidgetConfig {
        chart: match widget.chart {
            WidgetChart::Trend => ChartKind::Trend,
            WidgetChart::Ranking => ChartKind::Ranking,
            WidgetChart::Gauge => ChartKind::Gauge,
            WidgetChart::Radar => ChartKind::Radar,
            WidgetChart::Heatmap => ChartKind::Heatmap,
        },
        metric: widget.metric.to_string(),
        width: match widget.width {
            Width::Third => WidgetWidth::Third,
            Width::Half => WidgetWidth::Half,
            Width::Full => WidgetWidth::Full,
        },
        scope: match widget.scope {
            WidgetScope::Dashboard => PageScope::Dashboard,
            WidgetScope::Organization => PageScope::Organization,
            WidgetScope::Region(id) => PageScope::Region(id),
            WidgetScope::Cluster(id) => PageScope::Cluster(id),
        },
        period: match &widget.period {
            WidgetPeriod::Dashboard => PagePeriod::Dashboard,
            WidgetPeriod::Previous => PagePeriod::Previous,
            WidgetPeriod::YearEarlier => PagePeriod::YearEarlier,
            WidgetPeriod::Fixed(key) => PagePeriod::Fixed(key.clone()),
        },
    }
}

/// The cluster id a dashboard's URL names: `None` when none is; a text that is not an id
/// is refused, naming it.
#[cfg(feature = "ssr")]
fn requested_cluster(text: Option<&str>) -> Result<Option<i32>, crate::error::AppError> {
    match text.filter(|c| !c.is_empty()) {
        Some(text) => text.parse().map(Some).map_err(|_| {
            crate::error::AppError::Refused(vec![format!("cluster {text:?} is not a cluster")])
                .respond()
        }),
        None => Ok(None),
    }
}

/// Now, as the domain stores change times.
#[cfg(feature = "ssr")]
fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}
