//! Server functions of the metric catalogue.

pub mod get_metric_form;
pub mod list_metrics;
pub mod save_metric;
pub mod set_metric_retired;
