//! `media_items`: a media coverage item about a cluster.

use sea_orm::entity::prelude::*;

pub use super::fact_kinds::MediaKind;

/// A media coverage item about a cluster.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "media_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cluster_id: i32,
    pub published_on: Date,
    pub outlet: String,
    pub kind: MediaKind,
    pub reach: i64,
    pub title: String,
    /// The natural key an import matches by: a CRM's own id, or `MP-…` for rows recorded
    /// in the app.
    pub reference: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
