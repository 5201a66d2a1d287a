//! Contexts the whole app shares.

pub mod locale;
