//! Members' self-reports, as the member and the verifying staff see them.

use serde::{Deserialize, Serialize};

use crate::models::validation::Choice;

/// What a report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportKind {
    /// The monthly activity report.
    Activity,
    /// Participation in an event outside the organization's records.
    EventParticipation,
    /// Volunteer work.
    VolunteerHours,
}

impl ReportKind {
    /// Every kind, in form order.
    pub const ALL: [Self; 3] = [
        Self::Activity,
        Self::EventParticipation,
        Self::VolunteerHours,
    ];

    /// The form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Activity => "activity",
            Self::EventParticipation => "event_participation",
            Self::VolunteerHours => "volunteer_hours",
        }
    }

    /// From the form value.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// Where a report stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportStatus {
    /// Due, not sent yet.
    Expected,
    /// Sent, waiting for staff.
    Submitted,
    /// Verified: counts towards the KPIs.
    Verified,
    /// Rejected, with a reason.
    Rejected,
}

/// One of the member's reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyReport {
    /// Id.
    pub id: i32,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Kind.
    pub kind: ReportKind,
    /// Hours.
    pub hours: f64,
    /// What was done.
    pub description: String,
    /// Status.
    pub status: ReportStatus,
    /// Due date, ISO.
    pub due_on: String,
    /// When it was sent, ISO.
    pub submitted_on: Option<String>,
    /// Why staff rejected it.
    pub rejection_reason: Option<String>,
}

/// A report as the member types it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportDraft {
    /// Kind (`activity`, `event_participation`, `volunteer_hours`).
    pub kind: String,
    /// Month, `YYYY-MM`.
    pub month: String,
    /// Hours as typed.
    pub hours: String,
    /// What was done.
    pub description: String,
}

/// A report waiting for staff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuedReportRow {
    /// Id.
    pub id: i32,
    /// Member name.
    pub member_name: String,
    /// Cluster code and name.
    pub cluster_name: String,
    /// Month, `YYYY-MM`.
    pub month: String,
    /// Kind.
    pub kind: ReportKind,
    /// Hours.
    pub hours: f64,
    /// What was done.
    pub description: String,
    /// When it was sent, ISO.
    pub submitted_on: Option<String>,
}

/// The staff queue of reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportQueue {
    /// The region filter applied.
    pub region: Option<i32>,
    /// Regions to choose from.
    pub regions: Vec<Choice>,
    /// This page of the reports waiting, newest first.
    pub rows: Vec<QueuedReportRow>,
    /// The page, from 0.
    pub page: u32,
    /// Reports per page.
    pub page_size: u32,
    /// Reports waiting in all.
    pub total: u32,
}

/// A staff decision on reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportDecisionRequest {
    /// The reports.
    pub ids: Vec<i32>,
    /// Verify (`true`) or reject.
    pub verify: bool,
    /// Why, for a rejection.
    pub reason: Option<String>,
}

/// The waiting reports as the queue's download has them, in the reader's `locale`: member,
/// cluster, month, kind, hours, what was done and when it was sent.
pub fn queue_table(
    rows: &[QueuedReportRow],
    locale: crate::i18n::Locale,
) -> crate::models::chart::DataTable {
    use crate::i18n::{Msg, format_decimal, t};
    use crate::models::chart::{DataTable, TableCell};
    use crate::pages::self_report::my_reports::kind_label;

    DataTable {
        columns: [
            Msg::ColumnMember,
            Msg::ColumnCluster,
            Msg::ColumnMonth,
            Msg::ColumnKind,
            Msg::ColumnHours,
            Msg::ColumnDescription,
            Msg::ColumnSubmitted,
        ]
        .into_iter()
        .map(|msg| t(locale, msg).to_owned())
        .collect(),
        rows: rows
            .iter()
            .map(|row| {
                vec![
                    TableCell::Text(row.member_name.clone()),
                    TableCell::Text(row.cluster_name.clone()),
                    TableCell::Text(row.month.clone()),
                    TableCell::Text(kind_label(locale, row.kind).to_owned()),
                    TableCell::Number {
                        value: Some(row.hours),
                        text: format_decimal(locale, row.hours, 1),
                    },
                    TableCell::Text(row.description.clone()),
                    TableCell::Text(row.submitted_on.clone().unwrap_or_default()),
                ]
            })
            .collect(),
    }
}
