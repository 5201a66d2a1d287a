//! Server functions about the organization's structure.

pub mod get_organization_overview;
