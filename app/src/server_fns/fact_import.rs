//! Server functions of fact imports.

pub mod get_import_history;
pub mod get_import_kinds;
pub mod import_facts;
pub mod roll_back_import;
