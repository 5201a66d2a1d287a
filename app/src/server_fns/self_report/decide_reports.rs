//! Staff verify or reject self-reports.

use leptos::prelude::*;

use crate::{error::AppError, models::self_report::ReportDecisionRequest};

/// Verifies or rejects the reports, all or nothing, and updates the KPIs; returns how
/// many changed. Staff only.
#[server(endpoint = "self-reports/decide")]
pub async fn decide_reports(request: ReportDecisionRequest) -> Result<u32, AppError> {
    use domain::self_reporting::{ReportDecision, SelfReporting};

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    // Staff limited to regions decide only their regions' reports.
    if !user.whole_organization() {
        let regions = SelfReporting::regions_of(&db, &request.ids).await?;
        if !regions.into_iter().all(|r| user.covers_region(r)) {
            return Err(AppError::Forbidden.respond());
        }
    }
    let decision = if request.verify {
        ReportDecision::Verify
    } else {
        ReportDecision::Reject {
            reason: request.reason.unwrap_or_default(),
        }
    };
    let actor = format!("{} <{}>", user.display_name, user.email);
    let (changed, recompute) = SelfReporting::decide(
        &db,
        &actor,
        &request.ids,
        &decision,
        chrono::Local::now().date_naive(),
    )
    .await?;
    tracing::info!(
        reports = changed,
        kpi.values = recompute.values,
        duration_ms = recompute.compute_ms + recompute.save_ms,
        "self-reports decided"
    );
    Ok(u32::try_from(changed).unwrap_or(u32::MAX))
}
