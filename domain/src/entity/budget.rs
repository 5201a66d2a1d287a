//! `budgets`: a cluster's budget for a year and when it was submitted.

use sea_orm::entity::prelude::*;

/// A cluster's budget for a year and when it was submitted.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "budgets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cluster_id: i32,
    pub year: i32,
    pub amount_cents: i64,
    pub deadline: Date,
    pub submitted_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
