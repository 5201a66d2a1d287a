//! Setting the limits on optional metrics.

use leptos::prelude::*;

use crate::{error::AppError, models::organization_settings::SelectionLimitsForm};

/// Sets how many optional metrics a cluster selects per year (every plan saved from now
/// on is held to them). Admins only; a minimum above the maximum, or a maximum above the
/// optional metrics there are, is refused.
#[server(endpoint = "settings/selection-limits")]
pub async fn save_selection_limits(limits: SelectionLimitsForm) -> Result<(), AppError> {
    use domain::metric_targets::MetricTargets;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let actor = format!("{} <{}>", admin.display_name, admin.email);
    MetricTargets::set_limits(
        &db,
        &actor,
        limits.min as usize,
        limits.max as usize,
        chrono::Utc::now().naive_utc(),
    )
    .await?;
    Ok(())
}
