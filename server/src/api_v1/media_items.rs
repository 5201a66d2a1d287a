//! `POST /api/v1/facts/media-items`: a batch of media coverage upserted by reference,
//! checked whole (every problem by item and field, nothing written on any), written in one
//! transaction, recorded in the import history; the media KPIs of the clusters and days
//! it touches are recomputed before the answer.

use axum::{Json, extract::State};
use domain::{fact_import::FactBatch, media_sync::MediaRecord, sea_orm::DatabaseConnection};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of media items.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MediaItemBatch {
    /// The items, at most 10,000.
    pub items: Vec<ApiMediaItem>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One media item about a cluster.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiMediaItem {
    /// The item's reference in your system (at most 40 characters): the natural key. Items
    /// recorded in MemberPulse have `MP-…` ones, which the export shows.
    pub reference: String,
    /// The code of the cluster it is about.
    pub cluster_code: String,
    /// The day it was published (`2025-03-14`), not after today.
    pub published_on: String,
    /// Where (at most 120 characters).
    pub outlet: String,
    /// `mention`, `press_release` or `social_post`.
    pub kind: String,
    /// How many people it reached (0 to 1,000,000,000; default 0).
    #[serde(default)]
    pub reach: i64,
    /// Its title (at most 200 characters).
    pub title: String,
}

/// Upserts media items.
#[utoipa::path(
    post,
    path = "/api/v1/facts/media-items",
    tag = "facts",
    request_body = MediaItemBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_media_items(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<MediaItemBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| MediaRecord {
            reference: item.reference,
            cluster_code: item.cluster_code,
            published_on: item.published_on,
            outlet: item.outlet,
            kind: item.kind,
            reach: Some(item.reach.to_string()),
            title: item.title,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/media-items",
        "item",
        FactBatch::MediaItems(records),
        batch.dry_run,
    )
    .await
}
