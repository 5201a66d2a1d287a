//! Changing one's own password.

use leptos::prelude::*;

use crate::error::AppError;

/// Changes the signed-in user's password after checking the current one; their other
/// sessions end.
#[server(endpoint = "account/password")]
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    use domain::account::Accounts;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let token = use_context::<http::request::Parts>()
        .and_then(|parts| crate::auth::session_token(&parts.headers))
        .unwrap_or_default();
    Accounts::change_password(
        &db,
        user.id,
        &current,
        &new,
        &token,
        chrono::Utc::now().naive_utc(),
    )
    .await?;
    Ok(())
}
