//! The radar: a cluster's profile across one metric group beside its region's median and
//! its peers' median. Each axis is the way to green (100 = at the green threshold, more
//! is better on every axis), so metrics of different units share one scale.

use charming::{
    Chart,
    component::{Legend, LegendConfig, RadarAxisName, RadarCoordinate, RadarIndicator},
    series::Radar,
};
use serde_json::json;

use super::{finish, option_value};

/// The outer ring of every axis.
pub const MAX_SCORE: f64 = 150.0;

/// One line of the radar.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarLine {
    /// Its name in the legend ("BNLX-001", "Region median").
    pub name: String,
    /// One score per axis; `None` where there is no number.
    pub scores: Vec<Option<f64>>,
    /// Its colour, as a CSS custom property.
    pub colour: &'static str,
    /// Filled (the cluster itself) or a line only (the comparisons).
    pub filled: bool,
}

/// The option of a radar with `axes` (metric names) and `lines`.
pub fn radar(axes: &[String], lines: &[RadarLine]) -> String {
    let coordinate = RadarCoordinate::new()
        .radius("62%")
        .axis_name(RadarAxisName::new().color("--color-text-muted"))
        .indicator(
            axes.iter()
                .map(|name| RadarIndicator::from((name.as_str(), 0.0, MAX_SCORE)))
                .collect::<Vec<_>>(),
        );
    let chart = Chart::new()
        .legend(LegendConfig::from(Legend::new().bottom(0)))
        .radar(coordinate)
        .series(Radar::new());
    let mut option = option_value(&chart);
    // Per-line colours and fills, and a tooltip drawn on the canvas: ECharts' HTML tooltip
    // would list the axes with inline-styled markers, which the content security policy
    // refuses.
    option["series"][0]["data"] = lines
        .iter()
        .map(|line| {
            let scores: Vec<serde_json::Value> = line
                .scores
                .iter()
                .map(|s| {
                    s.map_or(serde_json::Value::Null, |s| {
                        json!((s * 10.0).round() / 10.0)
                    })
                })
                .collect();
            let mut item = json!({
                "name": line.name,
                "value": scores,
                "itemStyle": { "color": line.colour },
                "lineStyle": { "color": line.colour, "width": if line.filled { 3 } else { 2 } },
            });
            if line.filled {
                item["areaStyle"] = json!({ "color": line.colour, "opacity": 0.15 });
            } else {
                item["lineStyle"]["type"] = json!("dashed");
            }
            item
        })
        .collect();
    option["tooltip"] = json!({ "trigger": "item", "renderMode": "richText" });
    option["legend"]["textStyle"] = json!({ "color": "--color-text" });
    finish(option)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_axis_shares_the_way_to_green_and_gaps_stay_gaps() {
        let option = radar(
            &["Forum attendance".into(), "Retention".into()],
            &[
                RadarLine {
                    name: "BNLX-001".into(),
                    scores: vec![Some(83.333), None],
                    colour: "--brand-primary",
                    filled: true,
                },
                RadarLine {
                    name: "Region median".into(),
                    scores: vec![Some(100.0), Some(120.0)],
                    colour: "--brand-accent",
                    filled: false,
                },
            ],
        );
        let json: serde_json::Value = serde_json::from_str(&option).expect("JSON");
        let indicators = &json["radar"][0]["indicator"];
        assert_eq!(indicators[1]["name"], "Retention");
        assert_eq!(indicators[1]["max"], MAX_SCORE);
        let data = &json["series"][0]["data"];
        assert_eq!(data[0]["value"], json!([83.3, null]));
        assert!(data[0]["areaStyle"].is_object());
        assert_eq!(data[1]["lineStyle"]["type"], "dashed");
        assert_eq!(json["tooltip"]["renderMode"], "richText");
    }
}
