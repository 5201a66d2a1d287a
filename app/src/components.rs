//! Reusable components, grouped by area.

pub mod chart;
pub mod kpi;
pub mod layout;
pub mod organization;
