//! `members`: an entrepreneur who is or was a member of the organization.

use sea_orm::entity::prelude::*;

/// An entrepreneur who is or was a member of the organization.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub member_number: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub company: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
