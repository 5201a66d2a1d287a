//! The gauge: one value against its thresholds, the dial coloured red, amber and green in
//! the metric's direction, the number and its signal in words below.

use charming::{
    Chart,
    datatype::{CompositeValue, DataPointItem},
    element::{
        AxisLabel, AxisLine, AxisLineStyle, AxisTick, ColorSegment, Formatter, SplitLine, Tooltip,
        Trigger,
    },
    series::{Gauge, GaugeDetail, GaugeTitle},
};

use super::option_json;

/// What the gauge shows, on the chart's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct GaugeReading {
    /// The value; `None` draws the dial without a needle.
    pub value: Option<f64>,
    /// The value as the reader writes it ("83.3 %"), shown under the needle.
    pub value_text: String,
    /// The signal in words ("On track"), shown under the number.
    pub signal_text: String,
    /// The green threshold.
    pub green: f64,
    /// The amber threshold.
    pub amber: f64,
    /// Higher numbers are better.
    pub higher_is_better: bool,
}

/// The option of a gauge of `reading`.
pub fn gauge(reading: &GaugeReading) -> String {
    let GaugeReading {
        value,
        green,
        amber,
        higher_is_better,
        ..
    } = reading;
    // The dial runs from 0 to a little past the best of value and thresholds.
    let top = [value.unwrap_or(0.0), *green, *amber]
        .into_iter()
        .fold(0.0, f64::max)
        * 1.25;
    let top = if top > 0.0 { top } else { 1.0 };
    let at = |x: f64| (x / top).clamp(0.0, 1.0);
    let segments: Vec<ColorSegment> = if *higher_is_better {
        vec![
            (at(*amber), "--signal-red").into(),
            (at(*green), "--signal-amber").into(),
            (1.0, "--signal-green").into(),
        ]
    } else {
        vec![
            (at(*green), "--signal-green").into(),
            (at(*amber), "--signal-amber").into(),
            (1.0, "--signal-red").into(),
        ]
    };
    let line_style = segments
        .into_iter()
        .fold(AxisLineStyle::new().width(14), AxisLineStyle::color);
    let item = DataPointItem::new(CompositeValue::from(*value)).name(reading.signal_text.clone());
    let series = Gauge::new()
        .min(0.0)
        .max((top * 100.0).round() / 100.0)
        .start_angle(200.0)
        .end_angle(-20.0)
        .radius("95%")
        .axis_line(AxisLine::new().line_style(line_style))
        .axis_tick(AxisTick::new().show(false))
        .split_line(SplitLine::new().show(false))
        .axis_label(AxisLabel::new().show(false))
        .detail(
            GaugeDetail::new()
                .formatter(Formatter::from(reading.value_text.as_str()))
                .color("--color-text")
                .font_size(22),
        )
        .title(GaugeTitle::new().offset_center(("0", "80%")))
        .data(vec![item]);
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        .series(series);
    option_json(&chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(value: Option<f64>, higher_is_better: bool) -> GaugeReading {
        GaugeReading {
            value,
            value_text: "83.3 %".into(),
            signal_text: "On track".into(),
            green: 80.0,
            amber: 60.0,
            higher_is_better,
        }
    }

    #[test]
    fn the_dial_turns_green_where_the_metric_is_good() {
        let json: serde_json::Value =
            serde_json::from_str(&gauge(&reading(Some(83.3), true))).expect("JSON");
        let series = &json["series"][0];
        assert_eq!(series["type"], "gauge");
        assert_eq!(series["data"][0]["value"], 83.3);
        assert_eq!(series["detail"]["formatter"], "83.3 %");
        let colours = &series["axisLine"]["lineStyle"]["color"];
        assert_eq!(colours[0][1], "--signal-red");
        assert_eq!(colours[2][1], "--signal-green");
        assert_eq!(colours[2][0], 1.0);

        let json: serde_json::Value =
            serde_json::from_str(&gauge(&reading(None, false))).expect("JSON");
        let colours = &json["series"][0]["axisLine"]["lineStyle"]["color"];
        assert_eq!(colours[0][1], "--signal-green");
        assert!(json["series"][0]["data"][0]["value"].is_null());
    }
}
