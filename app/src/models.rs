//! Typed models that cross the wire: plain serde structs, compiled for server and browser.

pub mod account;
pub mod award;
pub mod board;
pub mod brand;
pub mod chart;
pub mod committee_call;
pub mod community_work;
pub mod explanation;
pub mod fact_import;
pub mod goal;
pub mod ids;
pub mod leaderboard;
pub mod media;
pub mod metric;
pub mod metric_explorer;
pub mod organization;
pub mod organization_pulse;
pub mod organization_settings;
pub mod participation;
pub mod plan;
pub mod program;
pub mod region_view;
pub mod scorecard;
pub mod self_report;
pub mod user_admin;
pub mod validation;
