//! The signed-in member's own self-reports.

use leptos::prelude::*;

use crate::{error::AppError, models::self_report::MyReport};

/// The member's reports, newest month first. Members only: nobody reads another
/// member's reports through this function.
#[server(endpoint = "self-reports/mine")]
pub async fn get_my_reports() -> Result<Vec<MyReport>, AppError> {
    use domain::self_reporting::SelfReporting;

    let member = crate::auth::require_member()?;
    let db = crate::auth::database()?;
    Ok(SelfReporting::for_member(&db, member)
        .await?
        .into_iter()
        .map(ssr::my_report)
        .collect())
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use domain::entity::self_report::{self, SelfReportKind, SelfReportStatus};

    use crate::models::self_report::{MyReport, ReportKind, ReportStatus};

    /// The wire kind of a stored kind.
    pub fn kind(kind: SelfReportKind) -> ReportKind {
        match kind {
            SelfReportKind::Activity => ReportKind::Activity,
            SelfReportKind::EventParticipation => ReportKind::EventParticipation,
            SelfReportKind::VolunteerHours => ReportKind::VolunteerHours,
        }
    }

    pub fn my_report(report: self_report::Model) -> MyReport {
        MyReport {
            id: report.id,
            month: report.report_month.format("%Y-%m").to_string(),
            kind: kind(report.kind),
            hours: report.hours,
            description: report.description,
            status: match report.status {
                SelfReportStatus::Expected => ReportStatus::Expected,
                SelfReportStatus::Submitted => ReportStatus::Submitted,
                SelfReportStatus::Verified => ReportStatus::Verified,
                SelfReportStatus::Rejected => ReportStatus::Rejected,
            },
            due_on: report.due_on.to_string(),
            submitted_on: report.submitted_on.map(|d| d.to_string()),
            rejection_reason: report.rejection_reason,
        }
    }
}
