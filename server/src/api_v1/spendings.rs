//! `POST /api/v1/facts/spendings`: a batch of clusters' spendings from an accounting
//! system, each by its reference, checked whole (every problem by item and field, nothing
//! written on any), written in one transaction and recorded in the import history; the
//! budget variance of the clusters is recomputed before the answer.

use axum::{Json, extract::State};
use domain::{fact_import::FactBatch, sea_orm::DatabaseConnection, spending_sync::SpendingRecord};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of spendings.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SpendingBatch {
    /// The spendings, at most 10,000.
    pub items: Vec<ApiSpending>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// Money a cluster spent.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiSpending {
    /// Its reference, the ledger's id (at most 40 characters): the natural key.
    pub reference: String,
    /// The code of the cluster that spent it.
    pub cluster_code: String,
    /// The day it was spent (`2025-03-14`), not after today.
    pub spent_on: String,
    /// How much (`1250.00`, no currency sign).
    pub amount: String,
    /// What for (at most 60 characters).
    pub category: String,
}

/// Upserts spendings.
#[utoipa::path(
    post,
    path = "/api/v1/facts/spendings",
    tag = "facts",
    request_body = SpendingBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_spendings(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<SpendingBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| SpendingRecord {
            reference: item.reference,
            cluster_code: item.cluster_code,
            spent_on: item.spent_on,
            amount: item.amount,
            category: item.category,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/spendings",
        "spending",
        FactBatch::Spendings(records),
        batch.dry_run,
    )
    .await
}
