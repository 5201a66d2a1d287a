//! `POST /api/v1/facts/events`: a batch of events upserted by reference (an events
//! platform's calendar), checked whole (every problem by item and field, nothing written
//! on any), written in one transaction, recorded in the import history; the KPIs of the
//! hosts and of the clusters whose members attended a changed event are recomputed before
//! the answer. Push events before their invitations and attendances, and a forum's or
//! committee's meetings after the forum or committee.

use axum::{Json, extract::State};
use domain::{event_sync::EventRecord, fact_import::FactBatch, sea_orm::DatabaseConnection};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// The route.
const PATH: &str = "/api/v1/facts/events";

/// A batch of events.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EventBatch {
    /// The events, at most 10,000.
    pub items: Vec<ApiEvent>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One event.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiEvent {
    /// Its reference (at most 40 characters): the natural key.
    pub event_ref: String,
    /// `cluster_event` or `intercluster_program` (with `cluster_code`), `regional_event`
    /// (with `region_code`), `global_event`, `annual_meeting`, `forum_meeting` (with
    /// `cluster_code` and `forum`) or `committee_call` (with `cluster_code` and
    /// `committee`).
    pub kind: String,
    /// Its title (at most 160 characters).
    pub title: String,
    /// When it starts (`2025-03-14T18:00`).
    pub scheduled_start: String,
    /// `planned`, `held` (once started) or `cancelled`; an event with attendances stays
    /// `held`.
    pub status: String,
    /// The hosting cluster's code.
    pub cluster_code: Option<String>,
    /// The region's code, for regional events.
    pub region_code: Option<String>,
    /// The name of the hosting cluster's forum, for forum meetings.
    pub forum: Option<String>,
    /// The name of the hosting cluster's committee, for committee calls.
    pub committee: Option<String>,
}

/// Upserts events.
#[utoipa::path(
    post,
    path = "/api/v1/facts/events",
    tag = "facts",
    request_body = EventBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_events(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<EventBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| EventRecord {
            event_ref: item.event_ref,
            kind: item.kind,
            title: item.title,
            scheduled_start: item.scheduled_start,
            status: item.status,
            cluster_code: item.cluster_code,
            region_code: item.region_code,
            forum: item.forum,
            committee: item.committee,
        })
        .collect();
    push(
        &db,
        &client,
        PATH,
        "event",
        FactBatch::Events(records),
        batch.dry_run,
    )
    .await
}
