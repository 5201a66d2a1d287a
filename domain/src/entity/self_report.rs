//! `self_reports`: a member's self-report for a month: expected, submitted, verified or rejected.

use sea_orm::entity::prelude::*;

pub use super::fact_kinds::{SelfReportKind, SelfReportStatus};

/// A member's self-report for a month: expected, submitted, verified or rejected.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "self_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub member_id: i32,
    pub cluster_id: i32,
    pub report_month: Date,
    pub kind: SelfReportKind,
    pub due_on: Date,
    pub submitted_on: Option<Date>,
    pub hours: f64,
    pub description: String,
    pub status: SelfReportStatus,
    pub verifier: Option<String>,
    pub verified_on: Option<Date>,
    pub rejection_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
