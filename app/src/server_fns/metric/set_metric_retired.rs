//! Retiring a metric, or bringing it back.

use leptos::prelude::*;

use crate::error::AppError;

/// Retires `key` from today (no longer computed; its history stays), or restores it.
/// Staff only.
#[server(endpoint = "metrics/retire")]
pub async fn set_metric_retired(key: String, retired: bool) -> Result<(), AppError> {
    use domain::metric_editing::MetricEditing;
    use kpi::MetricKey;

    let user = crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let key = MetricKey::parse(&key)
        .map_err(|e| AppError::Refused(vec![format!("key: {e}")]).respond())?;
    let today = chrono::Local::now().date_naive();
    MetricEditing::set_retired(&db, &key, retired.then_some(today)).await?;
    if !retired {
        domain::kpi_engine::KpiEngine::recompute_metrics(&db, std::slice::from_ref(&key), today)
            .await?;
    }
    tracing::info!(metric = %key, retired, by = %user.email, "metric retirement changed");
    Ok(())
}
