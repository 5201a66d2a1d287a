//! Deactivating or reactivating a user.

use leptos::prelude::*;

use crate::error::AppError;

/// Deactivates `user` (their sessions end at once) or reactivates them. Admins only; the
/// last active admin cannot be deactivated.
#[server(endpoint = "users/active")]
pub async fn set_user_active(user: i32, active: bool) -> Result<(), AppError> {
    use domain::user_administration::UserAdministration;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let actor = format!("{} <{}>", admin.display_name, admin.email);
    UserAdministration::set_active(&db, &actor, user, active, chrono::Utc::now().naive_utc())
        .await?;
    Ok(())
}
