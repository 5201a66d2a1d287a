//! Server functions of fact imports.

pub mod get_import_history;
pub mod get_import_kinds;
#[cfg(feature = "ssr")]
pub mod import_file;
pub mod roll_back_import;
