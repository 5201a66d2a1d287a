//! The server over HTTP, in process (`tower::ServiceExt::oneshot`), and its command line.

mod accounts;
mod awards;
mod board;
mod brand;
mod chart_downloads;
mod cli;
mod committee_calls;
mod community_work;
mod explorer;
mod exports;
mod fact_import;
mod health;
mod media;
mod member_drill;
mod organization;
mod permissions;
mod plan;
mod programs;
mod pulse;
mod region_scope;
mod region_view;
mod scorecard;
mod self_reports;
mod support;
mod users;
mod validation;
