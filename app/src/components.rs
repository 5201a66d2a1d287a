//! Reusable components, grouped by area.

pub mod kpi;
pub mod layout;
pub mod organization;
