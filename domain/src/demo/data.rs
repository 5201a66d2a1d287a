//! The generated rows, table by table, with ids assigned in generation order.

use sha2::{Digest, Sha256};

use crate::entity::{
    attendance, award_application, board_seat, board_term, budget, cluster, committee,
    committee_member, dues_invoice, event, event_invitation, forum, forum_membership, goal,
    media_item, member, membership, mentorship, partnership, referral, region, self_report,
    service_project, setting, speaker, spending, training,
};

/// Every row of the demo organization, ready to be written.
#[derive(Debug, Default)]
pub struct DemoData {
    /// Regions.
    pub regions: Vec<region::Model>,
    /// Clusters.
    pub clusters: Vec<cluster::Model>,
    /// Members.
    pub members: Vec<member::Model>,
    /// Membership terms.
    pub memberships: Vec<membership::Model>,
    /// Dues invoices and their payments.
    pub dues_invoices: Vec<dues_invoice::Model>,
    /// Organization settings.
    pub settings: Vec<setting::Model>,
    /// Forums.
    pub forums: Vec<forum::Model>,
    /// Forum seats.
    pub forum_memberships: Vec<forum_membership::Model>,
    /// Committees.
    pub committees: Vec<committee::Model>,
    /// Committee seats.
    pub committee_members: Vec<committee_member::Model>,
    /// Events of every kind.
    pub events: Vec<event::Model>,
    /// Event invitations.
    pub event_invitations: Vec<event_invitation::Model>,
    /// Attendances.
    pub attendances: Vec<attendance::Model>,
    /// Speakers.
    pub speakers: Vec<speaker::Model>,
    /// Mentorships.
    pub mentorships: Vec<mentorship::Model>,
    /// Goals.
    pub goals: Vec<goal::Model>,
    /// Board seats.
    pub board_seats: Vec<board_seat::Model>,
    /// Board terms.
    pub board_terms: Vec<board_term::Model>,
    /// Trainings.
    pub trainings: Vec<training::Model>,
    /// Budgets.
    pub budgets: Vec<budget::Model>,
    /// Spending.
    pub spendings: Vec<spending::Model>,
    /// Media coverage.
    pub media_items: Vec<media_item::Model>,
    /// Award applications.
    pub award_applications: Vec<award_application::Model>,
    /// Self-reports.
    pub self_reports: Vec<self_report::Model>,
    /// Service projects.
    pub service_projects: Vec<service_project::Model>,
    /// Referrals.
    pub referrals: Vec<referral::Model>,
    /// Partnerships.
    pub partnerships: Vec<partnership::Model>,
}

/// The id the next row pushed onto `rows` gets.
pub fn next_id<T>(rows: &[T]) -> i32 {
    // Sizes are capped by `DemoConfig::validate`, far below i32::MAX rows per table.
    rows.len() as i32 + 1
}

macro_rules! each_table {
    ($data:expr, $visit:ident) => {{
        $visit("regions", &$data.regions);
        $visit("clusters", &$data.clusters);
        $visit("members", &$data.members);
        $visit("memberships", &$data.memberships);
        $visit("dues_invoices", &$data.dues_invoices);
        $visit("settings", &$data.settings);
        $visit("forums", &$data.forums);
        $visit("forum_memberships", &$data.forum_memberships);
        $visit("committees", &$data.committees);
        $visit("committee_members", &$data.committee_members);
        $visit("events", &$data.events);
        $visit("event_invitations", &$data.event_invitations);
        $visit("attendances", &$data.attendances);
        $visit("speakers", &$data.speakers);
        $visit("mentorships", &$data.mentorships);
        $visit("goals", &$data.goals);
        $visit("board_seats", &$data.board_seats);
        $visit("board_terms", &$data.board_terms);
        $visit("trainings", &$data.trainings);
        $visit("budgets", &$data.budgets);
        $visit("spendings", &$data.spendings);
        $visit("media_items", &$data.media_items);
        $visit("award_applications", &$data.award_applications);
        $visit("self_reports", &$data.self_reports);
        $visit("service_projects", &$data.service_projects);
        $visit("referrals", &$data.referrals);
        $visit("partnerships", &$data.partnerships);
    }};
}

impl DemoData {
    /// Rows per table, in the order they are written.
    pub fn row_counts(&self) -> Vec<(&'static str, usize)> {
        let mut counts = Vec::new();
        let mut count =
            |table: &'static str, rows: &dyn RowCount| counts.push((table, rows.count()));
        each_table!(self, count);
        counts
    }

    /// All rows together.
    pub fn total_rows(&self) -> usize {
        self.row_counts().iter().map(|(_, n)| n).sum()
    }

    /// A SHA-256 over every row of every table: equal digests mean equal data.
    pub fn digest(&self) -> String {
        let mut hasher = Sha256::new();
        let mut feed = |table: &'static str, rows: &dyn RowCount| {
            hasher.update(table.as_bytes());
            rows.feed(&mut hasher);
        };
        each_table!(self, feed);
        hasher
            .finalize()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

/// What the digest and the counts need of a table's rows.
trait RowCount {
    fn count(&self) -> usize;
    fn feed(&self, hasher: &mut Sha256);
}

impl<T: std::fmt::Debug> RowCount for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }

    fn feed(&self, hasher: &mut Sha256) {
        for row in self {
            // Debug renders every field, in declaration order, the same on every run.
            hasher.update(format!("{row:?}\n").as_bytes());
        }
    }
}
