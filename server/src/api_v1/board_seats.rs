//! `POST /api/v1/facts/board-seats`: a batch of clusters' board seats upserted by cluster
//! and title, checked whole (every problem by item and field, one leading seat per board,
//! nothing written on any), written in one transaction, recorded in the import history;
//! the board KPIs of the clusters it touches are recomputed before the answer.

use axum::{Json, extract::State};
use domain::{
    board_seat_sync::BoardSeatRecord, fact_import::FactBatch, sea_orm::DatabaseConnection,
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
const PATH: &str = "/api/v1/facts/board-seats";

/// A batch of board seats.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BoardSeatBatch {
    /// The seats, at most 10,000.
    pub items: Vec<ApiBoardSeat>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One seat on a cluster's board.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiBoardSeat {
    /// The code of the cluster whose board has the seat.
    pub cluster_code: String,
    /// The seat's title (at most 80 characters); with the cluster, the natural key.
    pub title: String,
    /// Whether its holder leads the cluster; one seat per board does (default false).
    #[serde(default)]
    pub is_leader: bool,
}

/// Upserts board seats.
#[utoipa::path(
    post,
    path = "/api/v1/facts/board-seats",
    tag = "facts",
    request_body = BoardSeatBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_board_seats(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<BoardSeatBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let records = batch
        .items
        .into_iter()
        .map(|item| BoardSeatRecord {
            cluster_code: item.cluster_code,
            title: item.title,
            is_leader: Some(if item.is_leader { "yes" } else { "no" }.to_owned()),
        })
        .collect();
    push(
        &db,
        &client,
        PATH,
        "seat",
        FactBatch::BoardSeats(records),
        batch.dry_run,
    )
    .await
}
