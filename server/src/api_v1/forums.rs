//! `POST /api/v1/facts/forums`: a batch of clusters' forums upserted by cluster and name,
//! checked whole (every problem by item and field, nothing written on any), written in one
//! transaction, recorded in the import history; the forum KPIs of the clusters and days it
//! touches are recomputed before the answer.

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

/// A batch of forums.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ForumBatch {
    /// The forums, at most 10,000.
    pub items: Vec<ApiForum>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One forum of a cluster: a small group of members who meet in confidence.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiForum {
    /// The code of the cluster it belongs to.
    pub cluster_code: String,
    /// The forum's name (at most 120 characters); with the cluster, the natural key.
    pub name: String,
    /// The day it was formed (`2025-03-01`), not after today.
    pub formed_on: String,
    /// The day it was dissolved, not after today; active when left out.
    pub dissolved_on: Option<String>,
}

/// Upserts forums.
#[utoipa::path(
    post,
    path = "/api/v1/facts/forums",
    tag = "facts",
    request_body = ForumBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_forums(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<ForumBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| SpanRecord {
            cluster_code: item.cluster_code,
            name: item.name,
            started_on: item.formed_on,
            ended_on: item.dissolved_on,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/forums",
        "forum",
        FactBatch::Forums(records),
        batch.dry_run,
    )
    .await
}
