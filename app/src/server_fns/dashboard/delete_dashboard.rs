//! Deleting a dashboard.

use leptos::prelude::*;

use crate::error::AppError;

/// Deletes dashboard `id` (a shipped one returns when the defaults are restored); one
/// already gone (deleted in another tab) is no error. Staff only.
#[server(endpoint = "dashboards/delete")]
pub async fn delete_dashboard(id: i32) -> Result<(), AppError> {
    use domain::dashboards::{DashboardId, Dashboards};

    crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    Dashboards::delete(&db, DashboardId(id)).await?;
    Ok(())
}
