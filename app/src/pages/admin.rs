//! Administration pages.

pub mod users;
