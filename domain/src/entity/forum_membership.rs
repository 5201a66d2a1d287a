//! `forum_memberships`: a member's seat in a forum, as member or moderator.

use sea_orm::entity::prelude::*;

pub use super::fact_kinds::ForumRole;

/// A member's seat in a forum, as member or moderator.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_memberships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub forum_id: i32,
    pub member_id: i32,
    pub role: ForumRole,
    pub trained: bool,
    pub start_date: Date,
    pub end_date: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
