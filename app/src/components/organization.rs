//! Components of the organization overview.

pub mod region_section;
pub mod stat_tile;
