//! Checking and importing an attendance file, as CSV text or an XLSX workbook.

use leptos::prelude::*;

use crate::{error::AppError, models::fact_import::ImportReport};

/// Checks `csv` (an attendance file's text) and says what importing it would do; with
/// `commit`, a file without problems is written in one transaction, recorded in the
/// import history under its `file_name`, and the KPIs it moves are recomputed. A file
/// with problems is never written. Staff only.
#[server(endpoint = "import/attendances")]
pub async fn import_attendances(
    csv: String,
    commit: bool,
    file_name: Option<String>,
) -> Result<ImportReport, AppError> {
    use domain::attendance_import::AttendanceImport;

    let staff = crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let checked = AttendanceImport::check(&db, csv.as_bytes()).await?;
    ssr::answer(&db, checked, commit, &ssr::origin(&staff, file_name)).await
}

/// Like [`import_attendances`] for an XLSX workbook, sent as base64 (`xlsx`): its sheet
/// `attendances`, or its only sheet. Staff only.
#[server(endpoint = "import/attendances-xlsx")]
pub async fn import_attendance_workbook(
    xlsx: String,
    commit: bool,
    file_name: Option<String>,
) -> Result<ImportReport, AppError> {
    use base64::Engine;
    use domain::attendance_import::AttendanceImport;
    use std::io::Cursor;

    let staff = crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(xlsx.trim())
        .map_err(|_| {
            AppError::Refused(vec![
                "file: the workbook did not arrive whole; choose it again".into(),
            ])
            .respond()
        })?;
    let checked = AttendanceImport::check_workbook(&db, Cursor::new(&bytes)).await?;
    ssr::answer(&db, checked, commit, &ssr::origin(&staff, file_name)).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use domain::{
        attendance_import::{AttendanceImport, CheckedFile, ImportPreview},
        import_history::ImportOrigin,
        kpi_engine::RecomputeReport,
        sea_orm::DatabaseConnection,
    };

    use crate::{
        error::AppError,
        models::{
            account::CurrentUser,
            fact_import::{ImportProblem, ImportReport},
        },
    };

    /// The import page as the origin of an import by `staff` of the file `file_name`.
    pub fn origin(staff: &CurrentUser, file_name: Option<String>) -> ImportOrigin {
        let file = file_name
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty());
        ImportOrigin {
            source: file.unwrap_or_else(|| "import page".to_owned()),
            by: format!("{} <{}>", staff.display_name, staff.email),
        }
    }

    /// The check's report, or, with `commit` and no problem, the written file's.
    pub async fn answer(
        db: &DatabaseConnection,
        checked: CheckedFile,
        commit: bool,
        origin: &ImportOrigin,
    ) -> Result<ImportReport, AppError> {
        if !commit || checked.preview.problem_count > 0 {
            return Ok(report(checked.preview, None));
        }
        let today = chrono::Local::now().date_naive();
        let outcome = AttendanceImport::write(db, checked, origin, today).await?;
        Ok(report(outcome.preview, Some(outcome.recompute)))
    }

    /// The page's report of a preview, or of an import (`written`, with its recompute).
    pub fn report(
        preview: ImportPreview,
        written: Option<Option<RecomputeReport>>,
    ) -> ImportReport {
        ImportReport {
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
            imported: written.is_some(),
            kpis_changed: written.flatten().map(|r| {
                u64::try_from(r.saved.updated + r.saved.inserted + r.saved.stale)
                    .unwrap_or(u64::MAX)
            }),
        }
    }
}
