//! `goals`: a cluster's goal for a year.

use sea_orm::entity::prelude::*;

/// A cluster's goal for a year.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "goals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cluster_id: i32,
    pub year: i32,
    pub title: String,
    pub recorded_on: Date,
    pub deadline: Date,
    pub achieved: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
