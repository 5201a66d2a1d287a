//! `POST /api/v1/facts/budgets`: a batch of clusters' yearly budgets, each by cluster and
//! fiscal year, checked whole (every problem by item and field, nothing written on any),
//! written in one transaction and recorded in the import history; the budget KPIs of the
//! clusters' years are recomputed before the answer.

use axum::{Json, extract::State};
use domain::{budget_sync::BudgetRecord, fact_import::FactBatch, sea_orm::DatabaseConnection};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of budgets.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BudgetBatch {
    /// The budgets, at most 10,000.
    pub items: Vec<ApiBudget>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// A cluster's budget for a fiscal year.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiBudget {
    /// The cluster's code.
    pub cluster_code: String,
    /// The fiscal year (`2025`); with the cluster, the natural key.
    pub year: String,
    /// The amount budgeted (`125000.00`, no currency sign).
    pub amount: String,
    /// The day it was due (`2025-01-31`).
    pub deadline: String,
    /// The day it was submitted, not after today; not yet when left out.
    pub submitted_on: Option<String>,
}

/// Upserts budgets.
#[utoipa::path(
    post,
    path = "/api/v1/facts/budgets",
    tag = "facts",
    request_body = BudgetBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_budgets(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<BudgetBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| BudgetRecord {
            cluster_code: item.cluster_code,
            year: item.year,
            amount: item.amount,
            deadline: item.deadline,
            submitted_on: item.submitted_on,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/budgets",
        "budget",
        FactBatch::Budgets(records),
        batch.dry_run,
    )
    .await
}
