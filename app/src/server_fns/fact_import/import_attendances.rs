//! Checking and importing an attendance file.

use leptos::prelude::*;

use crate::{error::AppError, models::fact_import::ImportReport};

/// Checks `csv` (an attendance file's text) and says what importing it would do; with
/// `commit`, a file without problems is written in one transaction and the KPIs it moves
/// are recomputed. A file with problems is never written. Staff only.
#[server(endpoint = "import/attendances")]
pub async fn import_attendances(csv: String, commit: bool) -> Result<ImportReport, AppError> {
    use domain::attendance_import::{AttendanceImport, ImportPreview};

    use crate::models::fact_import::ImportProblem;

    crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let report = |preview: ImportPreview| ImportReport {
        rows: preview.rows,
        created: preview.created,
        changed: preview.changed,
        unchanged: preview.unchanged,
        problem_count: preview.problem_count,
        problems: preview
            .problems
            .into_iter()
            .map(|p| ImportProblem {
                line: p.line,
                column: p.column,
                value: p.value,
                why: p.why,
            })
            .collect(),
        imported: false,
        kpis_changed: None,
    };
    let preview = AttendanceImport::preview(&db, csv.as_bytes()).await?;
    if !commit || preview.problem_count > 0 {
        return Ok(report(preview));
    }
    let today = chrono::Local::now().date_naive();
    let outcome = AttendanceImport::commit(&db, csv.as_bytes(), today).await?;
    let kpis_changed = outcome
        .recompute
        .map(|r| (r.saved.updated + r.saved.inserted + r.saved.stale) as u64);
    Ok(ImportReport {
        imported: true,
        kpis_changed,
        ..report(outcome.preview)
    })
}
