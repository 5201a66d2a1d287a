//! Server functions of a member's participation: their own, and for staff any member's.

pub mod get_member_participation;
pub mod get_my_participation;
