//! Self-reports: the member's own page and the staff verification queue.

pub mod my_reports;
pub mod report_queue;
