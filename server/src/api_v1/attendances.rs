//! `POST /api/v1/facts/attendances`: a batch of attendances upserted by their natural
//! key (event reference and member number), checked whole like an import file: any
//! problem refuses the batch with every problem by item and field, and nothing is
//! written; a clean batch is written in one transaction, then the KPIs it moves are
//! recomputed. Sending the same batch again changes nothing.

use axum::{Json, extract::State};
use domain::{
    attendance_import::AttendanceRecord, fact_import::FactBatch, sea_orm::DatabaseConnection,
};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// The route.
const PATH: &str = "/api/v1/facts/attendances";

/// A batch of attendances.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AttendanceBatch {
    /// The attendances, at most 10,000.
    pub items: Vec<ApiAttendance>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member's attendance at one held event.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiAttendance {
    /// The event's reference.
    pub event_ref: String,
    /// The member's number.
    pub member_number: String,
    /// When the member joined (`2025-03-14T18:05`), within an hour before and four hours
    /// after the event's start; a recorded time is kept when this is left out.
    pub joined_at: Option<String>,
}

/// Upserts attendances.
#[utoipa::path(
    post,
    path = "/api/v1/facts/attendances",
    tag = "facts",
    request_body = AttendanceBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_attendances(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<AttendanceBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| AttendanceRecord {
            event_ref: item.event_ref,
            member_number: item.member_number,
            joined_at: item.joined_at,
        })
        .collect();
    push(
        &db,
        &client,
        PATH,
        "attendance",
        FactBatch::Attendances(records),
        batch.dry_run,
    )
    .await
}
