//! `POST /api/v1/facts/self-reports`: a batch of members' self-reports (activity, event
//! participation, volunteer hours) upserted by member, month and kind, checked whole (every
//! problem by item and field, nothing written on any), written in one transaction, recorded
//! in the import history; the KPIs of the members, clusters and days it touches are
//! recomputed before the answer.

use axum::{Json, extract::State};
use domain::{
    fact_import::FactBatch, sea_orm::DatabaseConnection, self_report_sync::SelfReportRecord,
};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    batch::{PushOutcome, push},
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ProblemBody},
};

/// A batch of self-reports.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SelfReportBatch {
    /// The reports, at most 10,000.
    pub items: Vec<ApiSelfReport>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member's self-report for a month.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiSelfReport {
    /// The reporting member's number.
    pub member_number: String,
    /// The code of the cluster it counts for; the member once of it.
    pub cluster_code: String,
    /// The month reported on (`2025-03`), begun by today.
    pub report_month: String,
    /// `activity`, `event_participation` or `volunteer_hours`; with the member and month,
    /// the natural key.
    pub kind: String,
    /// The day it was due (`2025-04-10`).
    pub due_on: String,
    /// `expected`, `submitted`, `verified` or `rejected`.
    pub status: String,
    /// The day it came in, not after today; required unless it is still expected.
    pub submitted_on: Option<String>,
    /// Hours reported, 0 to 744 (default 0).
    #[serde(default)]
    pub hours: f64,
    /// What the member did (at most 2,000 characters).
    pub description: Option<String>,
    /// Who verified or rejected it.
    pub verifier: Option<String>,
    /// The day it was verified or rejected, not after today.
    pub verified_on: Option<String>,
    /// Why it was rejected.
    pub rejection_reason: Option<String>,
}

/// Upserts self-reports.
#[utoipa::path(
    post,
    path = "/api/v1/facts/self-reports",
    tag = "facts",
    request_body = SelfReportBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_self_reports(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<SelfReportBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| SelfReportRecord {
            member_number: item.member_number,
            cluster_code: item.cluster_code,
            report_month: item.report_month,
            kind: item.kind,
            due_on: item.due_on,
            status: item.status,
            submitted_on: item.submitted_on,
            hours: Some(item.hours.to_string()),
            description: item.description,
            verifier: item.verifier,
            verified_on: item.verified_on,
            rejection_reason: item.rejection_reason,
        })
        .collect();
    push(
        &db,
        &client,
        "/api/v1/facts/self-reports",
        "report",
        FactBatch::SelfReports(records),
        batch.dry_run,
    )
    .await
}
