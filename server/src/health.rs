//! `GET /healthz`: whether the server and its database answer.

use axum::{Json, extract::State, http::StatusCode};
use domain::{database, sea_orm::DatabaseConnection};
use serde::Serialize;

/// The health report.
#[derive(Debug, Serialize)]
pub struct Health {
    /// "ok" or "unavailable".
    pub status: &'static str,
    /// "ok" or "unreachable".
    pub database: &'static str,
}

/// 200 when the database answers, 503 when it does not.
pub async fn healthz(State(db): State<DatabaseConnection>) -> (StatusCode, Json<Health>) {
    match database::ping(&db).await {
        Ok(()) => (
            StatusCode::OK,
            Json(Health {
                status: "ok",
                database: "ok",
            }),
        ),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                    database: "unreachable",
                }),
            )
        }
    }
}
