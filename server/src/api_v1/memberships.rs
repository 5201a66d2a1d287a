//! `POST /api/v1/facts/memberships`: a batch of membership terms upserted by member and
//! start day, credited to clusters by code, checked whole (every problem by item and
//! field, nothing written on any), written in one transaction, recorded in the import
//! history; the KPIs of the clusters and days it touches are recomputed before the answer.

use axum::{Json, extract::State};
use domain::{
    fact_import::FactBatch, membership_sync::MembershipRecord, sea_orm::DatabaseConnection,
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
const PATH: &str = "/api/v1/facts/memberships";

/// A batch of memberships.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MembershipBatch {
    /// The memberships, at most 10,000.
    pub items: Vec<ApiMembership>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One membership term of a member in a cluster.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiMembership {
    /// The member's number (push the member first).
    pub member_number: String,
    /// The cluster's code.
    pub cluster_code: String,
    /// The first day (`2025-07-01`); with the member, the natural key.
    pub start_date: String,
    /// The last day, when the term has ended or will end; it may not overlap another of
    /// the member's terms.
    pub end_date: Option<String>,
    /// When the term comes up for renewal.
    pub renewal_due_on: Option<String>,
    /// renewed, lapsed or pending.
    pub renewal_outcome: Option<String>,
}

/// Upserts memberships.
#[utoipa::path(
    post,
    path = "/api/v1/facts/memberships",
    tag = "facts",
    request_body = MembershipBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_memberships(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<MembershipBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| MembershipRecord {
            member_number: item.member_number,
            cluster_code: item.cluster_code,
            start_date: item.start_date,
            end_date: item.end_date,
            renewal_due_on: item.renewal_due_on,
            renewal_outcome: item.renewal_outcome,
        })
        .collect();
    push(
        &db,
        &client,
        PATH,
        "membership",
        FactBatch::Memberships(records),
        batch.dry_run,
    )
    .await
}
