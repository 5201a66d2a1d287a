//! Inviting a user.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::user_admin::{InviteForm, ResetLink},
};

/// Creates the account and returns the one-time link with which its owner sets a
/// password (no mail server: the admin passes it on). Admins only.
#[server(endpoint = "users/invite")]
pub async fn invite_user(form: InviteForm) -> Result<ResetLink, AppError> {
    use domain::user_administration::UserAdministration;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let assignment = super::change_user_role::ssr::assignment(&db, &form.role).await?;
    let actor = format!("{} <{}>", admin.display_name, admin.email);
    let (user, token) = UserAdministration::invite(
        &db,
        &actor,
        &form.email,
        &form.display_name,
        assignment,
        chrono::Utc::now().naive_utc(),
    )
    .await?;
    Ok(ResetLink {
        email: user.email,
        path: format!("/reset?token={token}"),
    })
}
