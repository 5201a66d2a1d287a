//! Server functions of fact imports.

pub mod get_import_kinds;
pub mod import_attendances;
