//! Staff validation of KPI values.

pub mod explain;
pub mod queue;
