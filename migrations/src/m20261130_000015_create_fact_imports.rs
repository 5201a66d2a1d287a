//! The import history: every import of facts (a file on the import page or the command
//! line, a batch through the API) with who, when, from where and what it did, and the
//! rows it created or changed with their previous values, so an import can be rolled back.

use sea_orm_migration::{prelude::*, schema::*};

use crate::schema_builder::{create_all, drop_all, index, references, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = vec![
            table("fact_imports")
                .col(string_len("kind", 32))
                .col(string_len("source", 200))
                .col(string_len("imported_by", 200))
                .col(date_time("imported_at"))
                .col(integer("rows"))
                .col(integer("created"))
                .col(integer("changed"))
                .col(integer("unchanged"))
                .col(date_time_null("rolled_back_at"))
                .col(string_len_null("rolled_back_by", 200))
                .take(),
            table("fact_import_rows")
                .col(integer("import_id"))
                .col(integer("row_id"))
                // created or changed
                .col(string_len("action", 8))
                // A changed row's previous value (an attendance's join time), as text.
                .col(text_null("previous"))
                .foreign_key(&mut references(
                    "fact_import_rows",
                    "import_id",
                    "fact_imports",
                ))
                .take(),
        ];
        let indexes = vec![
            index("fact_imports", &["imported_at"], false),
            index("fact_import_rows", &["import_id"], false),
            index("fact_import_rows", &["row_id"], false),
        ];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["fact_import_rows", "fact_imports"]).await
    }
}
