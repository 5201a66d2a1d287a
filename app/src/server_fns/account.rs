//! Server functions about the signed-in user: sign in, sign out, who am I.

pub mod get_current_user;
pub mod sign_in;
pub mod sign_out;
