//! `brand_logos`: the organization's uploaded logo; the newest row is the one shown.

use sea_orm::entity::prelude::*;

/// One uploaded logo image.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "brand_logos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub uploaded_by: String,
    pub uploaded_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
