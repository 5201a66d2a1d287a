//! Configuration: command-line options that fall back to environment variables, then to
//! defaults that work on a fresh machine (SQLite file, 127.0.0.1:3000, info logs).

use std::net::SocketAddr;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use domain::database::DEFAULT_DATABASE_URL;

/// MemberPulse: KPIs, validation and dashboards for member organizations.
#[derive(Debug, Parser)]
#[command(name = "server", version, about)]
pub struct Cli {
    /// Database: a SQLite file (the default) or PostgreSQL (postgres://user@host:port/db).
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,
    /// Log filter in tracing's syntax, e.g. `info` or `server=debug,info`.
    #[arg(
        long,
        env = "MEMBERPULSE_LOG",
        default_value = "info,sqlx=warn,sea_orm=warn",
        global = true
    )]
    pub log: String,
    /// Log format: readable text, or JSON lines for log collectors.
    #[arg(long, env = "MEMBERPULSE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
    /// Options of the web server (used when no subcommand is given).
    #[command(flatten)]
    pub serve: ServeArgs,
    /// What to do instead of serving.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How logs are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Options of the web server.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; defaults to the Leptos site address (127.0.0.1:3000).
    #[arg(long, env = "MEMBERPULSE_BIND")]
    pub bind: Option<SocketAddr>,
    /// Load the demo organization when the database has no clusters yet.
    #[arg(long, env = "MEMBERPULSE_DEMO_IF_EMPTY")]
    pub demo_if_empty: bool,
    /// Sign-in and password-reset attempts allowed per minute from one client (0: no limit).
    #[arg(long, env = "MEMBERPULSE_SIGN_IN_LIMIT", default_value_t = crate::sign_in_limit::ATTEMPTS)]
    pub sign_in_limit: usize,
    /// Behind a reverse proxy you run: take the client's address from the last entry of
    /// `X-Forwarded-For` for the sign-in limit.
    #[arg(long, env = "MEMBERPULSE_BEHIND_PROXY")]
    pub behind_proxy: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply, roll back or list schema migrations.
    Migrate {
        /// What to do.
        #[command(subcommand)]
        action: MigrateAction,
    },
    /// Generate the demo organization into an empty database.
    Demo(DemoArgs),
    /// Compute or export KPI values.
    Kpis {
        /// What to do.
        #[command(subcommand)]
        action: KpisAction,
    },
    /// Manage user accounts.
    Users {
        /// What to do.
        #[command(subcommand)]
        action: UsersAction,
    },
    /// Check or import a file of facts.
    Import {
        /// What to import.
        #[command(subcommand)]
        action: ImportAction,
    },
}

/// What an import reads: a CSV file (UTF-8) or an .xlsx workbook (its sheet named for the
/// kind, or its only one). Without --commit the file is only checked.
#[derive(Debug, Subcommand)]
pub enum ImportAction {
    /// Members with the columns member_number, first_name, last_name, email and, if known,
    /// company.
    Members(ImportFile),
    /// Membership terms with the columns member_number, cluster_code, start_date and, if
    /// known, end_date, renewal_due_on, renewal_outcome.
    Memberships(ImportFile),
    /// Dues invoices with the columns invoice_number, member_number, cluster_code, amount,
    /// due_on and, if known, paid_on, paid_amount, reserved_amount.
    DuesInvoices(ImportFile),
    /// Events with the columns event_ref, kind, title, scheduled_start, status and, as the
    /// kind needs, cluster_code, region_code, forum, committee.
    Events(ImportFile),
    /// Attendances with the columns event_ref, member_number and, if known, joined_at.
    Attendances(ImportFile),
    /// Clusters' goals with the columns cluster_code, year (the fiscal year), title,
    /// recorded_on and, if known, deadline, achieved (yes or no).
    Goals(ImportFile),
    /// Board seats with the columns cluster_code, title and, if known, is_leader (yes or
    /// no; one leading seat per board).
    BoardSeats(ImportFile),
    /// Board terms with the columns cluster_code, seat, member_number, start_date and, if
    /// known, end_date, successor_number, successor_named_on.
    BoardTerms(ImportFile),
    /// Service projects with the columns cluster_code, name, started_on and, once done,
    /// completed_on.
    ServiceProjects(ImportFile),
    /// Partnerships with the columns cluster_code, partner_name, start_date and, if known,
    /// end_date.
    Partnerships(ImportFile),
    /// Media items with the columns reference, cluster_code, published_on, outlet, kind
    /// (mention, press_release or social_post), title and, if known, reach.
    MediaItems(ImportFile),
    /// Award applications with the columns reference, cluster_code, award, submitted_on
    /// and, if known, member_number, outcome (pending, won or lost).
    AwardApplications(ImportFile),
    /// Forums with the columns cluster_code, name, formed_on and, once over,
    /// dissolved_on.
    Forums(ImportFile),
    /// Forum members and moderators with the columns cluster_code, forum, member_number,
    /// role (member or moderator), start_date and, if known, end_date, trained (yes or no).
    ForumMembers(ImportFile),
    /// Committees with the columns cluster_code and name.
    Committees(ImportFile),
    /// Committee members with the columns cluster_code, committee, member_number,
    /// start_date and, if known, end_date.
    CommitteeMembers(ImportFile),
    /// Members' self-reports with the columns member_number, cluster_code, report_month,
    /// kind, due_on, status and, as the status needs, submitted_on, hours, description,
    /// verifier, verified_on, rejection_reason.
    SelfReports(ImportFile),
    /// Invitations to events with the columns event_ref and member_number (forum meetings
    /// and committee calls count attendance against them).
    EventInvitations(ImportFile),
    /// Speakers at events with the columns event_ref, member_number and topic.
    Speakers(ImportFile),
    /// Mentorships with the columns cluster_code, mentor_number, mentee_number, start_date
    /// and, once over, end_date.
    Mentorships(ImportFile),
    /// Completed trainings with the columns member_number, course and completed_on.
    Trainings(ImportFile),
    /// Clusters' budgets with the columns cluster_code, year (the fiscal year), amount,
    /// deadline and, once submitted, submitted_on.
    Budgets(ImportFile),
    /// Clusters' spendings with the columns reference, cluster_code, spent_on, amount and
    /// category.
    Spendings(ImportFile),
    /// Referrals with the columns from_cluster_code, prospect_name, referred_on and
    /// to_cluster_code.
    Referrals(ImportFile),
}

/// The file an import reads.
#[derive(Debug, clap::Args)]
pub struct ImportFile {
    /// The CSV file (UTF-8), or an .xlsx workbook.
    pub file: std::path::PathBuf,
    /// Write the file when it has no problem (and recompute the KPIs it moves).
    #[arg(long)]
    pub commit: bool,
}

/// Account actions.
#[derive(Debug, Subcommand)]
pub enum UsersAction {
    /// Create an administrator (the first one of a production install). The password is
    /// read from MEMBERPULSE_ADMIN_PASSWORD, or generated and printed once.
    CreateAdmin {
        /// The administrator's e-mail address (the sign-in name).
        #[arg(long)]
        email: String,
        /// The name shown in the app.
        #[arg(long)]
        name: String,
        /// The password; generated when left out.
        #[arg(long, env = "MEMBERPULSE_ADMIN_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
}

/// KPI actions.
#[derive(Debug, Subcommand)]
pub enum KpisAction {
    /// Recompute every metric for every period and scope, keeping staff decisions.
    Recompute {
        /// The day to compute up to (YYYY-MM-DD); defaults to today.
        #[arg(long)]
        until: Option<NaiveDate>,
    },
    /// Write stored values, one row per scope, metric and period, with signal and status.
    Export(KpisExportArgs),
}

/// What to export and how.
#[derive(Debug, Args)]
pub struct KpisExportArgs {
    /// A period key: 2025, 2025-Q3 or 2025-07 (all periods when left out).
    #[arg(long)]
    pub period: Option<String>,
    /// cluster, region or organization (all when left out).
    #[arg(long, value_enum)]
    pub scope: Option<ExportScope>,
    /// One metric's key (all when left out).
    #[arg(long)]
    pub metric: Option<String>,
    /// csv or json.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub output: Option<std::path::PathBuf>,
}

/// Scope levels that can be exported.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportScope {
    /// Clusters.
    Cluster,
    /// Regions.
    Region,
    /// The whole organization.
    Organization,
}

/// Export formats.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// Migration actions.
#[derive(Debug, Subcommand)]
pub enum MigrateAction {
    /// Apply every pending migration.
    Up,
    /// Roll back the last `steps` migrations.
    Down {
        /// How many to roll back.
        #[arg(long, default_value_t = 1)]
        steps: u32,
    },
    /// List applied and pending migrations.
    Status,
}

/// Sizes of the demo organization.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Members to create.
    #[arg(long, default_value_t = 10_000)]
    pub members: usize,
    /// Clusters to create.
    #[arg(long, default_value_t = 400)]
    pub clusters: usize,
    /// Regions to spread them over.
    #[arg(long, default_value_t = 8)]
    pub regions: usize,
    /// Calendar years of history, ending with the year of --until.
    #[arg(long, default_value_t = 3)]
    pub years: u32,
    /// Seed of the random stream: the same seed and --until give the same rows.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Last day with facts (YYYY-MM-DD); defaults to today.
    #[arg(long)]
    pub until: Option<NaiveDate>,
}
