//! `fact_import_rows`: a fact row an import created or changed, with its previous value.

use sea_orm::entity::prelude::*;

/// A row an import wrote.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fact_import_rows")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub import_id: i32,
    /// The id of the fact row in the import's table.
    pub row_id: i32,
    /// `created` or `changed`.
    pub action: String,
    /// A changed row's value before the import, as text.
    pub previous: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
