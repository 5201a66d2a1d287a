//! Pages about the organization as a whole.

pub mod overview;
