//! Checking and importing a fact file the import page sent: the server's route streams
//! the upload to a temporary file and calls [`import_file`] with it, inside the page's
//! context, so the page's role checks and report apply and the file is never whole in
//! memory.

use std::io::{Read, Seek};

use domain::fact_file::FileFormat;

use crate::{
    error::AppError,
    models::fact_import::{ColumnChoice, FactFileKind, ImportReport},
};

/// Checks `file`, a file of `kind` in `format` (an XLSX workbook: its sheet named for the
/// kind, or its only sheet), its headers read as `mapping` says (or as remembered for the
/// kind when left out), and says what importing it would do; with `commit`, a file without
/// problems is written in one transaction, recorded in the import history under its
/// `file_name`, the KPIs it moves are recomputed, and a `mapping` given is remembered for
/// the kind. A file with problems is never written. Staff of the whole organization.
pub async fn import_file(
    kind: FactFileKind,
    format: FileFormat,
    file: impl Read + Seek + Send,
    commit: bool,
    file_name: Option<String>,
    mapping: Option<Vec<ColumnChoice>>,
) -> Result<ImportReport, AppError> {
    use domain::{
        column_mappings::ColumnMappings,
        fact_file::ColumnMapping,
        fact_import::{FactImport, FactKind},
    };

    let staff = crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let kind = match kind {
        FactFileKind::Members => FactKind::Members,
        FactFileKind::Memberships => FactKind::Memberships,
        FactFileKind::DuesInvoices => FactKind::DuesInvoices,
        FactFileKind::Events => FactKind::Events,
        FactFileKind::Attendances => FactKind::Attendances,
        FactFileKind::Goals => FactKind::Goals,
        FactFileKind::BoardSeats => FactKind::BoardSeats,
        FactFileKind::BoardTerms => FactKind::BoardTerms,
        FactFileKind::ServiceProjects => FactKind::ServiceProjects,
        FactFileKind::Partnerships => FactKind::Partnerships,
        FactFileKind::MediaItems => FactKind::MediaItems,
        FactFileKind::AwardApplications => FactKind::AwardApplications,
        FactFileKind::Forums => FactKind::Forums,
        FactFileKind::ForumMembers => FactKind::ForumMembers,
        FactFileKind::Committees => FactKind::Committees,
        FactFileKind::CommitteeMembers => FactKind::CommitteeMembers,
        FactFileKind::SelfReports => FactKind::SelfReports,
        FactFileKind::EventInvitations => FactKind::EventInvitations,
        FactFileKind::Speakers => FactKind::Speakers,
        FactFileKind::Mentorships => FactKind::Mentorships,
        FactFileKind::Trainings => FactKind::Trainings,
        FactFileKind::Budgets => FactKind::Budgets,
        FactFileKind::Spendings => FactKind::Spendings,
        FactFileKind::Referrals => FactKind::Referrals,
    };
    let chosen = mapping
        .map(|choices| ColumnMapping::new(choices.into_iter().map(|c| (c.header, c.column))));
    let columns = match &chosen {
        Some(mapping) => mapping.clone(),
        None => ColumnMappings::remembered(&db, kind).await?,
    };
    let today = chrono::Local::now().date_naive();
    let checked = FactImport::check(&db, kind, format, file, &columns, today).await?;
    if !commit || checked.preview().problem_count > 0 {
        return Ok(ssr::report(kind, checked.preview().clone(), &columns, None));
    }
    let outcome = FactImport::write(&db, checked, &ssr::origin(&staff, file_name), today).await?;
    if let Some(mapping) = &chosen {
        ColumnMappings::remember(&db, kind, mapping).await?;
    }
    Ok(ssr::report(
        kind,
        outcome.preview,
        &columns,
        Some(outcome.recompute),
    ))
}

mod ssr {
    use domain::{
        fact_file::{ColumnMapping, ImportPreview},
        fact_import::FactKind,
        import_history::ImportOrigin,
        kpi_engine::RecomputeReport,
    };

    use crate::models::{
        account::CurrentUser,
        fact_import::{ColumnChoice, ImportProblem, ImportReport},
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

    /// The page's report of a preview, or of an import (`written`, with its recompute),
    /// of a file of `kind` read with `columns`.
    pub fn report(
        kind: FactKind,
        preview: ImportPreview,
        columns: &ColumnMapping,
        written: Option<Option<RecomputeReport>>,
    ) -> ImportReport {
        let mapped = preview
            .header
            .iter()
            .filter_map(|header| {
                columns.renamed(header).map(|column| ColumnChoice {
                    header: header.clone(),
                    column,
                })
            })
            .collect();
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
            header: preview.header,
            columns: kind
                .layout()
                .required
                .iter()
                .chain(kind.layout().optional)
                .map(|c| (*c).to_owned())
                .collect(),
            mapped,
        }
    }
}
