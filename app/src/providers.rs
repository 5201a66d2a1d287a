//! Contexts the whole app shares.

pub mod locale;
pub mod theme;
