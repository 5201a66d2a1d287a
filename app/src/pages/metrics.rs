//! The metric catalogue and its editor.

pub mod catalogue;
pub mod editor;
