//! `dues_invoices`: a dues invoice of a member, with its payment and the part moved to the cluster's reserve.

use sea_orm::entity::prelude::*;

/// A dues invoice of a member, with its payment and the part moved to the cluster's reserve.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dues_invoices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub invoice_number: String,
    pub member_id: i32,
    pub cluster_id: i32,
    pub amount_cents: i64,
    pub due_on: Date,
    pub paid_on: Option<Date>,
    pub paid_cents: i64,
    pub reserved_cents: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
