//! The heatmap: clusters × metrics, each cell coloured by its signal and marked with the
//! signal's shape, so colour is never the only cue; cells without a number stay empty.

use charming::{
    Chart,
    component::{Axis, VisualMap, VisualMapPiece, VisualMapType},
    element::{AxisLabel, AxisType, Orient, Tooltip, Trigger},
    series::Heatmap,
};
use kpi::Signal;
use serde_json::json;

use super::{finish, grid, option_value};

/// One coloured cell.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatCell {
    /// The metric's column.
    pub column: usize,
    /// The cluster's row.
    pub row: usize,
    /// The cell's signal.
    pub signal: Signal,
    /// What the tooltip says ("C001 · Forum attendance: 83.3 %, on track").
    pub tooltip: String,
}

/// The legend's words for red, amber and green, in that order.
pub type SignalWords = [String; 3];

/// A signal's place on the colour scale.
fn score(signal: Signal) -> u8 {
    match signal {
        Signal::Red => 0,
        Signal::Amber => 1,
        Signal::Green => 2,
    }
}

/// The signal's shape, as on the signal badges.
fn shape(signal: Signal) -> &'static str {
    match signal {
        Signal::Green => "●",
        Signal::Amber => "▲",
        Signal::Red => "■",
    }
}

/// The chart's height for `rows` rows: at least 18 pixels a row, room for the labels and
/// the legend.
pub fn height(rows: usize) -> u32 {
    u32::try_from(rows)
        .unwrap_or(400)
        .saturating_mul(18)
        .saturating_add(140)
        .max(320)
}

/// The legend's words for red, amber and green in `locale`.
pub fn signal_words(locale: crate::i18n::Locale) -> SignalWords {
    use crate::i18n::signal_word;
    use kpi::Signal::{Amber, Green, Red};
    [Red, Amber, Green].map(|signal| signal_word(locale, Some(signal)).to_owned())
}

/// The option of a heatmap with `columns` (metrics), `rows` (clusters, top first) and
/// `cells`.
pub fn heatmap(
    columns: &[String],
    rows: &[String],
    cells: &[HeatCell],
    words: &SignalWords,
) -> String {
    let pieces: Vec<VisualMapPiece> = [
        ("--signal-red", &words[0]),
        ("--signal-amber", &words[1]),
        ("--signal-green", &words[2]),
    ]
    .into_iter()
    .enumerate()
    .map(|(at, (colour, word))| {
        let at = at as f64;
        VisualMapPiece::new()
            .min(at)
            .max(at)
            .label(word.clone())
            .color(colour)
    })
    .collect();
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        // Room on the left for the first rotated metric name.
        .grid(grid().left(48).bottom(48))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(columns.to_vec())
                .axis_label(
                    AxisLabel::new()
                        .color("--color-text-muted")
                        .rotate(35.0)
                        .interval(0.0),
                ),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(rows.to_vec())
                .axis_label(AxisLabel::new().color("--color-text-muted").interval(0.0)),
        )
        .visual_map(
            VisualMap::new()
                .type_(VisualMapType::Piecewise)
                .dimension(2)
                .orient(Orient::Horizontal)
                .left(0)
                .bottom(0)
                .pieces(pieces),
        )
        .series(Heatmap::new());
    let mut option = option_value(&chart);
    // Cells carry their own tooltip and shape; charming's heatmap data has no room for
    // either, so the series data is written here.
    option["series"][0]["data"] = cells
        .iter()
        .map(|cell| {
            json!({
                "value": [cell.column, cell.row, score(cell.signal)],
                "name": cell.tooltip,
                "label": { "show": true, "formatter": shape(cell.signal), "color": "--color-surface" },
            })
        })
        .collect();
    option["series"][0]["itemStyle"] =
        json!({ "borderColor": "--color-surface", "borderWidth": 2 });
    option["visualMap"][0]["textStyle"] = json!({ "color": "--color-text" });
    finish(option)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_carry_their_signal_as_a_score_and_a_shape() {
        let words = [
            "Off track".to_owned(),
            "At risk".to_owned(),
            "On track".to_owned(),
        ];
        let option = heatmap(
            &["Forum attendance".into(), "Retention".into()],
            &["C001".into(), "C002".into()],
            &[
                HeatCell {
                    column: 1,
                    row: 0,
                    signal: Signal::Green,
                    tooltip: "C001 · Retention: 90 %".into(),
                },
                HeatCell {
                    column: 0,
                    row: 1,
                    signal: Signal::Red,
                    tooltip: "C002 · Forum attendance: 40 %".into(),
                },
            ],
            &words,
        );
        let json: serde_json::Value = serde_json::from_str(&option).expect("JSON");
        let data = &json["series"][0]["data"];
        assert_eq!(data[0]["value"], json!([1, 0, 2]));
        assert_eq!(data[0]["label"]["formatter"], "●");
        assert_eq!(data[1]["value"], json!([0, 1, 0]));
        assert_eq!(data[1]["label"]["formatter"], "■");
        assert_eq!(json["series"][0]["type"], "heatmap");
        let pieces = &json["visualMap"][0]["pieces"];
        assert_eq!(pieces[0]["color"], "--signal-red");
        assert_eq!(pieces[2]["label"], "On track");
        assert_eq!(json["yAxis"]["data"], json!(["C001", "C002"]));
    }
}
