//! MemberPulse's web-free core: the SeaORM entities of the fact schema and the metric
//! catalogue, the services that read and write them, and the deterministic
//! demo-organization generator.
//!
//! Used by the `server` binary and by `app`'s server-side build, never by the browser.
//! Errors: services return [`DomainError`]; callers map it once to their own layer.

pub mod account;
pub mod api_tokens;
pub mod attendance_import;
pub mod award_applications;
pub mod award_sync;
pub mod board_seat_sync;
pub mod board_term_sync;
pub mod brand_settings;
pub mod budget_sync;
pub mod cluster_board;
pub mod cluster_goals;
pub mod cluster_profile;
pub mod cluster_ranking;
pub mod cluster_scorecard;
pub mod column_mappings;
pub mod committee_calls;
pub mod committee_member_sync;
pub mod committee_sync;
pub mod community_work;
pub mod dashboards;
pub mod database;
pub mod demo;
pub mod dues_sync;
pub mod entity;
pub mod error;
pub mod event_role_sync;
pub mod event_sync;
pub mod fact_directory;
pub mod fact_export;
pub mod fact_file;
pub mod fact_import;
mod fact_upsert;
pub mod forum_member_sync;
pub mod goal_sync;
pub mod import_history;
pub mod intercluster_programs;
pub mod kpi_completeness;
pub mod kpi_engine;
pub mod kpi_explain;
pub mod kpi_revision;
pub mod kpi_validation;
pub mod kpi_values;
mod leader_entry;
pub mod media_coverage;
pub mod media_sync;
pub mod member_participation;
pub mod member_sync;
pub mod membership_sync;
pub mod mentorship_sync;
pub mod metric_catalogue;
pub mod metric_editing;
pub mod metric_targets;
pub mod organization;
pub mod period_signals;
pub mod referral_sync;
pub mod scratch_database;
pub mod self_report_sync;
pub mod self_reporting;
mod settings;
pub mod span_sync;
pub mod spending_sync;
pub mod sql;
pub mod training_sync;
pub mod user_administration;

pub use error::DomainError;
pub use migration;
pub use sea_orm;
