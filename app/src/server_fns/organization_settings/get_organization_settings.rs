//! Reading the organization-wide settings.

use leptos::prelude::*;

use crate::{error::AppError, models::organization_settings::OrganizationSettings};

/// The settings an admin keeps: the limits on optional metrics. Admins only.
#[server(endpoint = "settings/get")]
pub async fn get_organization_settings() -> Result<OrganizationSettings, AppError> {
    use domain::metric_targets::MetricTargets;

    use crate::models::organization_settings::SelectionLimitsForm;

    crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let limits = MetricTargets::limits(&db).await?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(OrganizationSettings {
        limits: SelectionLimitsForm {
            min: count(limits.min),
            max: count(limits.max),
        },
        optional_metrics: count(limits.optional),
    })
}
