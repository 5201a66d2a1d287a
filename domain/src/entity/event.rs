//! `events`: a gathering of any kind: cluster event, forum meeting, committee call, annual meeting, regional or global event, inter-cluster program.

use sea_orm::entity::prelude::*;

pub use super::fact_kinds::{EventKind, EventStatus};

/// A gathering of any kind: cluster event, forum meeting, committee call, annual meeting, regional or global event, inter-cluster program.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub event_ref: String,
    pub kind: EventKind,
    pub title: String,
    pub host_cluster_id: Option<i32>,
    pub region_id: Option<i32>,
    pub forum_id: Option<i32>,
    pub committee_id: Option<i32>,
    pub scheduled_start: DateTime,
    pub status: EventStatus,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
