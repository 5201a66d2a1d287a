//! `POST /api/v1/facts/referrals`: a batch of prospective members referred from one
//! cluster to another, each by referring cluster, prospect and day, checked whole (every
//! problem by item and field, nothing written on any), written in one transaction and
//! recorded in the import history; the referral KPI is recomputed before the answer.

use axum::{Json, extract::State};
use domain::{fact_import::FactBatch, referral_sync::ReferralRecord, sea_orm::DatabaseConnection};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of referrals.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReferralBatch {
    /// The referrals, at most 10,000.
    pub items: Vec<ApiReferral>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// A prospective member one cluster referred to another.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiReferral {
    /// The referring cluster's code.
    pub from_cluster_code: String,
    /// The prospect's name (at most 160 characters); with the referring cluster and day, the natural key.
    pub prospect_name: String,
    /// The day of the referral (`2025-03-14`), not after today.
    pub referred_on: String,
    /// The code of the cluster referred to.
    pub to_cluster_code: String,
}

/// Upserts referrals.
#[utoipa::path(
    post,
    path = "/api/v1/facts/referrals",
    tag = "facts",
    request_body = ReferralBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_referrals(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<ReferralBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| ReferralRecord {
            from_cluster_code: item.from_cluster_code,
            prospect_name: item.prospect_name,
            referred_on: item.referred_on,
            to_cluster_code: item.to_cluster_code,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/referrals",
        "referral",
        FactBatch::Referrals(records),
        batch.dry_run,
    )
    .await
}
