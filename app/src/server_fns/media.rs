//! Server functions of media coverage.

pub mod get_media;
pub mod record_media;
pub mod remove_media;
