//! API tokens for `/api/v1`: an admin creates one for a CRM plugin or an integration,
//! sees its secret once, and revokes it. Only the SHA-256 of the secret is stored; the
//! first characters (the prefix) tell tokens apart in lists and logs.

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
            table("api_tokens")
                .col(string_len("name", 80))
                .col(string_len_uniq("token_hash", 64))
                .col(string_len("prefix", 16))
                .col(string_len("access", 8))
                .col(string_len("created_by", 160))
                .col(date_time("created_at"))
                .col(date_time_null("last_used_at"))
                .col(date_time_null("revoked_at"))
                .col(string_len_null("revoked_by", 160))
                .take(),
        ];
        create_all(manager, tables, Vec::new()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["api_tokens"]).await
    }
}
