//! The ranking bar: clusters (or regions) by one metric, best to worst, the selected one
//! highlighted, with the green threshold as a line.

use charming::{
    Chart,
    datatype::{CompositeValue, DataPointItem},
    element::{
        Formatter, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkLine,
        MarkLineData, MarkLineVariant, Symbol, Tooltip, Trigger,
    },
    series::Bar,
};

use super::{category_axis, grid, option_json, value_axis};

/// Above this many bars the axis shows no names: the tooltip and the table carry them.
const NAMED_BARS: usize = 24;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedBar {
    /// The short name under the bar ("C001").
    pub label: String,
    /// What the tooltip says ("C001 · Alpine Founders: 83.3 %").
    pub tooltip: String,
    /// The number on the chart's scale; `None` leaves a gap.
    pub value: Option<f64>,
    /// The reader's or the selected one.
    pub highlighted: bool,
}

/// The green threshold as a labelled line.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetLine {
    /// On the chart's scale.
    pub value: f64,
    /// "Green from 80 %".
    pub label: String,
}

/// The option of a ranking bar chart of `bars`, in their order.
pub fn ranking_bar(bars: &[RankedBar], target: Option<&TargetLine>) -> String {
    let labels = bars.iter().map(|bar| bar.label.clone()).collect();
    let items: Vec<DataPointItem> = bars
        .iter()
        .map(|bar| {
            let item =
                DataPointItem::new(CompositeValue::from(bar.value)).name(bar.tooltip.clone());
            if bar.highlighted {
                item.item_style(ItemStyle::new().color("--brand-accent"))
            } else {
                item
            }
        })
        .collect();
    let mut series = Bar::new()
        .item_style(ItemStyle::new().color("--brand-primary").border_radius(2))
        .data(items);
    if let Some(target) = target {
        series = series.mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![Symbol::None, Symbol::None])
                .line_style(
                    LineStyle::new()
                        .color("--signal-green")
                        .type_(LineStyleType::Dashed)
                        .width(2),
                )
                .label(
                    Label::new()
                        .position(LabelPosition::InsideEndTop)
                        .formatter(Formatter::from(target.label.as_str()))
                        .color("--color-text")
                        .background_color("--color-surface")
                        .padding((2.0, 4.0, 2.0, 4.0)),
                )
                .data(vec![MarkLineVariant::Simple(
                    MarkLineData::new().y_axis(target.value),
                )]),
        );
    }
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        .grid(grid())
        .x_axis(category_axis(labels, bars.len() <= NAMED_BARS))
        .y_axis(value_axis())
        .series(series);
    option_json(&chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: Option<f64>, highlighted: bool) -> RankedBar {
        RankedBar {
            label: label.into(),
            tooltip: format!("{label}: {value:?}"),
            value,
            highlighted,
        }
    }

    #[test]
    fn bars_keep_their_order_names_and_gaps_and_the_highlight_stands_out() {
        let option = ranking_bar(
            &[
                bar("C002", Some(91.5), false),
                bar("C001", Some(80.0), true),
                bar("C003", None, false),
            ],
            Some(&TargetLine {
                value: 85.0,
                label: "Green from 85 %".into(),
            }),
        );
        let json: serde_json::Value = serde_json::from_str(&option).expect("JSON");
        assert_eq!(
            json["xAxis"]["data"],
            serde_json::json!(["C002", "C001", "C003"])
        );
        let data = &json["series"][0]["data"];
        assert_eq!(data[0]["value"], 91.5);
        assert_eq!(data[1]["itemStyle"]["color"], "--brand-accent");
        assert!(data[2]["value"].is_null());
        assert_eq!(data[0]["name"], "C002: Some(91.5)");
        assert_eq!(json["series"][0]["markLine"]["data"][0]["yAxis"], 85.0);
        assert_eq!(json["tooltip"]["formatter"], "{b}");
    }

    #[test]
    fn many_bars_hide_their_axis_names() {
        let bars: Vec<_> = (0..30)
            .map(|i| bar(&format!("C{i:03}"), Some(1.0), false))
            .collect();
        let option = ranking_bar(&bars, None);
        let json: serde_json::Value = serde_json::from_str(&option).expect("JSON");
        assert_eq!(json["xAxis"]["axisLabel"]["show"], false);
        assert!(json["series"][0].get("markLine").is_none());
    }
}
