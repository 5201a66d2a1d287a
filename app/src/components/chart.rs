//! Charts: a panel with a chart, its table and downloads, drawn by ECharts in the browser.

pub mod chart_panel;
pub mod echarts_bundle;
#[cfg(feature = "hydrate")]
pub mod echarts_host;
