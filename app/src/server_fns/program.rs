//! Server functions of the inter-cluster programs a cluster hosts.

pub mod decide_program;
pub mod get_programs;
pub mod record_program;
pub mod remove_program;

/// The stored status of a form's status.
#[cfg(feature = "ssr")]
pub(crate) fn stored_status(
    status: crate::models::program::ProgramStatus,
) -> domain::entity::event::EventStatus {
    use crate::models::program::ProgramStatus;
    use domain::entity::event::EventStatus;

    match status {
        ProgramStatus::Planned => EventStatus::Planned,
        ProgramStatus::Held => EventStatus::Held,
        ProgramStatus::Cancelled => EventStatus::Cancelled,
    }
}

/// The signed-in user's local time now (the server's clock; programs are local events).
#[cfg(feature = "ssr")]
pub(crate) fn local_now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}
