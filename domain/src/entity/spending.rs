//! `spendings`: money a cluster spent.

use sea_orm::entity::prelude::*;

/// Money a cluster spent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "spendings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cluster_id: i32,
    pub spent_on: Date,
    pub amount_cents: i64,
    pub category: String,
    /// The natural key an import matches it by: an accounting system's id, or `MP-…`.
    pub reference: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
