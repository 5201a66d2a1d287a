//! `GET /api/v1/kpi-values`: stored KPI values with their numerator, denominator,
//! validation status and signal, filtered like the staff screens and paged.

use axum::{Json, extract::State};
use domain::{
    kpi_engine::KpiEngine,
    kpi_values::{KpiFilter, KpiValues},
    sea_orm::DatabaseConnection,
};
use kpi::{ClusterId, Grain, MetricKey, Period, RegionId, ScopeKind};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    caller::ApiReader,
    page::{ApiQuery, Window, window},
    problem::{ApiError, ProblemBody},
};

/// The statuses a value can have.
const STATUSES: &[&str] = &[
    "computed",
    "validated",
    "rejected",
    "overridden",
    "stale",
    "not_applicable",
];

/// The filters of the value list; every one is optional.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KpiValueQuery {
    /// One period: a fiscal year (2025), quarter (2025-Q3) or month (2025-07).
    pub period: Option<String>,
    /// Periods of one grain: month, quarter or year.
    pub grain: Option<String>,
    /// One level of scope: cluster, region or organization.
    pub scope: Option<String>,
    /// One metric, by key.
    pub metric: Option<String>,
    /// The clusters of one region and the region itself (its id).
    pub region: Option<i32>,
    /// One cluster (its id).
    pub cluster: Option<i32>,
    /// One status: computed, validated, rejected, overridden, stale or not_applicable.
    pub status: Option<String>,
    /// Rows to skip (default 0).
    pub offset: Option<u64>,
    /// Rows per page (default 100, at most 1000).
    pub limit: Option<u64>,
}

/// A stored KPI value.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKpiValue {
    /// The metric's key.
    pub metric: String,
    /// The period's key.
    pub period: String,
    /// month, quarter or year.
    pub grain: String,
    /// cluster, region or organization.
    pub scope: String,
    /// The cluster's or region's id (0 for the organization).
    pub scope_id: i32,
    /// The computed value; null when there is no data (nothing to divide by, say).
    pub value: Option<f64>,
    /// What was counted or divided.
    pub numerator: Option<f64>,
    /// What it was divided by.
    pub denominator: Option<f64>,
    /// computed, validated, rejected, overridden, stale or not_applicable.
    pub status: String,
    /// The number staff decided on (validated or overridden), if any.
    pub decided_value: Option<f64>,
    /// green, amber or red against the cluster's target or the metric's thresholds;
    /// null when there is no value to judge.
    pub signal: Option<String>,
}

/// A page of KPI values.
#[derive(Debug, Serialize, ToSchema)]
pub struct KpiValuePage {
    /// The values on this page, by metric, period and scope.
    pub items: Vec<ApiKpiValue>,
    /// Which rows they are.
    pub page: Window,
}

/// Lists KPI values.
#[utoipa::path(
    get,
    path = "/api/v1/kpi-values",
    tag = "kpis",
    params(KpiValueQuery),
    responses(
        (status = 200, description = "A page of KPI values", body = KpiValuePage),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 422, description = "A filter is refused (an unknown metric, a period that is not a key…)", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn list_kpi_values(
    _caller: ApiReader,
    State(db): State<DatabaseConnection>,
    ApiQuery(query): ApiQuery<KpiValueQuery>,
) -> Result<Json<KpiValuePage>, ApiError> {
    let (offset, limit) = window(query.offset, query.limit)?;
    let filter = filter(&db, &query).await?;
    let (rows, total) = KpiValues::page(&db, &filter, offset, limit).await?;
    let items = rows
        .into_iter()
        .map(|row| ApiKpiValue {
            metric: row.metric,
            period: row.period,
            grain: row.grain,
            scope: row.scope_kind,
            scope_id: row.scope_id,
            value: row.value,
            numerator: row.numerator,
            denominator: row.denominator,
            status: row.status,
            decided_value: row.decided_value,
            signal: row.signal.map(|s| s.as_str().to_owned()),
        })
        .collect();
    Ok(Json(KpiValuePage {
        items,
        page: Window {
            offset,
            limit,
            total,
        },
    }))
}

/// The query's filters, each checked.
async fn filter(db: &DatabaseConnection, query: &KpiValueQuery) -> Result<KpiFilter, ApiError> {
    let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
    let period = query
        .period
        .as_deref()
        .map(|key| {
            Period::parse(key.trim(), fiscal_start).map_err(|_| {
                ApiError::field(
                    "period",
                    format!("{key:?} is not a period: write 2025, 2025-Q3 or 2025-07"),
                )
            })
        })
        .transpose()?;
    let grain = match query.grain.as_deref() {
        None => None,
        Some(name) => Some(
            Grain::ALL
                .into_iter()
                .find(|g| g.as_str() == name)
                .ok_or_else(|| {
                    ApiError::field("grain", format!("{name:?}: write month, quarter or year"))
                })?,
        ),
    };
    let scope_kind = match query.scope.as_deref() {
        None => None,
        Some(name) => Some(
            [
                ScopeKind::Cluster,
                ScopeKind::Region,
                ScopeKind::Organization,
            ]
            .into_iter()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| {
                ApiError::field(
                    "scope",
                    format!("{name:?}: write cluster, region or organization"),
                )
            })?,
        ),
    };
    let metric = query
        .metric
        .as_deref()
        .map(|key| {
            MetricKey::parse(key)
                .map_err(|_| ApiError::field("metric", format!("{key:?} is not a metric key")))
        })
        .transpose()?;
    let statuses = match query.status.as_deref() {
        None => Vec::new(),
        Some(status) if STATUSES.contains(&status) => vec![status.to_owned()],
        Some(status) => {
            return Err(ApiError::field(
                "status",
                format!("{status:?}: write one of {}", STATUSES.join(", ")),
            ));
        }
    };
    Ok(KpiFilter {
        period,
        periods: Vec::new(),
        scope_kind,
        metric,
        region: query.region.map(RegionId),
        cluster: query.cluster.map(ClusterId),
        clusters: Vec::new(),
        group: None,
        statuses,
        grain,
    })
}
