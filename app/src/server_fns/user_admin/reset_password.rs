//! Setting a password with a one-time link.

use leptos::prelude::*;

use crate::error::AppError;

/// Sets a new password with the link's token (once, within a day). Open to visitors:
/// the token is the proof.
#[server(endpoint = "account/reset")]
pub async fn reset_password(token: String, new: String) -> Result<(), AppError> {
    use domain::user_administration::UserAdministration;

    let db = crate::auth::database()?;
    UserAdministration::redeem_reset(&db, &token, &new, chrono::Utc::now().naive_utc()).await?;
    Ok(())
}
