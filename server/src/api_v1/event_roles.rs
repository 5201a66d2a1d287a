//! `POST /api/v1/facts/event-invitations` and `POST /api/v1/facts/speakers`: batches of
//! members invited to events (forum meetings and committee calls count attendance against
//! them) and of members who spoke at events, each by the event's reference and the
//! member's number, checked whole (every problem by item and field, nothing written on
//! any), written in one transaction and recorded in the import history; the KPIs of the
//! events' hosts and of the members' clusters are recomputed before the answer. Push the
//! events first.

use axum::{Json, extract::State};
use domain::{
    event_role_sync::EventRoleRecord, fact_import::FactBatch, sea_orm::DatabaseConnection,
};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of invitations.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InvitationBatch {
    /// The invitations, at most 10,000.
    pub items: Vec<ApiInvitation>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member invited to one event.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiInvitation {
    /// The event's reference (push the events first).
    pub event_ref: String,
    /// The member's number; with the event, the natural key.
    pub member_number: String,
}

/// A batch of talks.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SpeakerBatch {
    /// The talks, at most 10,000.
    pub items: Vec<ApiSpeaker>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member who spoke at one event.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiSpeaker {
    /// The event's reference (push the events first).
    pub event_ref: String,
    /// The member's number; with the event, the natural key.
    pub member_number: String,
    /// What they spoke about (at most 160 characters).
    pub topic: String,
}

/// Upserts invitations.
#[utoipa::path(
    post,
    path = "/api/v1/facts/event-invitations",
    tag = "facts",
    request_body = InvitationBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_event_invitations(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<InvitationBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| EventRoleRecord {
            event_ref: item.event_ref,
            member_number: item.member_number,
            topic: None,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/event-invitations",
        "invitation",
        FactBatch::EventInvitations(records),
        batch.dry_run,
    )
    .await
}

/// Upserts speakers.
#[utoipa::path(
    post,
    path = "/api/v1/facts/speakers",
    tag = "facts",
    request_body = SpeakerBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_speakers(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<SpeakerBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| EventRoleRecord {
            event_ref: item.event_ref,
            member_number: item.member_number,
            topic: Some(item.topic),
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/speakers",
        "talk",
        FactBatch::Speakers(records),
        batch.dry_run,
    )
    .await
}
