//! Pages about the user's own account.

pub mod password;
pub mod sign_in;
