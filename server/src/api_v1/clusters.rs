//! `GET /api/v1/clusters`: the organization's clusters with their region and today's
//! member count, by region and name.

use axum::{Json, extract::State};
use domain::{organization::OrganizationQuery, sea_orm::DatabaseConnection};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    caller::ApiReader,
    page::{ApiQuery, Window, slice, window},
    problem::{ApiError, ProblemBody},
};

/// The filters of the cluster list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClusterQuery {
    /// Only the clusters of this region (its id).
    pub region: Option<i32>,
    /// Rows to skip (default 0).
    pub offset: Option<u64>,
    /// Rows per page (default 100, at most 1000).
    pub limit: Option<u64>,
}

/// A cluster.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiCluster {
    /// The cluster's id (the `scope_id` of its KPI values).
    pub id: i32,
    /// Its stable code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The city it meets in.
    pub city: String,
    /// The day it was founded (ISO 8601).
    #[schema(value_type = String, format = Date)]
    pub founded_on: chrono::NaiveDate,
    /// Its region.
    pub region: ApiRegion,
    /// Members whose membership covers today.
    pub members: i64,
}

/// A region, as a cluster names it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiRegion {
    /// The region's id.
    pub id: i32,
    /// Its stable code.
    pub code: String,
    /// Its name.
    pub name: String,
}

/// A page of clusters.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClusterPage {
    /// The clusters on this page.
    pub items: Vec<ApiCluster>,
    /// Which rows they are.
    pub page: Window,
}

/// Lists clusters.
#[utoipa::path(
    get,
    path = "/api/v1/clusters",
    tag = "organization",
    params(ClusterQuery),
    responses(
        (status = 200, description = "A page of clusters", body = ClusterPage),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 422, description = "A filter is refused", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn list_clusters(
    _caller: ApiReader,
    State(db): State<DatabaseConnection>,
    ApiQuery(query): ApiQuery<ClusterQuery>,
) -> Result<Json<ClusterPage>, ApiError> {
    let (offset, limit) = window(query.offset, query.limit)?;
    let today = chrono::Local::now().date_naive();
    let clusters: Vec<ApiCluster> = OrganizationQuery::clusters_on(&db, today)
        .await?
        .into_iter()
        .filter(|c| query.region.is_none_or(|region| c.region_id == region))
        .map(|c| ApiCluster {
            id: c.cluster_id,
            code: c.code,
            name: c.name,
            city: c.city,
            founded_on: c.founded_on,
            region: ApiRegion {
                id: c.region_id,
                code: c.region_code,
                name: c.region_name,
            },
            members: c.member_count,
        })
        .collect();
    let (items, page) = slice(clusters, offset, limit);
    Ok(Json(ClusterPage { items, page }))
}
