//! Copying a dashboard.

use leptos::prelude::*;

use crate::error::AppError;

/// A copy of dashboard `id` ("… (copy)") to change without touching the original; the
/// copy's id. Staff only.
#[server(endpoint = "dashboards/copy")]
pub async fn copy_dashboard(id: i32) -> Result<i32, AppError> {
    use domain::dashboards::{DashboardId, Dashboards};

    use crate::i18n::copy_name;

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let original = Dashboards::get(&db, DashboardId(id))
        .await?
        .ok_or_else(|| AppError::NotFound.respond())?;
    let name: String = copy_name(locale, &original.name)
        .chars()
        .take(domain::dashboards::NAME_MAX)
        .collect();
    let copy = Dashboards::copy(&db, original.id, &name, &user.email, super::now())
        .await?
        .ok_or_else(|| AppError::NotFound.respond())?;
    Ok(copy.id.0)
}
