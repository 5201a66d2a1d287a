//! `POST /api/v1/facts/board-terms`: a batch of members' terms on board seats upserted by
//! seat and first day, checked whole (every problem by item and field, no two terms of a
//! seat overlapping, nothing written on any), written in one transaction, recorded in the
//! import history; the board KPIs of the clusters, members and days it touches are
//! recomputed before the answer.

use axum::{Json, extract::State};
use domain::{
    board_term_sync::BoardTermRecord, fact_import::FactBatch, sea_orm::DatabaseConnection,
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
const PATH: &str = "/api/v1/facts/board-terms";

/// A batch of board terms.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BoardTermBatch {
    /// The terms, at most 10,000.
    pub items: Vec<ApiBoardTerm>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member's term on a board seat.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiBoardTerm {
    /// The code of the cluster whose board has the seat.
    pub cluster_code: String,
    /// The seat's title (push the seats first).
    pub seat: String,
    /// The holder's member number; a member of the cluster at some time.
    pub member_number: String,
    /// The term's first day (`2025-01-01`), at most a year ahead; with the seat, the
    /// natural key.
    pub start_date: String,
    /// Its last day; running when left out.
    pub end_date: Option<String>,
    /// The member named to succeed the holder, if one is.
    pub successor_number: Option<String>,
    /// The day the successor was named, not after today; required with a successor.
    pub successor_named_on: Option<String>,
}

/// Upserts board terms.
#[utoipa::path(
    post,
    path = "/api/v1/facts/board-terms",
    tag = "facts",
    request_body = BoardTermBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_board_terms(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<BoardTermBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| BoardTermRecord {
            cluster_code: item.cluster_code,
            seat: item.seat,
            member_number: item.member_number,
            start_date: item.start_date,
            end_date: item.end_date,
            successor_number: item.successor_number,
            successor_named_on: item.successor_named_on,
        })
        .collect();
    push(
        &db,
        &client,
        PATH,
        "term",
        FactBatch::BoardTerms(records),
        batch.dry_run,
    )
    .await
}
