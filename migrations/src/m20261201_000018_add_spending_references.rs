//! A reference for each spending: the natural key an import matches rows by (an accounting
//! system's own id), since two spendings of a cluster can be alike in day, amount and
//! category. Rows there are get `MP-SPEND-<id>`.

use sea_orm_migration::prelude::*;

use crate::schema_builder::{add_references, drop_references};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each table with the prefix of the references its rows get here.
const TABLES: &[(&str, &str)] = &[("spendings", "MP-SPEND-")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_references(manager, TABLES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_references(manager, TABLES).await
    }
}
