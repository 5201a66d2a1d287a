//! `server import KIND FILE [--commit]`: checks a CSV (or `.xlsx`) file of members,
//! memberships, dues invoices, events or attendances and says what importing it would do, every problem on its
//! own line; with `--commit` a clean file is written, recorded in the import history, and
//! the KPIs it moves are recomputed. A file with problems is never written.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use chrono::Local;
use domain::{
    DomainError,
    database::{self, DatabaseUrl},
    fact_file::{ColumnMapping, FileFormat, ImportPreview},
    fact_import::{FactImport, FactKind},
    import_history::ImportOrigin,
};

use crate::{
    config::{ImportAction, ImportFile},
    error::StartupError,
};

/// Runs an import action.
pub async fn run(url: &DatabaseUrl, action: ImportAction) -> Result<(), StartupError> {
    let (kind, ImportFile { file, commit }) = match action {
        ImportAction::Members(file) => (FactKind::Members, file),
        ImportAction::Memberships(file) => (FactKind::Memberships, file),
        ImportAction::DuesInvoices(file) => (FactKind::DuesInvoices, file),
        ImportAction::Events(file) => (FactKind::Events, file),
        ImportAction::Attendances(file) => (FactKind::Attendances, file),
        ImportAction::Goals(file) => (FactKind::Goals, file),
        ImportAction::BoardSeats(file) => (FactKind::BoardSeats, file),
        ImportAction::BoardTerms(file) => (FactKind::BoardTerms, file),
        ImportAction::ServiceProjects(file) => (FactKind::ServiceProjects, file),
        ImportAction::Partnerships(file) => (FactKind::Partnerships, file),
        ImportAction::MediaItems(file) => (FactKind::MediaItems, file),
        ImportAction::AwardApplications(file) => (FactKind::AwardApplications, file),
        ImportAction::Forums(file) => (FactKind::Forums, file),
        ImportAction::ForumMembers(file) => (FactKind::ForumMembers, file),
        ImportAction::Committees(file) => (FactKind::Committees, file),
        ImportAction::CommitteeMembers(file) => (FactKind::CommitteeMembers, file),
        ImportAction::EventInvitations(file) => (FactKind::EventInvitations, file),
        ImportAction::Speakers(file) => (FactKind::Speakers, file),
        ImportAction::Mentorships(file) => (FactKind::Mentorships, file),
        ImportAction::Trainings(file) => (FactKind::Trainings, file),
        ImportAction::Budgets(file) => (FactKind::Budgets, file),
        ImportAction::Spendings(file) => (FactKind::Spendings, file),
        ImportAction::Referrals(file) => (FactKind::Referrals, file),
        ImportAction::SelfReports(file) => (FactKind::SelfReports, file),
    };
    let db = database::open(url).await?;
    let name = file.display().to_string();
    let format = if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        FileFormat::Workbook
    } else {
        FileFormat::Csv
    };
    let today = Local::now().date_naive();
    let checked = FactImport::check(
        &db,
        kind,
        format,
        open(&file)?,
        &ColumnMapping::default(),
        today,
    )
    .await?;
    let preview = checked.preview().clone();
    print(&name, &preview);
    if preview.problem_count > 0 {
        return Err(refused(&name, preview.problem_count));
    }
    if !commit {
        println!("{name}: checked; run again with --commit to import it");
        return Ok(());
    }
    let origin = ImportOrigin {
        source: format!("command line: {name}"),
        by: std::env::var("USER").map_or_else(
            |_| "command line".to_owned(),
            |user| format!("command line ({user})"),
        ),
    };
    match FactImport::write(&db, checked, &origin, today).await {
        Ok(outcome) => {
            match outcome.recompute {
                Some(report) => println!(
                    "{name}: imported; KPIs recomputed in {} ms ({} values changed)",
                    report.prepare_ms + report.compute_ms + report.save_ms,
                    report.saved.updated + report.saved.inserted + report.saved.stale
                ),
                None if outcome.import_id.is_none() => {
                    println!("{name}: nothing to import: every row is recorded as it is");
                }
                None => println!("{name}: imported; no KPI needed recomputing"),
            }
            Ok(())
        }
        Err(DomainError::Refused(lines)) => {
            let problems = lines.len().saturating_sub(1);
            for line in lines.iter().take(problems) {
                println!("{name}: {line}");
            }
            Err(refused(&name, problems as u64))
        }
        Err(error) => Err(error.into()),
    }
}

/// The one-line failure of a file with problems.
fn refused(name: &str, problems: u64) -> StartupError {
    StartupError::Argument(format!(
        "{name}: {} (listed above); nothing was imported",
        counted(problems, "problem")
    ))
}

/// "1 row", "2 rows".
fn counted(count: u64, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

fn open(path: &Path) -> Result<BufReader<File>, StartupError> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|e| StartupError::Argument(format!("cannot read {}: {e}", path.display())))
}

fn print(name: &str, preview: &ImportPreview) {
    println!(
        "{name}: {}: {} to create, {} to change, {} unchanged",
        counted(preview.rows, "row"),
        preview.created,
        preview.changed,
        preview.unchanged
    );
    for problem in &preview.problems {
        println!("{name}: {problem}");
    }
    let unlisted = preview.problem_count - preview.problems.len() as u64;
    if unlisted > 0 {
        println!("{name}: and {unlisted} more problems");
    }
}
