//! `POST /api/v1/facts/mentorships`: a batch of mentorships (a member of a cluster
//! mentoring another), each by cluster, mentor, mentee and first day, checked whole (every
//! problem by item and field, nothing written on any), written in one transaction and
//! recorded in the import history; the mentorship KPIs of the clusters are recomputed
//! before the answer.

use axum::{Json, extract::State};
use domain::{
    fact_import::FactBatch, mentorship_sync::MentorshipRecord, sea_orm::DatabaseConnection,
};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of mentorships.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MentorshipBatch {
    /// The mentorships, at most 10,000.
    pub items: Vec<ApiMentorship>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member mentoring another in a cluster.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiMentorship {
    /// The cluster's code.
    pub cluster_code: String,
    /// The mentor's member number; a member of the cluster at some time.
    pub mentor_number: String,
    /// The mentee's member number; a member of the cluster at some time.
    pub mentee_number: String,
    /// The first day (`2025-01-01`), not after today; with the cluster, mentor and mentee, the natural key.
    pub start_date: String,
    /// The last day; still going when left out.
    pub end_date: Option<String>,
}

/// Upserts mentorships.
#[utoipa::path(
    post,
    path = "/api/v1/facts/mentorships",
    tag = "facts",
    request_body = MentorshipBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_mentorships(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<MentorshipBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| MentorshipRecord {
            cluster_code: item.cluster_code,
            mentor_number: item.mentor_number,
            mentee_number: item.mentee_number,
            start_date: item.start_date,
            end_date: item.end_date,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/mentorships",
        "mentorship",
        FactBatch::Mentorships(records),
        batch.dry_run,
    )
    .await
}
