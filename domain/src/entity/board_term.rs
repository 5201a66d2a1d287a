//! `board_terms`: a member's term on a board seat, with the successor when one is named.

use sea_orm::entity::prelude::*;

/// A member's term on a board seat, with the successor when one is named.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "board_terms")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub board_seat_id: i32,
    pub member_id: i32,
    pub start_date: Date,
    pub end_date: Option<Date>,
    pub successor_id: Option<i32>,
    pub successor_named_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
