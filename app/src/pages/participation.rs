//! A member's participation: their own, and for staff any member's.

pub mod member_participation;
pub mod my_participation;
