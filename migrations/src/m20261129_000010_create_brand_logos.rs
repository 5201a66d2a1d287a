//! The organization's logo, uploaded by an admin: the image itself (a few hundred KB at
//! most), so the database stays the one thing to back up. The newest row is the logo; its
//! id versions the URL the pages use.

use sea_orm_migration::{prelude::*, schema::*};

use crate::schema_builder::{create_all, drop_all, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = vec![
            table("brand_logos")
                .col(string_len("content_type", 32))
                .col(blob("bytes"))
                .col(string_len("uploaded_by", 160))
                .col(date_time("uploaded_at"))
                .take(),
        ];
        create_all(manager, tables, Vec::new()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["brand_logos"]).await
    }
}
