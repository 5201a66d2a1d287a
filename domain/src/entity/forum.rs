//! `forums`: a forum: a small, confidential peer group inside a cluster.

use sea_orm::entity::prelude::*;

/// A forum: a small, confidential peer group inside a cluster.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forums")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cluster_id: i32,
    pub name: String,
    pub formed_on: Date,
    pub dissolved_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
