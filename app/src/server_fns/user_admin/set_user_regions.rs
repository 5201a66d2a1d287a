//! Limiting a staff user to regions.

use leptos::prelude::*;

use crate::{error::AppError, models::user_admin::RegionLimit};

/// Limits staff user `user` to the regions of `limit` (none: the whole organization),
/// from their next request. Admins only; refused for other roles and unknown regions.
#[server(endpoint = "users/regions")]
pub async fn set_user_regions(user: i32, limit: RegionLimit) -> Result<(), AppError> {
    use domain::user_administration::UserAdministration;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let actor = format!("{} <{}>", admin.display_name, admin.email);
    UserAdministration::set_regions(
        &db,
        &actor,
        user,
        &limit.regions,
        chrono::Utc::now().naive_utc(),
    )
    .await?;
    Ok(())
}
