//! The dashboards page's list.

use leptos::prelude::*;

use crate::{error::AppError, models::dashboard::DashboardList};

/// Every dashboard, the shipped ones first, with who changed each last. Staff only.
#[server(endpoint = "dashboards/list")]
pub async fn list_dashboards() -> Result<DashboardList, AppError> {
    use domain::dashboards::Dashboards;

    use crate::{
        i18n::dashboard_changed, models::account::Role, models::dashboard::DashboardSummary,
        server_fns::stored_time,
    };

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let dashboards = Dashboards::list(&db)
        .await?
        .into_iter()
        .map(|d| DashboardSummary {
            id: d.id.0,
            changed: d.updated_at.map(|at| {
                dashboard_changed(
                    locale,
                    d.updated_by.as_deref().unwrap_or_default(),
                    &stored_time(locale, at),
                )
            }),
            name: d.name,
            shipped: d.shipped_key.is_some(),
            widget_count: d.widgets.len(),
        })
        .collect();
    Ok(DashboardList {
        dashboards,
        can_restore: user.role == Role::Admin,
    })
}
