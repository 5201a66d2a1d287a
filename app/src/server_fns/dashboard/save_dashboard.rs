//! Saving a dashboard from the editor.

use leptos::prelude::*;

use crate::{error::AppError, models::dashboard::WidgetConfig};

/// Renames dashboard `id` and replaces its widgets with `widgets`, in order; nothing
/// changes when a name or widget is refused, and every problem is named. Staff only.
#[server(endpoint = "dashboards/save")]
pub async fn save_dashboard(
    id: i32,
    name: String,
    #[server(default)] widgets: Vec<WidgetConfig>,
) -> Result<(), AppError> {
    use domain::dashboards::{DashboardId, Dashboards};

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let mut stored = Vec::with_capacity(widgets.len());
    let mut problems = Vec::new();
    for (index, widget) in widgets.into_iter().enumerate() {
        match super::stored_widget(index, widget) {
            Ok(widget) => stored.push(widget),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(AppError::Refused(problems).respond());
    }
    Dashboards::save(
        &db,
        DashboardId(id),
        &name,
        stored,
        &user.email,
        super::now(),
    )
    .await?
    .ok_or_else(|| AppError::NotFound.respond())?;
    Ok(())
}
