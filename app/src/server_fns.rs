//! Server functions, one per file, grouped by area.

pub mod account;
pub mod award;
pub mod board;
pub mod brand;
pub mod cluster_choice;
pub mod committee_call;
pub mod community_work;
pub mod explorer;
pub mod fact_import;
pub mod goal;
pub mod media;
pub mod metric;
pub mod organization;
pub mod organization_settings;
pub mod participation;
pub mod period_choice;
pub mod plan;
pub mod program;
pub mod region;
pub mod region_choice;
#[cfg(feature = "ssr")]
pub mod scope_trend;
pub mod scorecard;
pub mod self_report;
pub mod user_admin;
pub mod validation;
