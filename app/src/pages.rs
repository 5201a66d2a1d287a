//! Pages, grouped by area.

pub mod account;
pub mod admin;
pub mod awards;
pub mod board;
pub mod committee_calls;
pub mod community_work;
pub mod dashboard;
pub mod explorer;
pub mod fact_import;
pub mod goals;
pub mod media;
pub mod metrics;
pub mod not_found;
pub mod organization;
pub mod participation;
pub mod plan;
pub mod programs;
pub mod region;
pub mod scorecard;
pub mod self_report;
pub mod validation;
