//! A member sends a self-report.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::self_report::{MyReport, ReportDraft},
};

/// Checks and saves the signed-in member's report, then updates the KPIs. Members only;
/// the report is always the member's own (no member id is taken from the browser).
#[server(endpoint = "self-reports/submit")]
pub async fn submit_self_report(draft: ReportDraft) -> Result<MyReport, AppError> {
    use domain::{
        entity::self_report::SelfReportKind,
        self_reporting::{SelfReportDraft, SelfReporting},
    };

    use crate::{i18n::parse_number, models::self_report::ReportKind};

    let member = crate::auth::require_member()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let mut problems = Vec::new();
    let kind = match ReportKind::parse(&draft.kind) {
        Some(ReportKind::Activity) => Some(SelfReportKind::Activity),
        Some(ReportKind::EventParticipation) => Some(SelfReportKind::EventParticipation),
        Some(ReportKind::VolunteerHours) => Some(SelfReportKind::VolunteerHours),
        None => {
            problems.push(format!("kind: {:?} is not a kind of report", draft.kind));
            None
        }
    };
    let month =
        chrono::NaiveDate::parse_from_str(&format!("{}-01", draft.month.trim()), "%Y-%m-%d")
            .map_err(|_| {
                problems.push(format!("month: {:?} is not a month (YYYY-MM)", draft.month))
            })
            .ok();
    let hours = parse_number(locale, &draft.hours);
    if hours.is_none() {
        problems.push(format!("hours: {:?} is not a number", draft.hours));
    }
    let (Some(kind), Some(month), Some(hours), true) = (kind, month, hours, problems.is_empty())
    else {
        return Err(AppError::Refused(problems).respond());
    };
    let today = chrono::Local::now().date_naive();
    let report = SelfReporting::submit(
        &db,
        member,
        SelfReportDraft {
            kind,
            month,
            hours,
            description: draft.description,
        },
        today,
    )
    .await?;
    Ok(super::get_my_reports::ssr::my_report(report))
}
