//! The fact sources a metric definition can name: each is a SQL relation over the fact
//! tables with a cluster column and typed fields. Plain tables are sources; the few
//! definitions that need more (a member's first membership, board service years, a
//! speaker's cluster) get derived sources, so that the metrics over them stay data.

use super::dialect::Dialect;

/// The type of a source field, which decides the filters and aggregates it allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// A row id (compared for equality, counted distinct).
    Id,
    /// A calendar date.
    Date,
    /// A date and time.
    DateTime,
    /// A whole number.
    Integer,
    /// A number that can be added up.
    Number,
    /// A short text from a closed vocabulary.
    Text,
    /// True or false.
    Flag,
}

impl FieldType {
    /// Whether a date placement can use the field.
    pub fn is_date(self) -> bool {
        matches!(self, Self::Date | Self::DateTime)
    }

    /// Whether `sum` can use the field.
    pub fn is_summable(self) -> bool {
        matches!(self, Self::Integer | Self::Number)
    }

    /// The type in words.
    pub fn words(self) -> &'static str {
        match self {
            Self::Id => "an id",
            Self::Date => "a date",
            Self::DateTime => "a date and time",
            Self::Integer => "a whole number",
            Self::Number => "a number",
            Self::Text => "a text",
            Self::Flag => "true or false",
        }
    }
}

/// One fact source.
#[derive(Clone, Copy, Debug)]
pub struct FactSource {
    /// The name definitions use.
    pub name: &'static str,
    /// What one row is, in words.
    pub row: &'static str,
    /// The fact tables it reads (a change to one of them can change its metrics).
    pub tables: &'static [&'static str],
    /// Its fields; `cluster_id` is the cluster a row is credited to.
    pub fields: &'static [(&'static str, FieldType)],
    relation: fn(Dialect) -> String,
}

impl FactSource {
    /// The source's SQL relation (a `SELECT` naming every field).
    pub fn relation(&self, dialect: Dialect) -> String {
        (self.relation)(dialect)
    }

    /// The type of a field, if the source has it.
    pub fn field(&self, name: &str) -> Option<FieldType> {
        self.fields
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, ty)| *ty)
    }

    /// The field names, for error messages.
    pub fn field_names(&self) -> String {
        self.fields
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Finds a source by name.
pub fn fact_source(name: &str) -> Option<&'static FactSource> {
    FACT_SOURCES.iter().find(|source| source.name == name)
}

/// Every source's name, for error messages.
pub fn fact_source_names() -> String {
    FACT_SOURCES
        .iter()
        .map(|source| source.name)
        .collect::<Vec<_>>()
        .join(", ")
}

use FieldType::{Date, DateTime, Flag, Id, Integer, Number, Text};

const EVENT_FIELDS: &str = "e.id AS event_id, e.host_cluster_id AS cluster_id, e.kind, e.status, \
     e.scheduled_start, e.forum_id, e.committee_id, e.region_id";

/// Dates that follow from a key in every source that has both: rows with the same key
/// carry the same date (an event's scheduled start, whichever source reads it).
pub const DATES_OF_KEYS: &[(&str, &str)] = &[("scheduled_start", "event_id")];

/// The registry.
pub static FACT_SOURCES: &[FactSource] = &[
    FactSource {
        name: "memberships",
        row: "a membership of a member in a cluster",
        tables: &["memberships"],
        fields: &[
            ("membership_id", Id),
            ("cluster_id", Id),
            ("member_id", Id),
            ("start_date", Date),
            ("end_date", Date),
            ("renewal_due_on", Date),
            ("renewal_outcome", Text),
        ],
        relation: |_| {
            "SELECT id AS membership_id, cluster_id, member_id, start_date, end_date, \
             renewal_due_on, renewal_outcome FROM memberships"
                .into()
        },
    },
    FactSource {
        name: "first_memberships",
        row: "a member's first membership in the organization, in the cluster it started in",
        tables: &["memberships"],
        fields: &[("cluster_id", Id), ("member_id", Id), ("start_date", Date)],
        relation: |_| {
            "SELECT m.cluster_id, m.member_id, m.start_date FROM memberships m \
             WHERE NOT EXISTS (SELECT 1 FROM memberships o \
             WHERE o.member_id = m.member_id AND o.start_date < m.start_date)"
                .into()
        },
    },
    FactSource {
        name: "dues_invoices",
        row: "a dues invoice of a member",
        tables: &["dues_invoices"],
        fields: &[
            ("cluster_id", Id),
            ("member_id", Id),
            ("due_on", Date),
            ("paid_on", Date),
            ("amount_cents", Integer),
            ("paid_cents", Integer),
            ("reserved_cents", Integer),
        ],
        relation: |_| {
            "SELECT cluster_id, member_id, due_on, paid_on, amount_cents, paid_cents, \
             reserved_cents FROM dues_invoices"
                .into()
        },
    },
    FactSource {
        name: "forum_memberships",
        row: "a member's seat in a forum (member or moderator), credited to the forum's cluster",
        tables: &["forum_memberships", "forums"],
        fields: &[
            ("cluster_id", Id),
            ("forum_id", Id),
            ("member_id", Id),
            ("role", Text),
            ("trained", Flag),
            ("start_date", Date),
            ("end_date", Date),
        ],
        relation: |_| {
            "SELECT f.cluster_id, fm.forum_id, fm.member_id, fm.role, fm.trained, \
             fm.start_date, fm.end_date FROM forum_memberships fm JOIN forums f ON f.id = fm.forum_id"
                .into()
        },
    },
    FactSource {
        name: "events",
        row: "an event, credited to its host cluster",
        tables: &["events"],
        fields: &[
            ("event_id", Id),
            ("cluster_id", Id),
            ("kind", Text),
            ("status", Text),
            ("scheduled_start", DateTime),
            ("forum_id", Id),
            ("committee_id", Id),
            ("region_id", Id),
        ],
        relation: |_| format!("SELECT {EVENT_FIELDS} FROM events e"),
    },
    FactSource {
        name: "invitations",
        row: "an invitation of a member to an event, credited to the event's host cluster",
        tables: &["event_invitations", "events"],
        fields: &[
            ("event_id", Id),
            ("cluster_id", Id),
            ("member_id", Id),
            ("kind", Text),
            ("status", Text),
            ("scheduled_start", DateTime),
            ("forum_id", Id),
            ("committee_id", Id),
            ("region_id", Id),
        ],
        relation: |_| {
            format!(
                "SELECT {EVENT_FIELDS}, i.member_id FROM event_invitations i \
                 JOIN events e ON e.id = i.event_id"
            )
        },
    },
    FactSource {
        name: "attendances",
        row: "a member's attendance at an event, credited to the event's host cluster",
        tables: &["attendances", "events"],
        fields: &[
            ("event_id", Id),
            ("cluster_id", Id),
            ("member_id", Id),
            ("kind", Text),
            ("status", Text),
            ("scheduled_start", DateTime),
            ("forum_id", Id),
            ("committee_id", Id),
            ("region_id", Id),
            ("joined_at", DateTime),
            ("minutes_late", Number),
        ],
        relation: |dialect| {
            format!(
                "SELECT {EVENT_FIELDS}, a.member_id, a.joined_at, \
                 {} / 60.0 AS minutes_late FROM attendances a JOIN events e ON e.id = a.event_id",
                dialect.seconds_between("e.scheduled_start", "a.joined_at")
            )
        },
    },
    FactSource {
        name: "speakers",
        row: "a member speaking at an event, credited to the speaker's cluster on that day",
        tables: &["speakers", "events", "memberships"],
        fields: &[
            ("event_id", Id),
            ("cluster_id", Id),
            ("member_id", Id),
            ("kind", Text),
            ("status", Text),
            ("scheduled_start", DateTime),
        ],
        relation: |_| {
            "SELECT e.id AS event_id, m.cluster_id, sp.member_id, e.kind, e.status, \
             e.scheduled_start FROM speakers sp JOIN events e ON e.id = sp.event_id \
             JOIN memberships m ON m.member_id = sp.member_id AND m.start_date <= e.scheduled_start \
             AND (m.end_date IS NULL OR m.end_date >= e.scheduled_start)"
                .into()
        },
    },
    FactSource {
        name: "mentorships",
        row: "a mentorship pair; member_id is the mentee",
        tables: &["mentorships"],
        fields: &[
            ("cluster_id", Id),
            ("member_id", Id),
            ("mentor_id", Id),
            ("start_date", Date),
            ("end_date", Date),
        ],
        relation: |_| {
            "SELECT cluster_id, mentee_id AS member_id, mentor_id, start_date, end_date \
             FROM mentorships"
                .into()
        },
    },
    FactSource {
        name: "goals",
        row: "a goal a cluster set for a fiscal year",
        tables: &["goals"],
        fields: &[
            ("cluster_id", Id),
            ("year", Integer),
            ("recorded_on", Date),
            ("deadline", Date),
            ("achieved", Flag),
        ],
        relation: |_| "SELECT cluster_id, year, recorded_on, deadline, achieved FROM goals".into(),
    },
    FactSource {
        name: "board_seats",
        row: "a seat defined on a cluster's board",
        tables: &["board_seats"],
        fields: &[
            ("cluster_id", Id),
            ("board_seat_id", Id),
            ("is_leader", Flag),
        ],
        relation: |_| "SELECT cluster_id, id AS board_seat_id, is_leader FROM board_seats".into(),
    },
    FactSource {
        name: "board_terms",
        row: "a member's term on a board seat, credited to the seat's cluster",
        tables: &["board_terms", "board_seats"],
        fields: &[
            ("cluster_id", Id),
            ("board_seat_id", Id),
            ("member_id", Id),
            ("is_leader", Flag),
            ("start_date", Date),
            ("end_date", Date),
            ("successor_id", Id),
            ("successor_named_on", Date),
            ("successor_in_time", Flag),
        ],
        relation: |dialect| {
            format!(
                "SELECT s.cluster_id, t.board_seat_id, t.member_id, s.is_leader, t.start_date, \
                 t.end_date, t.successor_id, t.successor_named_on, \
                 CASE WHEN t.end_date IS NOT NULL AND t.successor_id IS NOT NULL \
                 AND t.successor_named_on < {} THEN {} ELSE {} END AS successor_in_time \
                 FROM board_terms t JOIN board_seats s ON s.id = t.board_seat_id",
                dialect.last_quarter_start("t.end_date"),
                dialect.flag(true),
                dialect.flag(false),
            )
        },
    },
    FactSource {
        name: "board_service_years",
        row: "a calendar year in which a member held a seat on a cluster's board, with the \
              number of consecutive years served up to it",
        tables: &["board_terms", "board_seats"],
        fields: &[
            ("cluster_id", Id),
            ("member_id", Id),
            ("year", Integer),
            ("consecutive_years", Integer),
        ],
        relation: |dialect| {
            let start = dialect.year("t.start_date");
            let end = dialect.year(&format!("COALESCE(t.end_date, {})", dialect.today()));
            // Gaps and islands: within one run of consecutive years, year - row number is
            // constant, so the run's first year is its minimum.
            format!(
                "WITH RECURSIVE spans (cluster_id, member_id, y, last_y) AS ( \
                 SELECT s.cluster_id, t.member_id, {start}, {end} FROM board_terms t \
                 JOIN board_seats s ON s.id = t.board_seat_id \
                 UNION ALL SELECT cluster_id, member_id, y + 1, last_y FROM spans WHERE y < last_y), \
                 served AS (SELECT DISTINCT cluster_id, member_id, y FROM spans), \
                 runs AS (SELECT cluster_id, member_id, y, \
                 y - ROW_NUMBER() OVER (PARTITION BY cluster_id, member_id ORDER BY y) AS run FROM served) \
                 SELECT cluster_id, member_id, y AS year, \
                 CAST(y - MIN(y) OVER (PARTITION BY cluster_id, member_id, run) + 1 AS INTEGER) \
                 AS consecutive_years FROM runs"
            )
        },
    },
    FactSource {
        name: "trainings",
        row: "a training course a member completed (no cluster: usable in links only)",
        tables: &["trainings"],
        fields: &[("member_id", Id), ("course", Text), ("completed_on", Date)],
        relation: |_| "SELECT member_id, course, completed_on FROM trainings".into(),
    },
    FactSource {
        name: "budgets",
        row: "a cluster's budget for a fiscal year",
        tables: &["budgets"],
        fields: &[
            ("cluster_id", Id),
            ("year", Integer),
            ("amount_cents", Integer),
            ("deadline", Date),
            ("submitted_on", Date),
        ],
        relation: |_| {
            "SELECT cluster_id, year, amount_cents, deadline, submitted_on FROM budgets".into()
        },
    },
    FactSource {
        name: "spendings",
        row: "an amount a cluster spent",
        tables: &["spendings"],
        fields: &[
            ("cluster_id", Id),
            ("spent_on", Date),
            ("amount_cents", Integer),
            ("category", Text),
        ],
        relation: |_| "SELECT cluster_id, spent_on, amount_cents, category FROM spendings".into(),
    },
    FactSource {
        name: "media_items",
        row: "a media coverage item of a cluster",
        tables: &["media_items"],
        fields: &[
            ("cluster_id", Id),
            ("published_on", Date),
            ("kind", Text),
            ("reach", Integer),
        ],
        relation: |_| "SELECT cluster_id, published_on, kind, reach FROM media_items".into(),
    },
    FactSource {
        name: "award_applications",
        row: "an award application by a cluster or one of its members",
        tables: &["award_applications"],
        fields: &[
            ("cluster_id", Id),
            ("member_id", Id),
            ("submitted_on", Date),
            ("outcome", Text),
        ],
        relation: |_| {
            "SELECT cluster_id, member_id, submitted_on, outcome FROM award_applications".into()
        },
    },
    FactSource {
        name: "self_reports",
        row: "a member's self-report for a month (activity, event participation or volunteer hours)",
        tables: &["self_reports"],
        fields: &[
            ("cluster_id", Id),
            ("member_id", Id),
            ("report_month", Date),
            ("kind", Text),
            ("due_on", Date),
            ("submitted_on", Date),
            ("hours", Number),
            ("status", Text),
        ],
        relation: |_| {
            "SELECT cluster_id, member_id, report_month, kind, due_on, submitted_on, hours, \
             status FROM self_reports"
                .into()
        },
    },
    FactSource {
        name: "service_projects",
        row: "a community service project of a cluster",
        tables: &["service_projects"],
        fields: &[
            ("cluster_id", Id),
            ("started_on", Date),
            ("completed_on", Date),
        ],
        relation: |_| "SELECT cluster_id, started_on, completed_on FROM service_projects".into(),
    },
    FactSource {
        name: "referrals",
        row: "a prospective member referred by a cluster (cluster_id) to another (to_cluster_id)",
        tables: &["referrals"],
        fields: &[
            ("cluster_id", Id),
            ("to_cluster_id", Id),
            ("referred_on", Date),
        ],
        relation: |_| {
            "SELECT from_cluster_id AS cluster_id, to_cluster_id, referred_on FROM referrals".into()
        },
    },
    FactSource {
        name: "partnerships",
        row: "a partnership of a cluster with an outside organization",
        tables: &["partnerships"],
        fields: &[("cluster_id", Id), ("start_date", Date), ("end_date", Date)],
        relation: |_| "SELECT cluster_id, start_date, end_date FROM partnerships".into(),
    },
];
