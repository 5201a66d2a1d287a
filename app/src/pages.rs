//! Pages, grouped by area.

pub mod not_found;
pub mod organization;
