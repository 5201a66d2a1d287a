//! Server functions of the metric explorer.

pub mod get_metric_explorer;
