//! Creating a dashboard.

use leptos::prelude::*;

use crate::error::AppError;

/// A new, empty dashboard named `name`; its id, to open it in the editor. Staff only.
#[server(endpoint = "dashboards/create")]
pub async fn create_dashboard(name: String) -> Result<i32, AppError> {
    use domain::dashboards::Dashboards;

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let made = Dashboards::create(&db, &name, Vec::new(), &user.email, super::now()).await?;
    Ok(made.id.0)
}
