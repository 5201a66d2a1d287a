//! Server functions of user administration (admins only) and of one's own password.

pub mod change_password;
pub mod change_user_role;
pub mod invite_user;
pub mod issue_reset_link;
pub mod list_users;
pub mod reset_password;
pub mod set_user_active;
pub mod set_user_regions;
