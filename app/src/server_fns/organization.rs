//! Server functions about the organization: its structure and its pulse.

pub mod get_organization_overview;
pub mod get_organization_pulse;
