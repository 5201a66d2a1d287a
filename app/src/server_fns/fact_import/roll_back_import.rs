//! Rolling back an import.

use leptos::prelude::*;

use crate::{error::AppError, models::fact_import::RollbackReport};

/// Rolls back import `id`: the facts it created are removed, the ones it changed get
/// their previous values, and the KPIs follow. Refused when it was rolled back already or
/// a later import built on it. Staff of the whole organization, who import.
#[server(endpoint = "import/roll-back")]
pub async fn roll_back_import(id: i32) -> Result<RollbackReport, AppError> {
    use domain::import_history::ImportHistory;

    let staff = crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let by = format!("{} <{}>", staff.display_name, staff.email);
    let outcome = ImportHistory::roll_back(&db, id, &by, chrono::Local::now().date_naive()).await?;
    Ok(RollbackReport {
        removed: outcome.removed,
        restored: outcome.restored,
    })
}
