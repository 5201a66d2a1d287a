//! A fact import as the import page shows it: what a file would do, or did, and every
//! problem with its line, column and value.

use serde::{Deserialize, Serialize};

/// One problem in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    /// The line in the file (the header is line 1).
    pub line: u64,
    /// The column, when the problem is in one.
    pub column: Option<String>,
    /// The value found.
    pub value: String,
    /// Why it cannot be imported, and what to do.
    pub why: String,
}

/// What importing a file would do, or did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Data rows read.
    pub rows: u64,
    /// Facts that are new.
    pub created: u64,
    /// Facts that change.
    pub changed: u64,
    /// Facts already recorded as they are.
    pub unchanged: u64,
    /// Every problem found.
    pub problem_count: u64,
    /// The first problems, in file order.
    pub problems: Vec<ImportProblem>,
    /// Written; otherwise a preview, or refused for its problems.
    pub imported: bool,
    /// KPI values the recompute that followed changed.
    pub kpis_changed: Option<u64>,
    /// The file's header as it reads: what its columns can be mapped from.
    pub header: Vec<String>,
    /// The kind's columns, required first: what a header can be mapped to.
    pub columns: Vec<String>,
    /// The headers read as another column (or left out), as the mapping said.
    pub mapped: Vec<ColumnChoice>,
}

impl ImportReport {
    /// Whether the file's columns do not match its kind's, so staff map them.
    pub fn columns_unmatched(&self) -> bool {
        !self.header.is_empty()
            && self
                .problems
                .iter()
                .any(|p| p.line == 1 && p.column.is_none())
    }
}

/// Which column of the kind one header of a file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnChoice {
    /// The header as the file has it.
    pub header: String,
    /// The kind's column it holds; `None` leaves it out.
    pub column: Option<String>,
}

/// A kind of fact a file can hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactFileKind {
    /// Members by number.
    Members,
    /// Membership terms.
    Memberships,
    /// Dues invoices with their payments.
    #[serde(rename = "dues_invoices")]
    DuesInvoices,
    /// Events with their hosts, starts and statuses.
    Events,
    /// Who attended which held event.
    #[default]
    Attendances,
    /// Clusters' goals per fiscal year.
    Goals,
    /// The seats of clusters' boards.
    #[serde(rename = "board_seats")]
    BoardSeats,
    /// Members' terms on board seats.
    #[serde(rename = "board_terms")]
    BoardTerms,
    /// Clusters' community service projects.
    #[serde(rename = "service_projects")]
    ServiceProjects,
    /// Clusters' partnerships with outside organizations.
    Partnerships,
    /// Media coverage of clusters.
    #[serde(rename = "media_items")]
    MediaItems,
    /// Award applications.
    #[serde(rename = "award_applications")]
    AwardApplications,
    /// Clusters' forums.
    Forums,
    /// Forum members and moderators.
    #[serde(rename = "forum_memberships")]
    ForumMembers,
    /// Clusters' committees.
    Committees,
    /// Committee members.
    #[serde(rename = "committee_members")]
    CommitteeMembers,
    /// Members' self-reports.
    #[serde(rename = "self_reports")]
    SelfReports,
    /// Invitations to events.
    #[serde(rename = "event_invitations")]
    EventInvitations,
    /// Speakers at events.
    Speakers,
    /// Mentorships.
    Mentorships,
    /// Completed trainings.
    Trainings,
    /// Clusters' yearly budgets.
    Budgets,
    /// Clusters' spendings.
    Spendings,
    /// Referrals of prospects between clusters.
    Referrals,
}

impl FactFileKind {
    /// Its key, which names its template and its sheet in a workbook: `attendances`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Members => "members",
            Self::Memberships => "memberships",
            Self::DuesInvoices => "dues_invoices",
            Self::Events => "events",
            Self::Attendances => "attendances",
            Self::Goals => "goals",
            Self::BoardSeats => "board_seats",
            Self::BoardTerms => "board_terms",
            Self::ServiceProjects => "service_projects",
            Self::Partnerships => "partnerships",
            Self::MediaItems => "media_items",
            Self::AwardApplications => "award_applications",
            Self::Forums => "forums",
            Self::ForumMembers => "forum_memberships",
            Self::Committees => "committees",
            Self::CommitteeMembers => "committee_members",
            Self::SelfReports => "self_reports",
            Self::EventInvitations => "event_invitations",
            Self::Speakers => "speakers",
            Self::Mentorships => "mentorships",
            Self::Trainings => "trainings",
            Self::Budgets => "budgets",
            Self::Spendings => "spendings",
            Self::Referrals => "referrals",
        }
    }

    /// The kind with the key `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        [
            Self::Members,
            Self::Memberships,
            Self::DuesInvoices,
            Self::Events,
            Self::Attendances,
            Self::Goals,
            Self::BoardSeats,
            Self::BoardTerms,
            Self::ServiceProjects,
            Self::Partnerships,
            Self::MediaItems,
            Self::AwardApplications,
            Self::Forums,
            Self::ForumMembers,
            Self::Committees,
            Self::CommitteeMembers,
            Self::SelfReports,
            Self::EventInvitations,
            Self::Speakers,
            Self::Mentorships,
            Self::Trainings,
            Self::Budgets,
            Self::Spendings,
            Self::Referrals,
        ]
        .into_iter()
        .find(|kind| kind.key() == key)
    }
}

/// A kind of file the import reads, with its columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportKind {
    /// The kind.
    pub kind: FactFileKind,
    /// The columns a file must have.
    pub required: Vec<String>,
    /// The columns it may have besides.
    pub optional: Vec<String>,
}

/// One import in the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportHistoryRow {
    /// The import's id.
    pub id: i32,
    /// When it was written (formatted for the reader).
    pub when: String,
    /// What kind of facts it wrote (`None`: a kind this version does not import).
    pub kind: Option<FactFileKind>,
    /// Who ran it.
    pub by: String,
    /// Where it came from (a file's name, the API, the command line).
    pub source: String,
    /// Rows read.
    pub rows: u64,
    /// Facts created.
    pub created: u64,
    /// Facts changed.
    pub changed: u64,
    /// When and by whom it was rolled back (formatted), if it was.
    pub rolled_back: Option<String>,
}

/// What a rollback did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollbackReport {
    /// Facts removed (the import had created them).
    pub removed: u64,
    /// Facts given their previous values back.
    pub restored: u64,
}

/// The import history as its download has it, in the reader's `locale`: when, source, by,
/// rows, new, changed, and whether it is in place or when it was rolled back.
pub fn history_table(
    rows: &[ImportHistoryRow],
    locale: crate::i18n::Locale,
) -> crate::models::chart::DataTable {
    use crate::i18n::{Msg, fact_kind_label, t};
    use crate::models::chart::{DataTable, TableCell};

    let count = |n: u64| TableCell::Number {
        value: Some(n as f64),
        text: crate::i18n::format_count(locale, n),
    };
    DataTable {
        columns: [
            Msg::ColumnWhen,
            Msg::ColumnKind,
            Msg::ColumnSource,
            Msg::ColumnImportedBy,
            Msg::ColumnRows,
            Msg::ColumnNew,
            Msg::ColumnChanged,
            Msg::ColumnStatus,
        ]
        .into_iter()
        .map(|msg| t(locale, msg).to_owned())
        .collect(),
        rows: rows
            .iter()
            .map(|row| {
                let status = match &row.rolled_back {
                    Some(when) => format!("{} {when}", t(locale, Msg::RolledBackOn)),
                    None => t(locale, Msg::ImportInPlace).to_owned(),
                };
                vec![
                    TableCell::Text(row.when.clone()),
                    TableCell::Text(
                        row.kind
                            .map(|kind| fact_kind_label(locale, kind).to_owned())
                            .unwrap_or_default(),
                    ),
                    TableCell::Text(row.source.clone()),
                    TableCell::Text(row.by.clone()),
                    count(row.rows),
                    count(row.created),
                    count(row.changed),
                    TableCell::Text(status),
                ]
            })
            .collect(),
    }
}
