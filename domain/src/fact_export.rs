//! Facts out, as they come in: every stored fact of an importable kind as rows of text in
//! that kind's file columns, so an export opens as a spreadsheet and imports again (into
//! this organization, changing nothing, or into a new one).

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use sea_orm::{ConnectionTrait, QueryResult};

use crate::DomainError;
use crate::fact_file::flag_text;
use crate::fact_import::FactKind;
use crate::sql::statement;

/// A kind's facts as its file has them: the columns, then one row of text cells per fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactTable {
    /// The file's columns, required first.
    pub columns: Vec<&'static str>,
    /// One row per fact, a cell per column.
    pub rows: Vec<Vec<String>>,
}

/// Exporting facts.
pub struct FactExport;

impl FactExport {
    /// The facts of `kind` that concern the cluster with `code` (named in a cluster
    /// column: a referral by either cluster), in the order of [`Self::table`]; `None` when
    /// the kind's file names no cluster (members, attendances, trainings…).
    #[tracing::instrument(skip(db), err)]
    pub async fn cluster_table<C: ConnectionTrait>(
        db: &C,
        kind: FactKind,
        code: &str,
    ) -> Result<Option<FactTable>, DomainError> {
        let layout = kind.layout();
        let named: Vec<usize> = layout
            .required
            .iter()
            .chain(layout.optional)
            .enumerate()
            .filter(|(_, column)| column.ends_with("cluster_code"))
            .map(|(at, _)| at)
            .collect();
        if named.is_empty() {
            return Ok(None);
        }
        // Read whole and kept by cluster: one query per kind keeps each kind's order, and
        // the largest (events) is a few tens of thousands of rows.
        let mut table = Self::table(db, kind).await?;
        table.rows.retain(|row| {
            named
                .iter()
                .any(|&at| row.get(at).is_some_and(|c| c == code))
        });
        Ok(Some(table))
    }

    /// Every stored fact of `kind`, in a stable order (by natural key).
    #[tracing::instrument(skip(db), err)]
    pub async fn table<C: ConnectionTrait>(
        db: &C,
        kind: FactKind,
    ) -> Result<FactTable, DomainError> {
        let layout = kind.layout();
        let columns: Vec<&'static str> = layout
            .required
            .iter()
            .chain(layout.optional)
            .copied()
            .collect();
        let sql = match kind {
            FactKind::Members => {
                "SELECT member_number, first_name, last_name, email, company FROM members \
                 ORDER BY member_number"
            }
            FactKind::Memberships => {
                "SELECT m.member_number AS member_number, c.code AS cluster_code, \
                 ms.start_date AS start_date, ms.end_date AS end_date, \
                 ms.renewal_due_on AS renewal_due_on, ms.renewal_outcome AS renewal_outcome \
                 FROM memberships ms JOIN members m ON m.id = ms.member_id \
                 JOIN clusters c ON c.id = ms.cluster_id ORDER BY m.member_number, ms.start_date"
            }
            FactKind::DuesInvoices => {
                "SELECT d.invoice_number AS invoice_number, m.member_number AS member_number, \
                 c.code AS cluster_code, d.amount_cents AS amount_cents, d.due_on AS due_on, \
                 d.paid_on AS paid_on, d.paid_cents AS paid_cents, \
                 d.reserved_cents AS reserved_cents FROM dues_invoices d \
                 JOIN members m ON m.id = d.member_id JOIN clusters c ON c.id = d.cluster_id \
                 ORDER BY d.invoice_number"
            }
            FactKind::Events => {
                "SELECT e.event_ref AS event_ref, e.kind AS kind, e.title AS title, \
                 e.scheduled_start AS scheduled_start, e.status AS status, \
                 c.code AS cluster_code, r.code AS region_code, f.name AS forum, \
                 k.name AS committee FROM events e \
                 LEFT JOIN clusters c ON c.id = e.host_cluster_id \
                 LEFT JOIN regions r ON r.id = e.region_id \
                 LEFT JOIN forums f ON f.id = e.forum_id \
                 LEFT JOIN committees k ON k.id = e.committee_id ORDER BY e.event_ref"
            }
            FactKind::Attendances => {
                "SELECT e.event_ref AS event_ref, m.member_number AS member_number, \
                 a.joined_at AS joined_at FROM attendances a \
                 JOIN events e ON e.id = a.event_id JOIN members m ON m.id = a.member_id \
                 ORDER BY e.event_ref, m.member_number"
            }
            FactKind::Goals => {
                "SELECT c.code AS cluster_code, g.year AS year, g.title AS title, \
                 g.recorded_on AS recorded_on, g.deadline AS deadline, g.achieved AS achieved \
                 FROM goals g JOIN clusters c ON c.id = g.cluster_id \
                 ORDER BY c.code, g.year, g.title"
            }
            FactKind::BoardSeats => {
                "SELECT c.code AS cluster_code, s.title AS title, s.is_leader AS is_leader \
                 FROM board_seats s JOIN clusters c ON c.id = s.cluster_id \
                 ORDER BY c.code, s.title"
            }
            FactKind::BoardTerms => {
                "SELECT c.code AS cluster_code, s.title AS seat, m.member_number AS member_number, \
                 t.start_date AS start_date, t.end_date AS end_date, \
                 n.member_number AS successor_number, t.successor_named_on AS successor_named_on \
                 FROM board_terms t JOIN board_seats s ON s.id = t.board_seat_id \
                 JOIN clusters c ON c.id = s.cluster_id JOIN members m ON m.id = t.member_id \
                 LEFT JOIN members n ON n.id = t.successor_id \
                 ORDER BY c.code, s.title, t.start_date"
            }
            FactKind::ServiceProjects => {
                "SELECT c.code AS cluster_code, p.name AS name, p.started_on AS started_on, \
                 p.completed_on AS completed_on FROM service_projects p \
                 JOIN clusters c ON c.id = p.cluster_id ORDER BY c.code, p.name"
            }
            FactKind::Partnerships => {
                "SELECT c.code AS cluster_code, p.partner_name AS partner_name, \
                 p.start_date AS start_date, p.end_date AS end_date FROM partnerships p \
                 JOIN clusters c ON c.id = p.cluster_id \
                 ORDER BY c.code, p.partner_name, p.start_date"
            }
            FactKind::Forums => {
                "SELECT c.code AS cluster_code, f.name AS name, f.formed_on AS formed_on, \
                 f.dissolved_on AS dissolved_on FROM forums f \
                 JOIN clusters c ON c.id = f.cluster_id ORDER BY c.code, f.name"
            }
            FactKind::ForumMembers => {
                "SELECT c.code AS cluster_code, f.name AS forum, m.member_number AS member_number, \
                 s.role AS role, s.start_date AS start_date, s.end_date AS end_date, \
                 s.trained AS trained FROM forum_memberships s \
                 JOIN forums f ON f.id = s.forum_id JOIN clusters c ON c.id = f.cluster_id \
                 JOIN members m ON m.id = s.member_id \
                 ORDER BY c.code, f.name, m.member_number, s.role, s.start_date"
            }
            FactKind::Committees => {
                "SELECT c.code AS cluster_code, k.name AS name FROM committees k \
                 JOIN clusters c ON c.id = k.cluster_id ORDER BY c.code, k.name"
            }
            FactKind::CommitteeMembers => {
                "SELECT c.code AS cluster_code, k.name AS committee, \
                 m.member_number AS member_number, s.start_date AS start_date, \
                 s.end_date AS end_date FROM committee_members s \
                 JOIN committees k ON k.id = s.committee_id JOIN clusters c ON c.id = k.cluster_id \
                 JOIN members m ON m.id = s.member_id \
                 ORDER BY c.code, k.name, m.member_number, s.start_date"
            }
            FactKind::SelfReports => {
                "SELECT m.member_number AS member_number, c.code AS cluster_code, \
                 r.report_month AS report_month, r.kind AS kind, r.due_on AS due_on, \
                 r.status AS status, r.submitted_on AS submitted_on, r.hours AS hours, \
                 r.description AS description, r.verifier AS verifier, \
                 r.verified_on AS verified_on, r.rejection_reason AS rejection_reason \
                 FROM self_reports r JOIN members m ON m.id = r.member_id \
                 JOIN clusters c ON c.id = r.cluster_id \
                 ORDER BY m.member_number, r.report_month, r.kind"
            }
            FactKind::MediaItems => {
                "SELECT m.reference AS reference, c.code AS cluster_code, \
                 m.published_on AS published_on, m.outlet AS outlet, m.kind AS kind, \
                 m.title AS title, m.reach AS reach FROM media_items m \
                 JOIN clusters c ON c.id = m.cluster_id ORDER BY m.reference"
            }
            FactKind::AwardApplications => {
                "SELECT a.reference AS reference, c.code AS cluster_code, a.award AS award, \
                 a.submitted_on AS submitted_on, m.member_number AS member_number, \
                 a.outcome AS outcome FROM award_applications a \
                 JOIN clusters c ON c.id = a.cluster_id LEFT JOIN members m ON m.id = a.member_id \
                 ORDER BY a.reference"
            }
            FactKind::EventInvitations => {
                "SELECT e.event_ref AS event_ref, m.member_number AS member_number \
                 FROM event_invitations i JOIN events e ON e.id = i.event_id \
                 JOIN members m ON m.id = i.member_id ORDER BY e.event_ref, m.member_number"
            }
            FactKind::Speakers => {
                "SELECT e.event_ref AS event_ref, m.member_number AS member_number, \
                 s.topic AS topic FROM speakers s JOIN events e ON e.id = s.event_id \
                 JOIN members m ON m.id = s.member_id ORDER BY e.event_ref, m.member_number"
            }
            FactKind::Mentorships => {
                "SELECT c.code AS cluster_code, r.member_number AS mentor_number, \
                 e.member_number AS mentee_number, x.start_date AS start_date, \
                 x.end_date AS end_date FROM mentorships x \
                 JOIN clusters c ON c.id = x.cluster_id JOIN members r ON r.id = x.mentor_id \
                 JOIN members e ON e.id = x.mentee_id \
                 ORDER BY c.code, r.member_number, e.member_number, x.start_date"
            }
            FactKind::Trainings => {
                "SELECT m.member_number AS member_number, t.course AS course, \
                 t.completed_on AS completed_on FROM trainings t \
                 JOIN members m ON m.id = t.member_id \
                 ORDER BY m.member_number, t.completed_on, t.course"
            }
            FactKind::Budgets => {
                "SELECT c.code AS cluster_code, b.year AS year, b.amount_cents AS amount_cents, \
                 b.deadline AS deadline, b.submitted_on AS submitted_on FROM budgets b \
                 JOIN clusters c ON c.id = b.cluster_id ORDER BY c.code, b.year"
            }
            FactKind::Spendings => {
                "SELECT s.reference AS reference, c.code AS cluster_code, s.spent_on AS spent_on, \
                 s.amount_cents AS amount_cents, s.category AS category FROM spendings s \
                 JOIN clusters c ON c.id = s.cluster_id ORDER BY s.reference"
            }
            FactKind::Referrals => {
                "SELECT f.code AS from_cluster_code, r.prospect_name AS prospect_name, \
                 r.referred_on AS referred_on, t.code AS to_cluster_code FROM referrals r \
                 JOIN clusters f ON f.id = r.from_cluster_id \
                 JOIN clusters t ON t.id = r.to_cluster_id \
                 ORDER BY f.code, r.referred_on, r.prospect_name"
            }
        };
        let found = db
            .query_all_raw(statement(db.get_database_backend(), sql, []))
            .await?;
        let rows = found
            .iter()
            .map(|row| cells(kind, row))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(FactTable { columns, rows })
    }
}

/// One fact's cells in its file's column order.
fn cells(kind: FactKind, row: &QueryResult) -> Result<Vec<String>, sea_orm::DbErr> {
    let text = |column: &str| {
        row.try_get::<Option<String>>("", column)
            .map(Option::unwrap_or_default)
    };
    let day = |column: &str| {
        row.try_get::<Option<NaiveDate>>("", column)
            .map(|d| d.map(|d| d.to_string()).unwrap_or_default())
    };
    // Seconds only when there are some: a join at 19:05:01 is late, at 19:05 on time.
    let time = |column: &str| {
        row.try_get::<Option<NaiveDateTime>>("", column).map(|t| {
            t.map(|t| {
                let format = if t.second() == 0 {
                    "%Y-%m-%d %H:%M"
                } else {
                    "%Y-%m-%d %H:%M:%S"
                };
                t.format(format).to_string()
            })
            .unwrap_or_default()
        })
    };
    let money = |column: &str| row.try_get::<i64>("", column).map(amount);
    Ok(match kind {
        FactKind::Members => vec![
            text("member_number")?,
            text("first_name")?,
            text("last_name")?,
            text("email")?,
            text("company")?,
        ],
        FactKind::Memberships => vec![
            text("member_number")?,
            text("cluster_code")?,
            day("start_date")?,
            day("end_date")?,
            day("renewal_due_on")?,
            text("renewal_outcome")?,
        ],
        FactKind::DuesInvoices => vec![
            text("invoice_number")?,
            text("member_number")?,
            text("cluster_code")?,
            money("amount_cents")?,
            day("due_on")?,
            day("paid_on")?,
            money("paid_cents")?,
            money("reserved_cents")?,
        ],
        FactKind::Events => {
            let kind = text("kind")?;
            // Only a regional event names its region: a cluster's event is in its
            // cluster's region, and the import refuses a region beside a cluster.
            let region = if kind == "regional_event" {
                text("region_code")?
            } else {
                String::new()
            };
            vec![
                text("event_ref")?,
                kind,
                text("title")?,
                time("scheduled_start")?,
                text("status")?,
                text("cluster_code")?,
                region,
                text("forum")?,
                text("committee")?,
            ]
        }
        FactKind::Attendances => vec![
            text("event_ref")?,
            text("member_number")?,
            time("joined_at")?,
        ],
        FactKind::Goals => vec![
            text("cluster_code")?,
            row.try_get::<i32>("", "year")?.to_string(),
            text("title")?,
            day("recorded_on")?,
            day("deadline")?,
            flag_text(row.try_get::<bool>("", "achieved")?).to_owned(),
        ],
        FactKind::BoardSeats => vec![
            text("cluster_code")?,
            text("title")?,
            flag_text(row.try_get::<bool>("", "is_leader")?).to_owned(),
        ],
        FactKind::BoardTerms => vec![
            text("cluster_code")?,
            text("seat")?,
            text("member_number")?,
            day("start_date")?,
            day("end_date")?,
            text("successor_number")?,
            day("successor_named_on")?,
        ],
        FactKind::ServiceProjects => vec![
            text("cluster_code")?,
            text("name")?,
            day("started_on")?,
            day("completed_on")?,
        ],
        FactKind::Partnerships => vec![
            text("cluster_code")?,
            text("partner_name")?,
            day("start_date")?,
            day("end_date")?,
        ],
        FactKind::Forums => vec![
            text("cluster_code")?,
            text("name")?,
            day("formed_on")?,
            day("dissolved_on")?,
        ],
        FactKind::ForumMembers => vec![
            text("cluster_code")?,
            text("forum")?,
            text("member_number")?,
            text("role")?,
            day("start_date")?,
            day("end_date")?,
            flag_text(row.try_get::<bool>("", "trained")?).to_owned(),
        ],
        FactKind::Committees => vec![text("cluster_code")?, text("name")?],
        FactKind::CommitteeMembers => vec![
            text("cluster_code")?,
            text("committee")?,
            text("member_number")?,
            day("start_date")?,
            day("end_date")?,
        ],
        FactKind::SelfReports => vec![
            text("member_number")?,
            text("cluster_code")?,
            row.try_get::<NaiveDate>("", "report_month")?
                .format("%Y-%m")
                .to_string(),
            text("kind")?,
            day("due_on")?,
            text("status")?,
            day("submitted_on")?,
            hours(row.try_get::<f64>("", "hours")?),
            text("description")?,
            text("verifier")?,
            day("verified_on")?,
            text("rejection_reason")?,
        ],
        FactKind::MediaItems => vec![
            text("reference")?,
            text("cluster_code")?,
            day("published_on")?,
            text("outlet")?,
            text("kind")?,
            text("title")?,
            row.try_get::<i64>("", "reach")?.to_string(),
        ],
        FactKind::AwardApplications => vec![
            text("reference")?,
            text("cluster_code")?,
            text("award")?,
            day("submitted_on")?,
            text("member_number")?,
            text("outcome")?,
        ],
        FactKind::EventInvitations => vec![text("event_ref")?, text("member_number")?],
        FactKind::Speakers => vec![text("event_ref")?, text("member_number")?, text("topic")?],
        FactKind::Mentorships => vec![
            text("cluster_code")?,
            text("mentor_number")?,
            text("mentee_number")?,
            day("start_date")?,
            day("end_date")?,
        ],
        FactKind::Trainings => vec![
            text("member_number")?,
            text("course")?,
            day("completed_on")?,
        ],
        FactKind::Budgets => vec![
            text("cluster_code")?,
            row.try_get::<i32>("", "year")?.to_string(),
            money("amount_cents")?,
            day("deadline")?,
            day("submitted_on")?,
        ],
        FactKind::Spendings => vec![
            text("reference")?,
            text("cluster_code")?,
            day("spent_on")?,
            money("amount_cents")?,
            text("category")?,
        ],
        FactKind::Referrals => vec![
            text("from_cluster_code")?,
            text("prospect_name")?,
            day("referred_on")?,
            text("to_cluster_code")?,
        ],
    })
}

/// Hours as a file writes them: `6`, `2.5`.
fn hours(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// Cents as a file writes an amount: `1250.00`.
fn amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!("{sign}{}.{:02}", cents / 100, cents % 100)
}
