//! The signed-in user, for the header and role-dependent navigation.

use leptos::prelude::*;

use crate::{error::AppError, models::account::CurrentUser};

/// The signed-in user, or `None`.
#[server(endpoint = "account/me")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    Ok(crate::auth::current_user())
}
