//! `auth_events`: the audit log of sign-ins, failures, lockouts and privilege changes.

use sea_orm::entity::prelude::*;

/// One event of the account audit log.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "auth_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: Option<i32>,
    pub email: String,
    pub event: String,
    pub detail: Option<String>,
    pub at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
