//! Restoring the shipped dashboards.

use leptos::prelude::*;

use crate::error::AppError;

/// Puts every shipped dashboard back as it shipped (changes undone, deleted ones back);
/// dashboards staff built stay. Admins only: it undoes other people's changes.
#[server(endpoint = "dashboards/restore")]
pub async fn restore_dashboards() -> Result<(), AppError> {
    use domain::dashboards::Dashboards;

    crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    Dashboards::restore_shipped(&db).await?;
    Ok(())
}
