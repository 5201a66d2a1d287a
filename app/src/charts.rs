//! ECharts options built with charming on the server, one module per chart type. Colours
//! name CSS custom properties (`--brand-primary`), which the browser resolves when it
//! draws, so the brand theme and dark mode reach every chart.

pub mod gauge;
pub mod heatmap;
pub mod radar;
pub mod ranking_bar;
pub mod trend_line;

#[cfg(test)]
mod bundled_parts;

use charming::{
    Chart,
    component::{Axis, Grid},
    element::{AxisLabel, AxisType, LineStyle, SplitLine},
};

/// A chart's option as the JSON the browser hands to ECharts, with the theme's text
/// colour and font and a short animation.
pub fn option_json(chart: &Chart) -> String {
    finish(option_value(chart))
}

/// A chart's option as JSON to add to where charming has no typed setter.
fn option_value(chart: &Chart) -> serde_json::Value {
    serde_json::to_value(chart).unwrap_or_else(|_| serde_json::json!({}))
}

/// Adds the theme's text style and writes the option out.
fn finish(mut option: serde_json::Value) -> String {
    if let Some(object) = option.as_object_mut() {
        object.insert(
            "textStyle".into(),
            serde_json::json!({ "color": "--color-text", "fontFamily": "--font-body" }),
        );
        object.insert("animationDuration".into(), serde_json::json!(300));
    }
    option.to_string()
}

/// A metric's value on the scale charts show: percentages as 0–100, two decimals at most.
pub fn chart_value(unit: &str, value: f64) -> f64 {
    let shown = if unit == "percent" {
        value * 100.0
    } else {
        value
    };
    (shown * 100.0).round() / 100.0
}

/// The grid every cartesian chart uses: room for labels, nothing wasted on a phone.
fn grid() -> Grid {
    Grid::new()
        .left(8)
        .right(16)
        .top(32)
        .bottom(8)
        .contain_label(true)
}

/// A category axis in the theme's colours.
fn category_axis(labels: Vec<String>, show_labels: bool) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .data(labels)
        .axis_label(
            AxisLabel::new()
                .show(show_labels)
                .color("--color-text-muted")
                .rotate(if show_labels { 0.0 } else { 45.0 }),
        )
}

/// A value axis in the theme's colours.
fn value_axis() -> Axis {
    Axis::new()
        .type_(AxisType::Value)
        .axis_label(AxisLabel::new().color("--color-text-muted"))
        .split_line(SplitLine::new().line_style(LineStyle::new().color("--color-border")))
}
