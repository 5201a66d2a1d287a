//! `POST /api/v1/facts/trainings`: a batch of courses members completed, each by member,
//! course and day, checked whole (every problem by item and field, nothing written on any),
//! written in one transaction and recorded in the import history; the leadership-training
//! KPI of the members' clusters is recomputed before the answer.

use axum::{Json, extract::State};
use domain::{fact_import::FactBatch, sea_orm::DatabaseConnection, training_sync::TrainingRecord};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of trainings.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TrainingBatch {
    /// The trainings, at most 10,000.
    pub items: Vec<ApiTraining>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// A course a member completed.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiTraining {
    /// The member's number.
    pub member_number: String,
    /// The course's name (at most 120 characters).
    pub course: String,
    /// The day it was completed (`2025-01-01`), not after today; with the member and course, the natural key.
    pub completed_on: String,
}

/// Upserts trainings.
#[utoipa::path(
    post,
    path = "/api/v1/facts/trainings",
    tag = "facts",
    request_body = TrainingBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_trainings(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<TrainingBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| TrainingRecord {
            member_number: item.member_number,
            course: item.course,
            completed_on: item.completed_on,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/trainings",
        "training",
        FactBatch::Trainings(records),
        batch.dry_run,
    )
    .await
}
