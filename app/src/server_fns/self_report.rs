//! Server functions of members' self-reports.

pub mod decide_reports;
pub mod get_my_reports;
pub mod get_report_queue;
pub mod submit_self_report;
