//! Administration pages.

pub mod api_tokens;
pub mod brand;
pub mod settings;
pub mod users;
