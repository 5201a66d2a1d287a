//! Importing a file of any importable kind of fact: the kind names its file's columns and
//! its planner; the file is checked whole (a preview of what would be created, changed
//! and left alone, and every problem by line, column and value), then written in one
//! transaction only when it has no problem, recorded in the import history, and the KPIs
//! it moves are recomputed.

use std::io::{Read, Seek};

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::DomainError;
use crate::attendance_import::{self, AttendanceImport, AttendanceRecord, CheckedFile};
use crate::award_sync::{self, AwardRecord, AwardSync, CheckedAwards};
use crate::board_seat_sync::{self, BoardSeatRecord, BoardSeatSync, CheckedBoardSeats};
use crate::board_term_sync::{self, BoardTermRecord, BoardTermSync, CheckedBoardTerms};
use crate::budget_sync::{self, BudgetRecord, BudgetSync, CheckedBudgets};
use crate::committee_member_sync::{
    self, CheckedCommitteeMembers, CommitteeMemberRecord, CommitteeMemberSync,
};
use crate::committee_sync::{self, CheckedCommittees, CommitteeRecord, CommitteeSync};
use crate::dues_sync::{self, CheckedDues, DuesRecord, DuesSync};
use crate::event_role_sync::{
    self, CheckedEventRoles, EventRoleRecord, EventRoleSync, InvitationTable, SpeakerTable,
};
use crate::event_sync::{self, CheckedEvents, EventRecord, EventSync};
use crate::fact_file::{ColumnMapping, FileFormat, FileLayout, ImportPreview, batch};
use crate::forum_member_sync::{self, CheckedForumMembers, ForumMemberRecord, ForumMemberSync};
use crate::goal_sync::{self, CheckedGoals, GoalRecord, GoalSync};
use crate::import_history::ImportOrigin;
use crate::kpi_engine::RecomputeReport;
use crate::media_sync::{self, CheckedMedia, MediaRecord, MediaSync};
use crate::member_sync::{self, CheckedMembers, MemberRecord, MemberSync};
use crate::membership_sync::{self, CheckedMemberships, MembershipRecord, MembershipSync};
use crate::mentorship_sync::{self, CheckedMentorships, MentorshipRecord, MentorshipSync};
use crate::referral_sync::{self, CheckedReferrals, ReferralRecord, ReferralSync};
use crate::self_report_sync::{self, CheckedSelfReports, SelfReportRecord, SelfReportSync};
use crate::span_sync::{
    self, CheckedSpans, ForumTable, PartnershipTable, ServiceProjectTable, SpanRecord, SpanSync,
};
use crate::spending_sync::{self, CheckedSpendings, SpendingRecord, SpendingSync};
use crate::training_sync::{self, CheckedTrainings, TrainingRecord, TrainingSync};

/// A kind of fact a file can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FactKind {
    /// Who attended which held event.
    Attendances,
    /// Members by number: names, e-mail, company.
    Members,
    /// Membership terms: a member in a cluster from a day, with renewal.
    Memberships,
    /// Dues invoices with their payments.
    DuesInvoices,
    /// Events with their hosts, starts and statuses.
    Events,
    /// Clusters' goals per fiscal year, with whether each was achieved.
    Goals,
    /// The seats of clusters' boards.
    BoardSeats,
    /// Members' terms on board seats, with successors.
    BoardTerms,
    /// Clusters' community service projects.
    ServiceProjects,
    /// Clusters' partnerships with outside organizations.
    Partnerships,
    /// Media coverage of clusters.
    MediaItems,
    /// Award applications by clusters and their members.
    AwardApplications,
    /// Clusters' forums.
    Forums,
    /// Forum members and moderators.
    ForumMembers,
    /// Clusters' committees.
    Committees,
    /// Committee members.
    CommitteeMembers,
    /// Members' self-reports: activity, event participation, volunteer hours.
    SelfReports,
    /// Who was invited to which event.
    EventInvitations,
    /// Who spoke at which event, on what.
    Speakers,
    /// Mentorships: a member mentoring another in a cluster.
    Mentorships,
    /// Courses members completed.
    Trainings,
    /// Clusters' yearly budgets.
    Budgets,
    /// Clusters' spendings.
    Spendings,
    /// Prospective members referred from one cluster to another.
    Referrals,
}

impl FactKind {
    /// Every importable kind, in the order the import page offers them: a kind after the
    /// kinds its rows name.
    pub const ALL: [Self; 24] = [
        Self::Members,
        Self::Memberships,
        Self::DuesInvoices,
        Self::Forums,
        Self::ForumMembers,
        Self::Committees,
        Self::CommitteeMembers,
        Self::Events,
        Self::EventInvitations,
        Self::Attendances,
        Self::Speakers,
        Self::Goals,
        Self::BoardSeats,
        Self::BoardTerms,
        Self::ServiceProjects,
        Self::Partnerships,
        Self::MediaItems,
        Self::AwardApplications,
        Self::SelfReports,
        Self::Mentorships,
        Self::Trainings,
        Self::Budgets,
        Self::Spendings,
        Self::Referrals,
    ];

    /// The columns of its files; `layout().kind` is its key (`attendances`).
    pub fn layout(self) -> &'static FileLayout {
        match self {
            Self::Attendances => &attendance_import::LAYOUT,
            Self::Members => &member_sync::LAYOUT,
            Self::Memberships => &membership_sync::LAYOUT,
            Self::DuesInvoices => &dues_sync::LAYOUT,
            Self::Events => &event_sync::LAYOUT,
            Self::Goals => &goal_sync::LAYOUT,
            Self::BoardSeats => &board_seat_sync::LAYOUT,
            Self::BoardTerms => &board_term_sync::LAYOUT,
            Self::ServiceProjects => &span_sync::PROJECT_LAYOUT,
            Self::Partnerships => &span_sync::PARTNERSHIP_LAYOUT,
            Self::MediaItems => &media_sync::LAYOUT,
            Self::AwardApplications => &award_sync::LAYOUT,
            Self::Forums => &span_sync::FORUM_LAYOUT,
            Self::ForumMembers => &forum_member_sync::LAYOUT,
            Self::Committees => &committee_sync::LAYOUT,
            Self::CommitteeMembers => &committee_member_sync::LAYOUT,
            Self::SelfReports => &self_report_sync::LAYOUT,
            Self::EventInvitations => &event_role_sync::INVITATION_LAYOUT,
            Self::Speakers => &event_role_sync::SPEAKER_LAYOUT,
            Self::Mentorships => &mentorship_sync::LAYOUT,
            Self::Trainings => &training_sync::LAYOUT,
            Self::Budgets => &budget_sync::LAYOUT,
            Self::Spendings => &spending_sync::LAYOUT,
            Self::Referrals => &referral_sync::LAYOUT,
        }
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub enum CheckedImport {
    /// A file of attendances.
    Attendances(CheckedFile),
    /// A file of members.
    Members(CheckedMembers),
    /// A file of memberships.
    Memberships(CheckedMemberships),
    /// A file of dues invoices.
    DuesInvoices(CheckedDues),
    /// A file of events.
    Events(CheckedEvents),
    /// A file of goals.
    Goals(CheckedGoals),
    /// A file of board seats.
    BoardSeats(CheckedBoardSeats),
    /// A file of board terms.
    BoardTerms(CheckedBoardTerms),
    /// A file of service projects.
    ServiceProjects(CheckedSpans),
    /// A file of partnerships.
    Partnerships(CheckedSpans),
    /// A file of media items.
    MediaItems(CheckedMedia),
    /// A file of award applications.
    AwardApplications(CheckedAwards),
    /// A file of forums.
    Forums(CheckedSpans),
    /// A file of forum members.
    ForumMembers(CheckedForumMembers),
    /// A file of committees.
    Committees(CheckedCommittees),
    /// A file of committee members.
    CommitteeMembers(CheckedCommitteeMembers),
    /// A file of self-reports.
    SelfReports(CheckedSelfReports),
    /// A file of invitations.
    EventInvitations(CheckedEventRoles),
    /// A file of speakers.
    Speakers(CheckedEventRoles),
    /// A file of mentorships.
    Mentorships(CheckedMentorships),
    /// A file of trainings.
    Trainings(CheckedTrainings),
    /// A file of budgets.
    Budgets(CheckedBudgets),
    /// A file of spendings.
    Spendings(CheckedSpendings),
    /// A file of referrals.
    Referrals(CheckedReferrals),
}

impl CheckedImport {
    /// What importing the file would do, and its problems.
    pub fn preview(&self) -> &ImportPreview {
        match self {
            Self::Attendances(checked) => &checked.preview,
            Self::Members(checked) => &checked.preview,
            Self::Memberships(checked) => &checked.preview,
            Self::DuesInvoices(checked) => &checked.preview,
            Self::Events(checked) => &checked.preview,
            Self::Goals(checked) => &checked.preview,
            Self::BoardSeats(checked) => &checked.preview,
            Self::BoardTerms(checked) => &checked.preview,
            Self::ServiceProjects(checked) => &checked.preview,
            Self::Partnerships(checked) => &checked.preview,
            Self::MediaItems(checked) => &checked.preview,
            Self::AwardApplications(checked) => &checked.preview,
            Self::Forums(checked) => &checked.preview,
            Self::ForumMembers(checked) => &checked.preview,
            Self::Committees(checked) => &checked.preview,
            Self::CommitteeMembers(checked) => &checked.preview,
            Self::SelfReports(checked) => &checked.preview,
            Self::EventInvitations(checked) | Self::Speakers(checked) => &checked.preview,
            Self::Mentorships(checked) => &checked.preview,
            Self::Trainings(checked) => &checked.preview,
            Self::Budgets(checked) => &checked.preview,
            Self::Spendings(checked) => &checked.preview,
            Self::Referrals(checked) => &checked.preview,
        }
    }
}

/// A batch of records of one kind, as an integration sends it.
pub enum FactBatch {
    /// Attendances.
    Attendances(Vec<AttendanceRecord>),
    /// Members.
    Members(Vec<MemberRecord>),
    /// Membership terms.
    Memberships(Vec<MembershipRecord>),
    /// Dues invoices.
    DuesInvoices(Vec<DuesRecord>),
    /// Events.
    Events(Vec<EventRecord>),
    /// Goals.
    Goals(Vec<GoalRecord>),
    /// Board seats.
    BoardSeats(Vec<BoardSeatRecord>),
    /// Board terms.
    BoardTerms(Vec<BoardTermRecord>),
    /// Service projects.
    ServiceProjects(Vec<SpanRecord>),
    /// Partnerships.
    Partnerships(Vec<SpanRecord>),
    /// Media items.
    MediaItems(Vec<MediaRecord>),
    /// Award applications.
    AwardApplications(Vec<AwardRecord>),
    /// Forums.
    Forums(Vec<SpanRecord>),
    /// Forum members.
    ForumMembers(Vec<ForumMemberRecord>),
    /// Committees.
    Committees(Vec<CommitteeRecord>),
    /// Committee members.
    CommitteeMembers(Vec<CommitteeMemberRecord>),
    /// Self-reports.
    SelfReports(Vec<SelfReportRecord>),
    /// Invitations.
    EventInvitations(Vec<EventRoleRecord>),
    /// Speakers.
    Speakers(Vec<EventRoleRecord>),
    /// Mentorships.
    Mentorships(Vec<MentorshipRecord>),
    /// Trainings.
    Trainings(Vec<TrainingRecord>),
    /// Budgets.
    Budgets(Vec<BudgetRecord>),
    /// Spendings.
    Spendings(Vec<SpendingRecord>),
    /// Referrals.
    Referrals(Vec<ReferralRecord>),
}

impl FactBatch {
    /// How many records it holds.
    pub fn len(&self) -> usize {
        match self {
            Self::Attendances(records) => records.len(),
            Self::Members(records) => records.len(),
            Self::Memberships(records) => records.len(),
            Self::DuesInvoices(records) => records.len(),
            Self::Events(records) => records.len(),
            Self::Goals(records) => records.len(),
            Self::BoardSeats(records) => records.len(),
            Self::BoardTerms(records) => records.len(),
            Self::ServiceProjects(records)
            | Self::Partnerships(records)
            | Self::Forums(records) => records.len(),
            Self::MediaItems(records) => records.len(),
            Self::AwardApplications(records) => records.len(),
            Self::ForumMembers(records) => records.len(),
            Self::Committees(records) => records.len(),
            Self::CommitteeMembers(records) => records.len(),
            Self::SelfReports(records) => records.len(),
            Self::EventInvitations(records) | Self::Speakers(records) => records.len(),
            Self::Mentorships(records) => records.len(),
            Self::Trainings(records) => records.len(),
            Self::Budgets(records) => records.len(),
            Self::Spendings(records) => records.len(),
            Self::Referrals(records) => records.len(),
        }
    }

    /// Whether it holds no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A written import.
#[derive(Clone, Debug)]
pub struct ImportOutcome {
    /// What was written.
    pub preview: ImportPreview,
    /// The KPI recompute that followed; `None` when it failed (the facts are saved, and the
    /// next recompute catches up) or nothing needed it.
    pub recompute: Option<RecomputeReport>,
    /// The import in the history; `None` when nothing was written.
    pub import_id: Option<i32>,
}

/// Imports fact files of every kind.
pub struct FactImport;

impl FactImport {
    /// Checks `file`, a file of `kind` in `format` whose headers name columns as `mapping`
    /// says; writes nothing. `today` bounds the dates a file may hold.
    #[tracing::instrument(skip(db, file, mapping), err)]
    pub async fn check<C: ConnectionTrait>(
        db: &C,
        kind: FactKind,
        format: FileFormat,
        file: impl Read + Seek + Send,
        mapping: &ColumnMapping,
        today: NaiveDate,
    ) -> Result<CheckedImport, DomainError> {
        let layout = kind.layout();
        Ok(match kind {
            FactKind::Attendances => CheckedImport::Attendances(
                AttendanceImport::check_file(
                    db,
                    layout.file(format, file, mapping, attendance_import::record),
                )
                .await?,
            ),
            FactKind::Members => CheckedImport::Members(
                MemberSync::check_records(
                    db,
                    layout.file(format, file, mapping, member_sync::record),
                )
                .await?,
            ),
            FactKind::Memberships => CheckedImport::Memberships(
                MembershipSync::check_records(
                    db,
                    layout.file(format, file, mapping, membership_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::DuesInvoices => CheckedImport::DuesInvoices(
                DuesSync::check_records(
                    db,
                    layout.file(format, file, mapping, dues_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::Events => CheckedImport::Events(
                EventSync::check_records(
                    db,
                    layout.file(format, file, mapping, event_sync::record),
                    end_of(today),
                )
                .await?,
            ),
            FactKind::Goals => CheckedImport::Goals(
                GoalSync::check_records(
                    db,
                    layout.file(format, file, mapping, goal_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::BoardSeats => CheckedImport::BoardSeats(
                BoardSeatSync::check_records(
                    db,
                    layout.file(format, file, mapping, board_seat_sync::record),
                )
                .await?,
            ),
            FactKind::BoardTerms => CheckedImport::BoardTerms(
                BoardTermSync::check_records(
                    db,
                    layout.file(format, file, mapping, board_term_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::ServiceProjects => CheckedImport::ServiceProjects(
                SpanSync::check_records::<ServiceProjectTable, _>(
                    db,
                    layout.file(format, file, mapping, span_sync::project_record),
                    today,
                )
                .await?,
            ),
            FactKind::Partnerships => CheckedImport::Partnerships(
                SpanSync::check_records::<PartnershipTable, _>(
                    db,
                    layout.file(format, file, mapping, span_sync::partnership_record),
                    today,
                )
                .await?,
            ),
            FactKind::MediaItems => CheckedImport::MediaItems(
                MediaSync::check_records(
                    db,
                    layout.file(format, file, mapping, media_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::AwardApplications => CheckedImport::AwardApplications(
                AwardSync::check_records(
                    db,
                    layout.file(format, file, mapping, award_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::Forums => CheckedImport::Forums(
                SpanSync::check_records::<ForumTable, _>(
                    db,
                    layout.file(format, file, mapping, span_sync::forum_record),
                    today,
                )
                .await?,
            ),
            FactKind::ForumMembers => CheckedImport::ForumMembers(
                ForumMemberSync::check_records(
                    db,
                    layout.file(format, file, mapping, forum_member_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::Committees => CheckedImport::Committees(
                CommitteeSync::check_records(
                    db,
                    layout.file(format, file, mapping, committee_sync::record),
                )
                .await?,
            ),
            FactKind::CommitteeMembers => CheckedImport::CommitteeMembers(
                CommitteeMemberSync::check_records(
                    db,
                    layout.file(format, file, mapping, committee_member_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::SelfReports => CheckedImport::SelfReports(
                SelfReportSync::check_records(
                    db,
                    layout.file(format, file, mapping, self_report_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::EventInvitations => CheckedImport::EventInvitations(
                EventRoleSync::check_records::<InvitationTable, _>(
                    db,
                    layout.file(format, file, mapping, event_role_sync::invitation_record),
                )
                .await?,
            ),
            FactKind::Speakers => CheckedImport::Speakers(
                EventRoleSync::check_records::<SpeakerTable, _>(
                    db,
                    layout.file(format, file, mapping, event_role_sync::speaker_record),
                )
                .await?,
            ),
            FactKind::Mentorships => CheckedImport::Mentorships(
                MentorshipSync::check_records(
                    db,
                    layout.file(format, file, mapping, mentorship_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::Trainings => CheckedImport::Trainings(
                TrainingSync::check_records(
                    db,
                    layout.file(format, file, mapping, training_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::Budgets => CheckedImport::Budgets(
                BudgetSync::check_records(
                    db,
                    layout.file(format, file, mapping, budget_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::Spendings => CheckedImport::Spendings(
                SpendingSync::check_records(
                    db,
                    layout.file(format, file, mapping, spending_sync::record),
                    today,
                )
                .await?,
            ),
            FactKind::Referrals => CheckedImport::Referrals(
                ReferralSync::check_records(
                    db,
                    layout.file(format, file, mapping, referral_sync::record),
                    today,
                )
                .await?,
            ),
        })
    }

    /// Checks a batch like a file; writes nothing. A problem's `line` is the record's
    /// position in the batch, counted from 0.
    #[tracing::instrument(skip_all, err)]
    pub async fn check_batch<C: ConnectionTrait>(
        db: &C,
        facts: FactBatch,
        today: NaiveDate,
    ) -> Result<CheckedImport, DomainError> {
        Ok(match facts {
            FactBatch::Attendances(records) => {
                CheckedImport::Attendances(AttendanceImport::check_records(db, records).await?)
            }
            FactBatch::Members(records) => {
                CheckedImport::Members(MemberSync::check(db, records).await?)
            }
            FactBatch::Memberships(records) => {
                CheckedImport::Memberships(MembershipSync::check(db, records, today).await?)
            }
            FactBatch::DuesInvoices(records) => CheckedImport::DuesInvoices(
                DuesSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::Events(records) => CheckedImport::Events(
                EventSync::check_records(db, batch(records), end_of(today)).await?,
            ),
            FactBatch::Goals(records) => {
                CheckedImport::Goals(GoalSync::check_records(db, batch(records), today).await?)
            }
            FactBatch::BoardSeats(records) => {
                CheckedImport::BoardSeats(BoardSeatSync::check_records(db, batch(records)).await?)
            }
            FactBatch::BoardTerms(records) => CheckedImport::BoardTerms(
                BoardTermSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::ServiceProjects(records) => CheckedImport::ServiceProjects(
                SpanSync::check_records::<ServiceProjectTable, _>(db, batch(records), today)
                    .await?,
            ),
            FactBatch::SelfReports(records) => CheckedImport::SelfReports(
                SelfReportSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::Committees(records) => {
                CheckedImport::Committees(CommitteeSync::check_records(db, batch(records)).await?)
            }
            FactBatch::CommitteeMembers(records) => CheckedImport::CommitteeMembers(
                CommitteeMemberSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::ForumMembers(records) => CheckedImport::ForumMembers(
                ForumMemberSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::Forums(records) => CheckedImport::Forums(
                SpanSync::check_records::<ForumTable, _>(db, batch(records), today).await?,
            ),
            FactBatch::MediaItems(records) => CheckedImport::MediaItems(
                MediaSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::AwardApplications(records) => CheckedImport::AwardApplications(
                AwardSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::Partnerships(records) => CheckedImport::Partnerships(
                SpanSync::check_records::<PartnershipTable, _>(db, batch(records), today).await?,
            ),
            FactBatch::EventInvitations(records) => CheckedImport::EventInvitations(
                EventRoleSync::check_records::<InvitationTable, _>(db, batch(records)).await?,
            ),
            FactBatch::Speakers(records) => CheckedImport::Speakers(
                EventRoleSync::check_records::<SpeakerTable, _>(db, batch(records)).await?,
            ),
            FactBatch::Mentorships(records) => CheckedImport::Mentorships(
                MentorshipSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::Trainings(records) => CheckedImport::Trainings(
                TrainingSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::Budgets(records) => {
                CheckedImport::Budgets(BudgetSync::check_records(db, batch(records), today).await?)
            }
            FactBatch::Spendings(records) => CheckedImport::Spendings(
                SpendingSync::check_records(db, batch(records), today).await?,
            ),
            FactBatch::Referrals(records) => CheckedImport::Referrals(
                ReferralSync::check_records(db, batch(records), today).await?,
            ),
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused with its
    /// problems otherwise, and nothing is written), records it in the import history as
    /// coming from `origin`, then recomputes the KPIs it moves.
    pub async fn write(
        db: &DatabaseConnection,
        checked: CheckedImport,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        Ok(match checked {
            CheckedImport::Attendances(checked) => {
                AttendanceImport::write(db, checked, origin, today).await?
            }
            CheckedImport::Members(checked) => {
                let outcome = MemberSync::write(db, checked, origin).await?;
                ImportOutcome {
                    preview: outcome.preview,
                    recompute: None,
                    import_id: outcome.import_id,
                }
            }
            CheckedImport::Memberships(checked) => {
                let outcome = MembershipSync::write(db, checked, origin, today).await?;
                ImportOutcome {
                    preview: outcome.preview,
                    recompute: outcome.recompute,
                    import_id: outcome.import_id,
                }
            }
            CheckedImport::DuesInvoices(checked) => {
                DuesSync::write(db, checked, origin, today).await?
            }
            CheckedImport::Events(checked) => EventSync::write(db, checked, origin, today).await?,
            CheckedImport::Goals(checked) => GoalSync::write(db, checked, origin, today).await?,
            CheckedImport::BoardSeats(checked) => {
                BoardSeatSync::write(db, checked, origin, today).await?
            }
            CheckedImport::BoardTerms(checked) => {
                BoardTermSync::write(db, checked, origin, today).await?
            }
            CheckedImport::ServiceProjects(checked)
            | CheckedImport::Partnerships(checked)
            | CheckedImport::Forums(checked) => SpanSync::write(db, checked, origin, today).await?,
            CheckedImport::SelfReports(checked) => {
                SelfReportSync::write(db, checked, origin, today).await?
            }
            CheckedImport::Committees(checked) => {
                CommitteeSync::write(db, checked, origin, today).await?
            }
            CheckedImport::CommitteeMembers(checked) => {
                CommitteeMemberSync::write(db, checked, origin, today).await?
            }
            CheckedImport::ForumMembers(checked) => {
                ForumMemberSync::write(db, checked, origin, today).await?
            }
            CheckedImport::MediaItems(checked) => {
                MediaSync::write(db, checked, origin, today).await?
            }
            CheckedImport::AwardApplications(checked) => {
                AwardSync::write(db, checked, origin, today).await?
            }
            CheckedImport::EventInvitations(checked) | CheckedImport::Speakers(checked) => {
                EventRoleSync::write(db, checked, origin, today).await?
            }
            CheckedImport::Mentorships(checked) => {
                MentorshipSync::write(db, checked, origin, today).await?
            }
            CheckedImport::Trainings(checked) => {
                TrainingSync::write(db, checked, origin, today).await?
            }
            CheckedImport::Budgets(checked) => {
                BudgetSync::write(db, checked, origin, today).await?
            }
            CheckedImport::Spendings(checked) => {
                SpendingSync::write(db, checked, origin, today).await?
            }
            CheckedImport::Referrals(checked) => {
                ReferralSync::write(db, checked, origin, today).await?
            }
        })
    }
}

/// The last second of `day`: whatever starts that day may have been held by the time a
/// file of it is read.
fn end_of(day: NaiveDate) -> chrono::NaiveDateTime {
    day.and_hms_opt(23, 59, 59).unwrap_or_default()
}
