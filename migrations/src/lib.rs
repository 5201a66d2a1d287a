//! The MemberPulse schema as sea-orm migrations.
//!
//! Every migration runs inside a transaction on every backend (`use_transaction`), so a
//! migration that fails leaves the database exactly as it was, on SQLite as on PostgreSQL.

#![expect(
    elided_lifetimes_in_paths,
    reason = "async_trait signatures of MigrationTrait must keep `&SchemaManager` elided"
)]

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_organization;
mod m20261123_000002_create_forums_and_events;
mod m20261123_000003_create_governance;
mod m20261123_000004_create_community;
mod m20261123_000005_create_metric_catalogue;
mod m20261123_000006_create_kpi_store;
mod m20261123_000007_create_kpi_validation;
mod m20261124_000008_create_accounts;
mod m20261124_000009_create_password_resets;
mod m20261129_000010_create_brand_logos;
mod m20261129_000011_index_kpi_values_by_period;
mod m20261130_000012_index_fact_dates;
mod m20261130_000013_create_user_regions;
mod m20261130_000014_create_api_tokens;
mod m20261130_000015_create_fact_imports;
mod m20261130_000016_create_dashboards;
mod m20261130_000017_add_fact_references;
mod m20261201_000018_add_spending_references;
mod m20261201_000019_cover_active_memberships;
mod m20261201_000020_create_kpi_revision;
mod schema_builder;
mod seed;

pub use seed::insert_default_dashboards;

/// Runs the MemberPulse migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_organization::Migration),
            Box::new(m20261123_000002_create_forums_and_events::Migration),
            Box::new(m20261123_000003_create_governance::Migration),
            Box::new(m20261123_000004_create_community::Migration),
            Box::new(m20261123_000005_create_metric_catalogue::Migration),
            Box::new(m20261123_000006_create_kpi_store::Migration),
            Box::new(m20261123_000007_create_kpi_validation::Migration),
            Box::new(m20261124_000008_create_accounts::Migration),
            Box::new(m20261124_000009_create_password_resets::Migration),
            Box::new(m20261129_000010_create_brand_logos::Migration),
            Box::new(m20261129_000011_index_kpi_values_by_period::Migration),
            Box::new(m20261130_000012_index_fact_dates::Migration),
            Box::new(m20261130_000013_create_user_regions::Migration),
            Box::new(m20261130_000014_create_api_tokens::Migration),
            Box::new(m20261130_000015_create_fact_imports::Migration),
            Box::new(m20261130_000016_create_dashboards::Migration),
            Box::new(m20261130_000017_add_fact_references::Migration),
            Box::new(m20261201_000018_add_spending_references::Migration),
            Box::new(m20261201_000019_cover_active_memberships::Migration),
            Box::new(m20261201_000020_create_kpi_revision::Migration),
        ]
    }
}

/// The fact tables the migrations create, parents before children.
pub const FACT_TABLES: &[&str] = &[
    "regions",
    "clusters",
    "members",
    "memberships",
    "dues_invoices",
    "settings",
    "forums",
    "forum_memberships",
    "committees",
    "committee_members",
    "events",
    "event_invitations",
    "attendances",
    "speakers",
    "mentorships",
    "goals",
    "board_seats",
    "board_terms",
    "trainings",
    "budgets",
    "spendings",
    "media_items",
    "award_applications",
    "self_reports",
    "service_projects",
    "referrals",
    "partnerships",
];

/// The tables of the import history.
pub const IMPORT_TABLES: &[&str] = &["fact_imports", "fact_import_rows"];

/// The tables of the metric catalogue.
pub const CATALOGUE_TABLES: &[&str] = &[
    "metrics",
    "kpi_values",
    "metric_targets",
    "metric_selections",
    "kpi_audit",
    "period_closures",
    "kpi_revision",
];

/// The tables of accounts and sessions.
pub const ACCOUNT_TABLES: &[&str] = &[
    "users",
    "user_sessions",
    "auth_events",
    "password_resets",
    "user_regions",
    "api_tokens",
];

/// The tables of the organization's brand (its colours and name are `settings`).
pub const BRAND_TABLES: &[&str] = &["brand_logos"];

/// The tables of dashboards built in the app.
pub const DASHBOARD_TABLES: &[&str] = &["dashboards"];
