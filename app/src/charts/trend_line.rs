//! The trend line: one metric over periods, with the band where it is green.

use charming::{
    Chart,
    component::{Legend, LegendConfig},
    datatype::{CompositeValue, DataPointItem},
    element::{ItemStyle, LineStyle, Symbol, Tooltip, Trigger},
    series::Line,
};
use serde_json::json;

use super::{category_axis, finish, grid, option_value, value_axis};

/// One period's point.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The period's key ("2025-Q1").
    pub period: String,
    /// What the tooltip says ("2025-Q1: 83.3 %").
    pub tooltip: String,
    /// The number on the chart's scale; `None` leaves a gap, never a zero.
    pub value: Option<f64>,
}

/// Where the green band lies on the chart's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct GreenBand {
    /// The green threshold.
    pub threshold: f64,
    /// Higher numbers are better (the band lies above the threshold).
    pub higher_is_better: bool,
    /// The band's name in the legend and tooltip ("Green").
    pub label: String,
}

/// The option of a trend chart of `points` named `series_name`, oldest first.
pub fn trend_line(series_name: &str, points: &[TrendPoint], band: Option<&GreenBand>) -> String {
    let labels = points.iter().map(|p| p.period.clone()).collect();
    let items: Vec<DataPointItem> = points
        .iter()
        .map(|p| DataPointItem::new(CompositeValue::from(p.value)).name(p.tooltip.clone()))
        .collect();
    let series = Line::new()
        .name(series_name)
        .symbol(Symbol::Circle)
        .symbol_size(8)
        .connect_nulls(false)
        .line_style(LineStyle::new().color("--brand-primary").width(3))
        .item_style(ItemStyle::new().color("--brand-primary"))
        .data(items);
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        .legend(LegendConfig::from(Legend::new().top(0).left(0)))
        .grid(grid())
        .x_axis(category_axis(labels, true))
        .y_axis(value_axis())
        .series(series);
    let mut option = option_value(&chart);
    if let Some(band) = band {
        // charming's mark areas take positions as text; ECharts needs numbers here.
        let highest = points
            .iter()
            .filter_map(|p| p.value)
            .fold(band.threshold, f64::max);
        let lowest = points
            .iter()
            .filter_map(|p| p.value)
            .fold(band.threshold, f64::min)
            .min(0.0);
        let (from, to) = if band.higher_is_better {
            (band.threshold, highest.max(band.threshold) * 1.1 + 1.0)
        } else {
            (lowest, band.threshold)
        };
        option["series"][0]["markArea"] = json!({
            "silent": true,
            "itemStyle": { "color": "--chart-green-band" },
            "label": { "show": true, "position": "insideTopLeft", "color": "--color-text-muted" },
            "data": [[ { "name": band.label, "yAxis": from }, { "yAxis": to } ]],
        });
    }
    finish(option)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(period: &str, value: Option<f64>) -> TrendPoint {
        TrendPoint {
            period: period.into(),
            tooltip: format!("{period}: {value:?}"),
            value,
        }
    }

    #[test]
    fn points_keep_their_periods_and_gaps_and_the_band_lies_above_a_higher_is_better_threshold() {
        let option = trend_line(
            "Forum attendance",
            &[
                point("2024", Some(70.0)),
                point("2025", None),
                point("2026", Some(90.0)),
            ],
            Some(&GreenBand {
                threshold: 80.0,
                higher_is_better: true,
                label: "Green".into(),
            }),
        );
        let json: serde_json::Value = serde_json::from_str(&option).expect("JSON");
        assert_eq!(json["xAxis"]["data"], json!(["2024", "2025", "2026"]));
        let series = &json["series"][0];
        assert_eq!(series["name"], "Forum attendance");
        assert_eq!(series["data"][0]["value"], 70.0);
        assert!(series["data"][1]["value"].is_null());
        let area = &series["markArea"]["data"][0];
        assert_eq!(area[0]["yAxis"], 80.0);
        assert!(area[1]["yAxis"].as_f64().expect("number") > 90.0);
        assert_eq!(json["textStyle"]["color"], "--color-text");
    }

    #[test]
    fn a_lower_is_better_band_lies_below_the_threshold() {
        let option = trend_line(
            "Late arrivals",
            &[point("2025", Some(3.0))],
            Some(&GreenBand {
                threshold: 2.0,
                higher_is_better: false,
                label: "Green".into(),
            }),
        );
        let json: serde_json::Value = serde_json::from_str(&option).expect("JSON");
        let area = &json["series"][0]["markArea"]["data"][0];
        assert_eq!(area[0]["yAxis"], 0.0);
        assert_eq!(area[1]["yAxis"], 2.0);
    }
}
