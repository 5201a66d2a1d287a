//! The metric catalogue.

use leptos::prelude::*;

use crate::{error::AppError, models::metric::MetricSummary};

/// Every metric, retired ones included, in catalogue order. Staff only.
#[server(endpoint = "metrics/list")]
pub async fn list_metrics() -> Result<Vec<MetricSummary>, AppError> {
    use domain::metric_catalogue::MetricCatalogue;

    crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    Ok(MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .map(|m| MetricSummary {
            key: m.key,
            name: m.row.name,
            description: m.row.description,
            group: m.row.group_key,
            unit: m.row.unit,
            obligatory: m.row.obligatory,
            owner: m.row.owner,
            version: m.row.version,
            retired_on: m.row.retired_on,
            lower_is_better: m.row.lower_is_better,
            green: m.row.green,
            amber: m.row.amber,
        })
        .collect())
}
