//! `POST /api/v1/facts/attendances`: a batch of attendances upserted by their natural
//! key (event reference and member number), checked whole like an import file: any
//! problem refuses the batch with every problem by item and field, and nothing is
//! written; a clean batch is written in one transaction, then the KPIs it moves are
//! recomputed. Sending the same batch again changes nothing.

use axum::{Json, extract::State};
use domain::{
    attendance_import::{AttendanceImport, AttendanceRecord},
    import_history::ImportOrigin,
    sea_orm::DatabaseConnection,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    caller::ApiWriter,
    page::ApiJson,
    problem::{ApiError, ItemProblem, ProblemBody},
};

/// The most items in one request.
pub const MAX_ITEMS: usize = 10_000;

/// A batch of attendances.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AttendanceBatch {
    /// The attendances, at most 10,000.
    pub items: Vec<ApiAttendance>,
    /// Check and count only; write nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

/// One member's attendance at one held event.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApiAttendance {
    /// The event's reference.
    pub event_ref: String,
    /// The member's number.
    pub member_number: String,
    /// When the member joined (`2025-03-14T18:05`), within an hour before and four hours
    /// after the event's start; a recorded time is kept when this is left out.
    pub joined_at: Option<String>,
}

/// What a batch did (or, with `dry_run`, would do).
#[derive(Debug, Serialize, ToSchema)]
pub struct PushOutcome {
    /// Items received.
    pub received: u64,
    /// Attendances created.
    pub created: u64,
    /// Attendances whose join time changed.
    pub changed: u64,
    /// Attendances already recorded as sent.
    pub unchanged: u64,
    /// Whether this was a dry run (nothing written).
    pub dry_run: bool,
    /// KPI values the recompute stored anew or changed; null when nothing was written or
    /// the recompute failed (the facts are saved and the next recompute catches up).
    pub kpi_values_changed: Option<u64>,
}

/// Upserts attendances.
#[utoipa::path(
    post,
    path = "/api/v1/facts/attendances",
    tag = "facts",
    request_body = AttendanceBatch,
    responses(
        (status = 200, description = "The batch was written (or checked, with dry_run)", body = PushOutcome),
        (status = 400, description = "The body is not JSON", body = ProblemBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = ProblemBody),
        (status = 403, description = "The token may only read", body = ProblemBody),
        (status = 422, description = "The batch is refused, with every problem by item and field; nothing was written", body = ProblemBody),
    ),
    security(("api_token" = []))
)]
pub async fn push_attendances(
    ApiWriter(client): ApiWriter,
    State(db): State<DatabaseConnection>,
    ApiJson(batch): ApiJson<AttendanceBatch>,
) -> Result<Json<PushOutcome>, ApiError> {
    let received = batch.items.len();
    if received == 0 {
        return Err(ApiError::field(
            "items",
            "empty: send at least one attendance".into(),
        ));
    }
    if received > MAX_ITEMS {
        return Err(ApiError::field(
            "items",
            format!("{received} items: at most {MAX_ITEMS} per request; split the batch"),
        ));
    }
    let records = batch
        .items
        .into_iter()
        .map(|item| AttendanceRecord {
            event_ref: item.event_ref,
            member_number: item.member_number,
            joined_at: item.joined_at,
        })
        .collect();
    let checked = AttendanceImport::check_records(&db, records).await?;
    let preview = &checked.preview;
    if preview.problem_count > 0 {
        let listed = preview.problems.len() as u64;
        let mut message = match preview.problem_count {
            1 => "1 problem in the batch; nothing was written".to_owned(),
            n => format!("{n} problems in the batch; nothing was written"),
        };
        if preview.problem_count > listed {
            message.push_str(&format!(" (the first {listed} are listed)"));
        }
        return Err(ApiError::Unprocessable {
            message,
            problems: preview
                .problems
                .iter()
                .map(|p| ItemProblem {
                    item: Some(p.line),
                    field: p.column.clone(),
                    value: (!p.value.is_empty()).then(|| p.value.clone()),
                    message: p.why.clone(),
                })
                .collect(),
        });
    }
    let counts = |dry_run: bool, kpi_values_changed: Option<u64>| PushOutcome {
        received: received as u64,
        created: preview.created,
        changed: preview.changed,
        unchanged: preview.unchanged,
        dry_run,
        kpi_values_changed,
    };
    if batch.dry_run {
        return Ok(Json(counts(true, None)));
    }
    let origin = ImportOrigin {
        source: "API: POST /api/v1/facts/attendances".to_owned(),
        by: format!("API token {}", client.name),
    };
    let outcome =
        AttendanceImport::write(&db, checked, &origin, chrono::Local::now().date_naive()).await?;
    tracing::info!(
        api.token = client.token_id,
        created = outcome.preview.created,
        changed = outcome.preview.changed,
        "attendances pushed"
    );
    let changed = outcome
        .recompute
        .as_ref()
        .map(|r| (r.saved.inserted + r.saved.updated + r.saved.stale) as u64);
    let preview = &outcome.preview;
    Ok(Json(PushOutcome {
        received: received as u64,
        created: preview.created,
        changed: preview.changed,
        unchanged: preview.unchanged,
        dry_run: false,
        kpi_values_changed: changed,
    }))
}
