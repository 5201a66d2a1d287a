//! Components of the organization overview.

pub mod pulse_section;
pub mod region_section;
pub mod stat_tile;
