//! Reusable components, grouped by area.

pub mod layout;
pub mod organization;
