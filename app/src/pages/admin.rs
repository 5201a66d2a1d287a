//! Administration pages.

pub mod brand;
pub mod users;
