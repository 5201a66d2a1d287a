//! Typed models that cross the wire: plain serde structs, compiled for server and browser.

pub mod ids;
pub mod organization;
