//! Server functions of the organization-wide settings (admins only).

pub mod get_organization_settings;
pub mod save_selection_limits;
