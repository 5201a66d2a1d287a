//! The frame every page sits in.

pub mod app_shell;
pub mod cluster_picker;
pub mod confirmed_action;
pub mod error_notice;
pub mod filter_select;
pub mod form_problems;
pub mod list_download;
pub mod load_failed;
pub mod loaded_page;
pub mod pager;
pub mod theme_toggle;
pub mod validated_only_switch;
pub mod write_notice;
