//! What every fact push shares: the batch size limit, the refusal that lists each bad
//! item, the origin recorded in the import history and the outcome's shape.

use axum::Json;
use domain::{
    api_tokens::ApiClient,
    fact_file::ImportPreview,
    fact_import::{FactBatch, FactImport},
    import_history::ImportOrigin,
    sea_orm::DatabaseConnection,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::problem::{ApiError, ItemProblem};

/// The most items in one request.
pub const MAX_ITEMS: usize = 10_000;

/// What a batch did (or, with `dry_run`, would do).
#[derive(Debug, Serialize, ToSchema)]
pub struct PushOutcome {
    /// Items received.
    pub received: u64,
    /// Facts created.
    pub created: u64,
    /// Facts changed.
    pub changed: u64,
    /// Facts already recorded as sent.
    pub unchanged: u64,
    /// Whether this was a dry run (nothing written).
    pub dry_run: bool,
    /// KPI values the recompute stored anew or changed; null when nothing was written,
    /// the facts move no KPI, or the recompute failed (the facts are saved and the next
    /// recompute catches up).
    pub kpi_values_changed: Option<u64>,
}

impl PushOutcome {
    /// The counts of `preview`.
    pub fn of(preview: &ImportPreview, dry_run: bool, kpi_values_changed: Option<u64>) -> Self {
        Self {
            received: preview.rows,
            created: preview.created,
            changed: preview.changed,
            unchanged: preview.unchanged,
            dry_run,
            kpi_values_changed,
        }
    }
}

/// Refuses an empty batch or one over [`MAX_ITEMS`]; `what` names one item.
pub fn check_size(received: usize, what: &str) -> Result<(), ApiError> {
    if received == 0 {
        return Err(ApiError::field(
            "items",
            format!("empty: send at least one {what}"),
        ));
    }
    if received > MAX_ITEMS {
        return Err(ApiError::field(
            "items",
            format!("{received} items: at most {MAX_ITEMS} per request; split the batch"),
        ));
    }
    Ok(())
}

/// The refusal of a batch with problems, each by item and field; `None` when it has none.
pub fn refusal(preview: &ImportPreview) -> Option<ApiError> {
    if preview.problem_count == 0 {
        return None;
    }
    let listed = preview.problems.len() as u64;
    let mut message = match preview.problem_count {
        1 => "1 problem in the batch; nothing was written".to_owned(),
        n => format!("{n} problems in the batch; nothing was written"),
    };
    if preview.problem_count > listed {
        message.push_str(&format!(" (the first {listed} are listed)"));
    }
    Some(ApiError::Unprocessable {
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
    })
}

/// The import history's origin of a push to `path` by `client`.
pub fn origin(path: &str, client: &ApiClient) -> ImportOrigin {
    ImportOrigin {
        source: format!("API: POST {path}"),
        by: format!("API token {}", client.name),
    }
}

/// Pushes `facts` sent to `path` by `client`: refuses an empty or oversized batch
/// (`what` names one item) or one with any problem, counts only with `dry_run`, and
/// otherwise writes it in one transaction, records it in the import history and
/// recomputes the KPIs it moves.
pub async fn push(
    db: &DatabaseConnection,
    client: &ApiClient,
    path: &str,
    what: &str,
    facts: FactBatch,
    dry_run: bool,
) -> Result<Json<PushOutcome>, ApiError> {
    check_size(facts.len(), what)?;
    let today = chrono::Local::now().date_naive();
    let checked = FactImport::check_batch(db, facts, today).await?;
    if let Some(refused) = refusal(checked.preview()) {
        return Err(refused);
    }
    if dry_run {
        return Ok(Json(PushOutcome::of(checked.preview(), true, None)));
    }
    let outcome = FactImport::write(db, checked, &origin(path, client), today).await?;
    tracing::info!(
        api.token = client.token_id,
        api.path = path,
        created = outcome.preview.created,
        changed = outcome.preview.changed,
        "facts pushed"
    );
    let changed = outcome
        .recompute
        .as_ref()
        .map(|r| (r.saved.inserted + r.saved.updated + r.saved.stale) as u64);
    Ok(Json(PushOutcome::of(&outcome.preview, false, changed)))
}
