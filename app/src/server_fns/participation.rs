//! Server functions of the member's own participation.

pub mod get_my_participation;
