//! The closed vocabularies of the fact schema, stored as short strings so that the same
//! schema works on SQLite and PostgreSQL and imports can name them in plain text.

use sea_orm::entity::prelude::*;

/// What a membership term came to when it came up for renewal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum RenewalOutcome {
    /// The member renewed: a new term follows.
    #[sea_orm(string_value = "renewed")]
    Renewed,
    /// The member let the membership lapse.
    #[sea_orm(string_value = "lapsed")]
    Lapsed,
    /// Not decided yet.
    #[sea_orm(string_value = "pending")]
    Pending,
}

/// A member's role in a forum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum ForumRole {
    /// An ordinary forum member.
    #[sea_orm(string_value = "member")]
    Member,
    /// The forum's moderator.
    #[sea_orm(string_value = "moderator")]
    Moderator,
}

/// The kind of an event: it decides which metrics the event feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
pub enum EventKind {
    /// An event hosted by a cluster for its members.
    #[sea_orm(string_value = "cluster_event")]
    ClusterEvent,
    /// A meeting of one forum.
    #[sea_orm(string_value = "forum_meeting")]
    ForumMeeting,
    /// A call of one committee.
    #[sea_orm(string_value = "committee_call")]
    CommitteeCall,
    /// The organization's annual meeting.
    #[sea_orm(string_value = "annual_meeting")]
    AnnualMeeting,
    /// An event of a region, open to all its clusters.
    #[sea_orm(string_value = "regional_event")]
    RegionalEvent,
    /// An event of the whole organization.
    #[sea_orm(string_value = "global_event")]
    GlobalEvent,
    /// A program a cluster hosts for members of other clusters.
    #[sea_orm(string_value = "intercluster_program")]
    InterclusterProgram,
}

/// Whether an event took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum EventStatus {
    /// Still to come.
    #[sea_orm(string_value = "planned")]
    Planned,
    /// It took place.
    #[sea_orm(string_value = "held")]
    Held,
    /// Called off: never counts.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// The kind of a media coverage item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
pub enum MediaKind {
    /// The cluster is mentioned in an outside outlet.
    #[sea_orm(string_value = "mention")]
    Mention,
    /// A press release the cluster published.
    #[sea_orm(string_value = "press_release")]
    PressRelease,
    /// A post on the cluster's social media.
    #[sea_orm(string_value = "social_post")]
    SocialPost,
}

/// The outcome of an award application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum AwardOutcome {
    /// Not decided yet.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// The award was won.
    #[sea_orm(string_value = "won")]
    Won,
    /// Another applicant won.
    #[sea_orm(string_value = "lost")]
    Lost,
}

/// What a member reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
pub enum SelfReportKind {
    /// The monthly activity report every member owes.
    #[sea_orm(string_value = "activity")]
    Activity,
    /// Participation in an event outside the organization's records.
    #[sea_orm(string_value = "event_participation")]
    EventParticipation,
    /// Hours of volunteer work.
    #[sea_orm(string_value = "volunteer_hours")]
    VolunteerHours,
}

/// Where a self-report stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum SelfReportStatus {
    /// Due but not submitted yet.
    #[sea_orm(string_value = "expected")]
    Expected,
    /// Submitted, waiting for staff.
    #[sea_orm(string_value = "submitted")]
    Submitted,
    /// Verified by staff: counts towards the KPIs.
    #[sea_orm(string_value = "verified")]
    Verified,
    /// Rejected by staff, with a reason.
    #[sea_orm(string_value = "rejected")]
    Rejected,
}
