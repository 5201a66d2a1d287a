//! Closing a period, or restating a closed one with a reason.

use leptos::prelude::*;

use crate::error::AppError;

/// Closes `period` (every cluster value must be decided) or, with `restate`, reopens a
/// closed period for changes, with `reason` in the audit log. Staff only.
#[server(endpoint = "validation/close-period")]
pub async fn close_period(
    period: String,
    restate: bool,
    reason: Option<String>,
) -> Result<(), AppError> {
    use domain::{kpi_engine::KpiEngine, kpi_validation::KpiValidation};
    use kpi::Period;

    let user = crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let fiscal_start = KpiEngine::fiscal_year_start(&db).await?;
    let period = Period::parse(&period, fiscal_start)
        .map_err(|e| AppError::Refused(vec![format!("period: {e}")]).respond())?;
    let actor = format!("{} <{}>", user.display_name, user.email);
    if restate {
        KpiValidation::restate_period(&db, &actor, &period, reason.as_deref().unwrap_or(""))
            .await?;
    } else {
        KpiValidation::close_period(&db, &actor, &period).await?;
    }
    Ok(())
}
