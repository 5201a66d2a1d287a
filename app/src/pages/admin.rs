//! Administration pages.

pub mod brand;
pub mod settings;
pub mod users;
