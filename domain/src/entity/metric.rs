//! `metrics`: the metric catalogue, one row per metric.

use sea_orm::entity::prelude::*;

/// A metric: its key, words, group, unit, direction and default thresholds.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "metrics")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub key: String,
    pub name: String,
    pub description: String,
    pub group_key: String,
    pub unit: String,
    pub lower_is_better: bool,
    pub green: f64,
    pub amber: f64,
    pub obligatory: bool,
    pub yearly_only: bool,
    pub member_scope: bool,
    pub retired_on: Option<Date>,
    /// How the metric is computed: a `kpi::MetricDefinition` as JSON.
    pub definition: Option<String>,
    /// The staff user accountable for the metric.
    pub owner: Option<String>,
    /// Incremented by every edit of the definition or thresholds.
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
