//! The metric explorer.

pub mod metric_explorer;
