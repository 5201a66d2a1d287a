//! `POST /api/v1/facts/forum-members`: a batch of forum members and moderators upserted by
//! forum, member, role and first day, checked whole (every problem by item and field,
//! nothing written on any), written in one transaction, recorded in the import history;
//! the forum KPIs of the clusters, members and days it touches are recomputed before the
//! answer.

use axum::{Json, extract::State};
use domain::{
    fact_import::FactBatch, forum_member_sync::ForumMemberRecord, sea_orm::DatabaseConnection,
};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of forum seats.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ForumMemberBatch {
    /// The seats, at most 10,000.
    pub items: Vec<ApiForumMember>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member's seat in a forum, as member or moderator.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiForumMember {
    /// The code of the forum's cluster.
    pub cluster_code: String,
    /// The forum's name (push the forums first).
    pub forum: String,
    /// The member's number; a member of the cluster at some time.
    pub member_number: String,
    /// `member` or `moderator`.
    pub role: String,
    /// The first day in that role (`2025-01-01`), not after today; with the forum, member
    /// and role, the natural key.
    pub start_date: String,
    /// The last day; still in the forum when left out.
    pub end_date: Option<String>,
    /// Whether they were trained for the role (default false).
    #[serde(default)]
    pub trained: bool,
}

/// Upserts forum members and moderators.
#[utoipa::path(
    post,
    path = "/api/v1/facts/forum-members",
    tag = "facts",
    request_body = ForumMemberBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_forum_members(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<ForumMemberBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| ForumMemberRecord {
            cluster_code: item.cluster_code,
            forum: item.forum,
            member_number: item.member_number,
            role: item.role,
            start_date: item.start_date,
            end_date: item.end_date,
            trained: Some(if item.trained { "yes" } else { "no" }.to_owned()),
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/forum-members",
        "seat",
        FactBatch::ForumMembers(records),
        batch.dry_run,
    )
    .await
}
