//! `award_applications`: an award application by a cluster or one of its members.

use sea_orm::entity::prelude::*;

pub use super::fact_kinds::AwardOutcome;

/// An award application by a cluster or one of its members.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "award_applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cluster_id: i32,
    pub member_id: Option<i32>,
    pub award: String,
    pub submitted_on: Date,
    pub outcome: AwardOutcome,
    /// The natural key an import matches by: a CRM's own id, or `MP-…` for rows recorded
    /// in the app.
    pub reference: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
