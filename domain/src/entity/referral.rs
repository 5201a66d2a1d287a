//! `referrals`: a prospective member referred by one cluster to another.

use sea_orm::entity::prelude::*;

/// A prospective member referred by one cluster to another.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "referrals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub from_cluster_id: i32,
    pub to_cluster_id: i32,
    pub prospect_name: String,
    pub referred_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
