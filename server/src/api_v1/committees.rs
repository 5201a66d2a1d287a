//! `POST /api/v1/facts/committees` and `POST /api/v1/facts/committee-members`: batches of
//! clusters' committees (by cluster and name) and their members (by committee, member and
//! first day), checked whole (every problem by item and field, nothing written on any),
//! written in one transaction and recorded in the import history. No KPI reads them
//! (a committee's calls count), so nothing is recomputed.

use axum::{Json, extract::State};
use domain::{
    committee_member_sync::CommitteeMemberRecord, committee_sync::CommitteeRecord,
    fact_import::FactBatch, sea_orm::DatabaseConnection,
};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of committees.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CommitteeBatch {
    /// The committees, at most 10,000.
    pub items: Vec<ApiCommittee>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One committee of a cluster.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiCommittee {
    /// The code of the cluster it belongs to.
    pub cluster_code: String,
    /// Its name (at most 120 characters); with the cluster, the natural key.
    pub name: String,
}

/// A batch of committee seats.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CommitteeMemberBatch {
    /// The seats, at most 10,000.
    pub items: Vec<ApiCommitteeMember>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member's seat on a committee.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiCommitteeMember {
    /// The code of the committee's cluster.
    pub cluster_code: String,
    /// The committee's name (push the committees first).
    pub committee: String,
    /// The member's number; a member of the cluster at some time.
    pub member_number: String,
    /// The first day on it (`2025-01-01`), not after today; with the committee and member,
    /// the natural key.
    pub start_date: String,
    /// The last day; still on it when left out.
    pub end_date: Option<String>,
}

/// Upserts committees.
#[utoipa::path(
    post,
    path = "/api/v1/facts/committees",
    tag = "facts",
    request_body = CommitteeBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_committees(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<CommitteeBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| CommitteeRecord {
            cluster_code: item.cluster_code,
            name: item.name,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/committees",
        "committee",
        FactBatch::Committees(records),
        batch.dry_run,
    )
    .await
}

/// Upserts committee members.
#[utoipa::path(
    post,
    path = "/api/v1/facts/committee-members",
    tag = "facts",
    request_body = CommitteeMemberBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_committee_members(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<CommitteeMemberBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| CommitteeMemberRecord {
            cluster_code: item.cluster_code,
            committee: item.committee,
            member_number: item.member_number,
            start_date: item.start_date,
            end_date: item.end_date,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/committee-members",
        "seat",
        FactBatch::CommitteeMembers(records),
        batch.dry_run,
    )
    .await
}
