//! Server functions, one per file, grouped by area.

pub mod organization;
