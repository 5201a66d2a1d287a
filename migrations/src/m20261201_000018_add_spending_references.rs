//! A reference for each spending: the natural key an import matches rows by (an accounting
//! system's own id), since two spendings of a cluster can be alike in day, amount and
//! category. Rows there are get `MP-SPEND-<id>`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::schema_builder::index;

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
        for (table, prefix) in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(*table)
                        // SQLite adds a NOT NULL column only with a default.
                        .add_column(string_len("reference", 40).default("").take())
                        .take(),
                )
                .await?;
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "UPDATE {table} SET reference = '{prefix}' || CAST(id AS VARCHAR(12))"
                ))
                .await?;
            manager
                .create_index(index(table, &["reference"], true))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, _) in TABLES {
            manager
                .drop_index(
                    Index::drop()
                        .name(format!("uq_{table}_reference"))
                        .table(*table)
                        .to_owned(),
                )
                .await?;
            manager
                .alter_table(Table::alter().table(*table).drop_column("reference").take())
                .await?;
        }
        Ok(())
    }
}
