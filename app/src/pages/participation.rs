//! The member's own participation.

pub mod my_participation;
