//! Issuing a one-time password reset link.

use leptos::prelude::*;

use crate::{error::AppError, models::user_admin::ResetLink};

/// A new one-time link for `user` to set a password, valid for a day; earlier links
/// stop working. Admins only.
#[server(endpoint = "users/reset-link")]
pub async fn issue_reset_link(user: i32) -> Result<ResetLink, AppError> {
    use domain::{
        entity::user as user_entity, sea_orm::EntityTrait, user_administration::UserAdministration,
    };

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let actor = format!("{} <{}>", admin.display_name, admin.email);
    let token =
        UserAdministration::issue_reset(&db, &actor, user, chrono::Utc::now().naive_utc()).await?;
    let email = user_entity::Entity::find_by_id(user)
        .one(&db)
        .await?
        .map(|u| u.email)
        .unwrap_or_default();
    Ok(ResetLink {
        email,
        path: format!("/reset?token={token}"),
    })
}
