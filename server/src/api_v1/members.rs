//! `POST /api/v1/facts/members`: a batch of members upserted by member number (a CRM's
//! member records), checked whole: any problem refuses the batch with every problem by
//! item and field, and nothing is written; a clean batch is written in one transaction
//! and recorded in the import history. Sending the same batch again changes nothing.

use axum::{Json, extract::State};
use domain::{fact_import::FactBatch, member_sync::MemberRecord, sea_orm::DatabaseConnection};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// The route.
const PATH: &str = "/api/v1/facts/members";

/// A batch of members.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MemberBatch {
    /// The members, at most 10,000.
    pub items: Vec<ApiMember>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// A member as the CRM keeps them.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiMember {
    /// The CRM's member number (at most 32 characters): the natural key.
    pub member_number: String,
    /// First name (at most 80 characters).
    pub first_name: String,
    /// Last name (at most 80 characters).
    pub last_name: String,
    /// E-mail address (at most 160 characters).
    pub email: String,
    /// Company (at most 160 characters); empty when left out.
    pub company: Option<String>,
}

/// Upserts members.
#[utoipa::path(
    post,
    path = "/api/v1/facts/members",
    tag = "facts",
    request_body = MemberBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_members(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<MemberBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| MemberRecord {
            member_number: item.member_number,
            first_name: item.first_name,
            last_name: item.last_name,
            email: item.email,
            company: item.company,
        })
        .collect();
    push(
        &db,
        &client,
        PATH,
        "member",
        FactBatch::Members(records),
        batch.dry_run,
    )
    .await
}
