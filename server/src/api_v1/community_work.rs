//! `POST /api/v1/facts/service-projects` and `POST /api/v1/facts/partnerships`: batches of
//! clusters' community work upserted by natural key (a project by cluster and name, a
//! partnership by cluster, partner and first day), checked whole (every problem by item and
//! field, nothing written on any), written in one transaction, recorded in the import
//! history; the KPIs of the clusters and days they touch are recomputed before the answer.

use axum::{Json, extract::State};
use domain::{fact_import::FactBatch, sea_orm::DatabaseConnection, span_sync::SpanRecord};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of service projects.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ServiceProjectBatch {
    /// The projects, at most 10,000.
    pub items: Vec<ApiServiceProject>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One community service project of a cluster.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiServiceProject {
    /// The code of the cluster running it.
    pub cluster_code: String,
    /// The project's name (at most 160 characters); with the cluster, the natural key.
    pub name: String,
    /// Its first day (`2025-03-01`), not after today.
    pub started_on: String,
    /// The day it was completed, not after today; ongoing when left out.
    pub completed_on: Option<String>,
}

/// A batch of partnerships.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PartnershipBatch {
    /// The partnerships, at most 10,000.
    pub items: Vec<ApiPartnership>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One partnership of a cluster with an outside organization.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiPartnership {
    /// The code of the cluster.
    pub cluster_code: String,
    /// The partner's name (at most 160 characters).
    pub partner_name: String,
    /// Its first day (`2025-03-01`), not after today; with the cluster and partner, the
    /// natural key.
    pub start_date: String,
    /// Its last day, at most five years ahead; running when left out.
    pub end_date: Option<String>,
}

/// Upserts service projects.
#[utoipa::path(
    post,
    path = "/api/v1/facts/service-projects",
    tag = "facts",
    request_body = ServiceProjectBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_service_projects(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<ServiceProjectBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| SpanRecord {
            cluster_code: item.cluster_code,
            name: item.name,
            started_on: item.started_on,
            ended_on: item.completed_on,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/service-projects",
        "project",
        FactBatch::ServiceProjects(records),
        batch.dry_run,
    )
    .await
}

/// Upserts partnerships.
#[utoipa::path(
    post,
    path = "/api/v1/facts/partnerships",
    tag = "facts",
    request_body = PartnershipBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_partnerships(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<PartnershipBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| SpanRecord {
            cluster_code: item.cluster_code,
            name: item.partner_name,
            started_on: item.start_date,
            ended_on: item.end_date,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/partnerships",
        "partnership",
        FactBatch::Partnerships(records),
        batch.dry_run,
    )
    .await
}
