//! Server functions of committee calls.

pub mod get_committee_calls;
pub mod record_committee_call;
