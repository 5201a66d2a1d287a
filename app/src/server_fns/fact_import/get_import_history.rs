//! Reading the import history.

use leptos::prelude::*;

use crate::{error::AppError, models::fact_import::ImportHistoryRow};

/// The newest imports (files, API batches, the command line), newest first. Staff of the
/// whole organization, who import.
#[server(endpoint = "import/history")]
pub async fn get_import_history() -> Result<Vec<ImportHistoryRow>, AppError> {
    use chrono::{Local, NaiveDateTime, TimeZone};
    use domain::import_history::ImportHistory;

    use crate::i18n::format_date_time;

    /// How many imports the page lists.
    const RECENT_IMPORTS: u64 = 20;

    crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    // Stored in UTC; shown in the server's time zone like every other time.
    let shown =
        |at: NaiveDateTime| format_date_time(locale, Local.from_utc_datetime(&at).naive_local());
    let count = |n: i32| u64::try_from(n).unwrap_or(0);
    Ok(ImportHistory::recent(&db, RECENT_IMPORTS)
        .await?
        .into_iter()
        .map(|import| ImportHistoryRow {
            id: import.id,
            when: shown(import.imported_at),
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
