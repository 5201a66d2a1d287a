//! `GET /api/v1/metrics`: the metric catalogue, in catalogue order.

use axum::{Json, extract::State};
use domain::{metric_catalogue::MetricCatalogue, sea_orm::DatabaseConnection};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    caller::ApiReader,
    page::{ApiQuery, Window, slice, window},
    problem::{ApiError, ProblemBody},
};

/// The filters of the metric list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MetricQuery {
    /// Only metrics of this group (business, engagement, community…).
    pub group: Option<String>,
    /// Include retired metrics (default: no).
    pub retired: Option<bool>,
    /// Rows to skip (default 0).
    pub offset: Option<u64>,
    /// Rows per page (default 100, at most 1000).
    pub limit: Option<u64>,
}

/// A metric of the catalogue.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiMetric {
    /// Its stable key (the `metric` of its KPI values).
    pub key: String,
    /// Its name.
    pub name: String,
    /// What it measures.
    pub description: String,
    /// Its group.
    pub group: String,
    /// Its unit (ratio, count, hours, money…).
    pub unit: String,
    /// higher_is_better or lower_is_better.
    pub direction: String,
    /// The default threshold for green.
    pub green: f64,
    /// The default threshold for amber.
    pub amber: f64,
    /// Every cluster is measured on it (else a cluster selects it).
    pub obligatory: bool,
    /// Computed for fiscal years only.
    pub yearly_only: bool,
    /// The day it was retired, if it was (ISO 8601).
    #[schema(value_type = Option<String>, format = Date)]
    pub retired_on: Option<chrono::NaiveDate>,
}

/// A page of metrics.
#[derive(Debug, Serialize, ToSchema)]
pub struct MetricPage {
    /// The metrics on this page.
    pub items: Vec<ApiMetric>,
    /// Which rows they are.
    pub page: Window,
}

/// Lists the metric catalogue.
#[utoipa::path(
    get,
    path = "/api/v1/metrics",
    tag = "metrics",
    params(MetricQuery),
    responses(
        (status = 200, description = "A page of metrics", body = MetricPage),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 422, description = "A filter is refused", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn list_metrics(
    _caller: ApiReader,
    State(db): State<DatabaseConnection>,
    ApiQuery(query): ApiQuery<MetricQuery>,
) -> Result<Json<MetricPage>, ApiError> {
    let (offset, limit) = window(query.offset, query.limit)?;
    let retired = query.retired.unwrap_or(false);
    let metrics: Vec<ApiMetric> = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .filter(|m| retired || m.row.retired_on.is_none())
        .filter(|m| query.group.as_deref().is_none_or(|g| m.row.group_key == g))
        .map(|m| ApiMetric {
            key: m.key.to_string(),
            name: m.row.name,
            description: m.row.description,
            group: m.row.group_key,
            unit: m.row.unit,
            direction: if m.row.lower_is_better {
                "lower_is_better"
            } else {
                "higher_is_better"
            }
            .to_owned(),
            green: m.row.green,
            amber: m.row.amber,
            obligatory: m.row.obligatory,
            yearly_only: m.row.yearly_only,
            retired_on: m.row.retired_on,
        })
        .collect();
    let (items, page) = slice(metrics, offset, limit);
    Ok(Json(MetricPage { items, page }))
}
