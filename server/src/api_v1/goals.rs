//! `POST /api/v1/facts/goals`: a batch of clusters' goals upserted by cluster, fiscal year
//! and title (what a CRM keeps of each cluster's yearly plan), checked whole (every problem
//! by item and field, nothing written on any), written in one transaction, recorded in the
//! import history; the goal KPIs of the clusters and years it touches are recomputed before
//! the answer.

use axum::{Json, extract::State};
use domain::{fact_import::FactBatch, goal_sync::GoalRecord, sea_orm::DatabaseConnection};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// The route.
const PATH: &str = "/api/v1/facts/goals";

/// A batch of goals.
#[derive(Debug, Deserialize, ToSchema)]
pub struct GoalBatch {
    /// The goals, at most 10,000.
    pub items: Vec<ApiGoal>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One goal a cluster set for a fiscal year.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiGoal {
    /// The code of the cluster that set it.
    pub cluster_code: String,
    /// The fiscal year it is for, named by the calendar year it starts in (`2025`), at most
    /// the next one.
    pub year: i32,
    /// What the goal is (at most 160 characters); with the cluster and year, the natural
    /// key.
    pub title: String,
    /// The day it was set (`2025-01-20`), not after today.
    pub recorded_on: String,
    /// The year's goal-setting deadline; thirty days into the fiscal year when left out.
    pub deadline: Option<String>,
    /// Whether it was achieved (default false).
    #[serde(default)]
    pub achieved: bool,
}

/// Upserts goals.
#[utoipa::path(
    post,
    path = "/api/v1/facts/goals",
    tag = "facts",
    request_body = GoalBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_goals(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<GoalBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| GoalRecord {
            cluster_code: item.cluster_code,
            year: item.year.to_string(),
            title: item.title,
            recorded_on: item.recorded_on,
            deadline: item.deadline,
            achieved: Some(if item.achieved { "yes" } else { "no" }.to_owned()),
        })
        .collect();
    push(
        &db,
        &client,
        PATH,
        "goal",
        FactBatch::Goals(records),
        batch.dry_run,
    )
    .await
}
