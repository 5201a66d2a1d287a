//! `memberships`: one membership term of a member in one cluster.

use sea_orm::entity::prelude::*;

pub use super::fact_kinds::RenewalOutcome;

/// One membership term of a member in one cluster.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "memberships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub member_id: i32,
    pub cluster_id: i32,
    pub start_date: Date,
    pub end_date: Option<Date>,
    pub renewal_due_on: Option<Date>,
    pub renewal_outcome: Option<RenewalOutcome>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
