//! Reading the import history.

use leptos::prelude::*;

use crate::{error::AppError, models::fact_import::ImportHistoryRow};

/// The newest imports (files, API batches, the command line), newest first. Staff of the
/// whole organization, who import.
#[server(endpoint = "import/history")]
pub async fn get_import_history() -> Result<Vec<ImportHistoryRow>, AppError> {
    use domain::import_history::ImportHistory;

    /// How many imports the page lists.
    const RECENT_IMPORTS: u64 = 20;

    crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let shown = |at| crate::server_fns::stored_time(locale, at);
    let count = |n: i32| u64::try_from(n).unwrap_or(0);
    Ok(ImportHistory::recent(&db, RECENT_IMPORTS)
        .await?
        .into_iter()
        .map(|import| ImportHistoryRow {
            id: import.id,
            when: shown(import.imported_at),
            kind: crate::models::fact_import::FactFileKind::from_key(&import.kind),
            by: import.imported_by,
            source: import.source,
            rows: count(import.rows),
            created: count(import.created),
            changed: count(import.changed),
            rolled_back: import.rolled_back_at.map(|at| {
                format!(
                    "{} · {}",
                    shown(at),
                    import.rolled_back_by.unwrap_or_default()
                )
            }),
        })
        .collect())
}
