//! Pages about the user's own account.

pub mod sign_in;
