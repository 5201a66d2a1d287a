//! `POST /api/v1/facts/award-applications`: a batch of award applications upserted by
//! reference, checked whole (every problem by item and field, nothing written on any),
//! written in one transaction, recorded in the import history; the award KPIs of the
//! clusters, members and days it touches are recomputed before the answer.

use axum::{Json, extract::State};
use domain::{award_sync::AwardRecord, fact_import::FactBatch, sea_orm::DatabaseConnection};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of award applications.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AwardApplicationBatch {
    /// The applications, at most 10,000.
    pub items: Vec<ApiAwardApplication>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One award application by a cluster or one of its members.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiAwardApplication {
    /// The application's reference in your system (at most 40 characters): the natural
    /// key. Applications recorded in MemberPulse have `MP-…` ones, which the export shows.
    pub reference: String,
    /// The code of the cluster applying, or whose member applies.
    pub cluster_code: String,
    /// The award (at most 120 characters).
    pub award: String,
    /// The day it was submitted (`2025-03-14`), at most a year ahead.
    pub submitted_on: String,
    /// The member applying, once a member of the cluster; the cluster itself when left out.
    pub member_number: Option<String>,
    /// `pending`, `won` or `lost` (default pending).
    pub outcome: Option<String>,
}

/// Upserts award applications.
#[utoipa::path(
    post,
    path = "/api/v1/facts/award-applications",
    tag = "facts",
    request_body = AwardApplicationBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_award_applications(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<AwardApplicationBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| AwardRecord {
            reference: item.reference,
            cluster_code: item.cluster_code,
            award: item.award,
            submitted_on: item.submitted_on,
            member_number: item.member_number,
            outcome: item.outcome,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/award-applications",
        "application",
        FactBatch::AwardApplications(records),
        batch.dry_run,
    )
    .await
}
