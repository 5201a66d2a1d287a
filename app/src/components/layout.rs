//! The frame every page sits in.

pub mod app_shell;
pub mod load_failed;
