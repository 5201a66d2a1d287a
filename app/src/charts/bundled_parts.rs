//! Every part of ECharts a chart's option names is in the bundle for its kind: a part left
//! out of `vendor/echarts-kinds.json` would be dropped without a word by the browser (a
//! trend without its green band, a heatmap without its legend of signals).

use std::collections::BTreeSet;

use kpi::Signal;

use super::{
    gauge::{GaugeReading, gauge},
    heatmap::{HeatCell, heatmap},
    radar::{RadarLine, radar},
    ranking_bar::{RankedBar, TargetLine, ranking_bar},
    trend_line::{GreenBand, TrendPoint, trend_line},
};
use crate::models::chart::ChartKind;

/// What `vendor/build.mjs` bundles for each chart kind.
const BUNDLED: &str = include_str!("../../../vendor/echarts-kinds.json");

/// An option of `kind` with every optional part its builder can add.
fn fullest_option(kind: ChartKind) -> String {
    match kind {
        ChartKind::Trend => trend_line(
            "BNLX-001",
            &[TrendPoint {
                period: "2025-Q1".into(),
                tooltip: "2025-Q1: 83 %".into(),
                value: Some(83.0),
            }],
            Some(&GreenBand {
                threshold: 80.0,
                higher_is_better: true,
                label: "Green".into(),
            }),
        ),
        ChartKind::Ranking => ranking_bar(
            &[RankedBar {
                label: "BNLX-001".into(),
                tooltip: "BNLX-001: 83 %".into(),
                value: Some(83.0),
                highlighted: true,
            }],
            Some(&TargetLine {
                value: 80.0,
                label: "Target".into(),
            }),
        ),
        ChartKind::Gauge => gauge(&GaugeReading {
            value: Some(83.0),
            value_text: "83 %".into(),
            signal_text: "On track".into(),
            green: 80.0,
            amber: 60.0,
            higher_is_better: true,
        }),
        ChartKind::Radar => radar(
            &["Retention".into()],
            &[RadarLine {
                name: "BNLX-001".into(),
                scores: vec![Some(83.0)],
                colour: "--brand-primary",
                filled: true,
            }],
        ),
        ChartKind::Heatmap => heatmap(
            &["Retention".into()],
            &["BNLX-001".into()],
            &[HeatCell {
                column: 0,
                row: 0,
                signal: Signal::Green,
                tooltip: "BNLX-001 · Retention: 83 %".into(),
            }],
            &["Off track".into(), "At risk".into(), "On track".into()],
        ),
    }
}

/// The ECharts parts (as `echarts/charts` and `echarts/components` export them) `option`
/// needs; a key this does not know fails the test, so a new one is looked at.
fn parts_named(option: &serde_json::Value) -> BTreeSet<&'static str> {
    let mut parts = BTreeSet::new();
    for (key, value) in option.as_object().expect("an option is an object") {
        match key.as_str() {
            "grid" | "xAxis" | "yAxis" => {
                parts.insert("GridComponent");
            }
            "legend" => {
                parts.insert("LegendPlainComponent");
            }
            "tooltip" => {
                parts.insert("TooltipComponent");
            }
            "radar" => {
                parts.insert("RadarComponent");
            }
            "visualMap" => {
                let all_piecewise = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .chain(value.as_object().map(|_| value))
                    .all(|map| map["type"] == "piecewise");
                assert!(all_piecewise, "a visual map other than piecewise: {value}");
                parts.insert("VisualMapPiecewiseComponent");
            }
            "series" => {
                for series in value.as_array().expect("series is a list") {
                    parts.insert(match series["type"].as_str() {
                        Some("line") => "LineChart",
                        Some("bar") => "BarChart",
                        Some("gauge") => "GaugeChart",
                        Some("radar") => "RadarChart",
                        Some("heatmap") => "HeatmapChart",
                        other => panic!("a series of type {other:?}"),
                    });
                    if series.get("markArea").is_some() {
                        parts.insert("MarkAreaComponent");
                    }
                    if series.get("markLine").is_some() {
                        parts.insert("MarkLineComponent");
                    }
                    assert!(
                        series.get("markPoint").is_none(),
                        "mark points are not bundled"
                    );
                }
            }
            // Read by ECharts' core.
            "textStyle" | "animationDuration" | "color" | "backgroundColor" => {}
            other => panic!("an option names `{other}`: which ECharts part draws it?"),
        }
    }
    parts
}

#[test]
fn each_kinds_bundle_has_every_part_its_options_name() {
    let bundled: serde_json::Value = serde_json::from_str(BUNDLED).expect("echarts-kinds.json");
    for kind in ChartKind::ALL {
        let entry = &bundled[kind.as_str()];
        let in_bundle: BTreeSet<&str> = ["charts", "components"]
            .into_iter()
            .flat_map(|list| entry[list].as_array().into_iter().flatten())
            .filter_map(serde_json::Value::as_str)
            .collect();
        let option: serde_json::Value =
            serde_json::from_str(&fullest_option(kind)).expect("option JSON");
        let missing: Vec<_> = parts_named(&option)
            .into_iter()
            .filter(|part| !in_bundle.contains(part))
            .collect();
        assert!(
            missing.is_empty(),
            "the {} bundle lacks {missing:?} (vendor/echarts-kinds.json)",
            kind.as_str()
        );
    }
}
