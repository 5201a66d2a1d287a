//! `fact_imports`: one row per import of facts, with who, when, from where and its counts.

use sea_orm::entity::prelude::*;

/// An import.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fact_imports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The fact type (`attendances`).
    pub kind: String,
    /// Where it came from: the file's name, the API token's, the command line.
    pub source: String,
    pub imported_by: String,
    pub imported_at: DateTime,
    pub rows: i32,
    pub created: i32,
    pub changed: i32,
    pub unchanged: i32,
    pub rolled_back_at: Option<DateTime>,
    pub rolled_back_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
