//! One-time password reset links: an admin issues one (there is no mail server; the admin
//! passes it on), it works once, within a day. Only the SHA-256 of the token is stored.

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
            table("password_resets")
                .col(string_len_uniq("token_hash", 64))
                .col(integer("user_id"))
                .col(string_len("issued_by", 160))
                .col(date_time("created_at"))
                .col(date_time("expires_at"))
                .col(date_time_null("used_at"))
                .foreign_key(&mut references("password_resets", "user_id", "users"))
                .take(),
        ];
        let indexes = vec![index("password_resets", &["user_id"], false)];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["password_resets"]).await
    }
}
