//! Server functions of award applications.

pub mod decide_award;
pub mod get_awards;
pub mod record_award;
pub mod remove_award;
