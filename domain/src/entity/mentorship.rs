//! `mentorships`: a mentor paired with a (usually new) member.

use sea_orm::entity::prelude::*;

/// A mentor paired with a (usually new) member.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentorships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub mentor_id: i32,
    pub mentee_id: i32,
    pub cluster_id: i32,
    pub start_date: Date,
    pub end_date: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
