//! Accounts: `users` (e-mail, argon2id password hash, role and what the role is tied to),
//! `user_sessions` (only a SHA-256 of each session token is stored, so a leaked table
//! cannot sign anyone in) and `auth_events` (sign-ins, failures and privilege changes).

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
            table("users")
                // Stored lower-cased: e-mail addresses are matched without case.
                .col(string_len_uniq("email", 254))
                .col(string_len("display_name", 160))
                // admin, staff, leader or member.
                .col(string_len("role", 16))
                // The cluster a leader leads, the member record of a member.
                .col(integer_null("cluster_id"))
                .col(integer_null("member_id"))
                .col(string_len("password_hash", 200))
                .col(boolean("active").default(true))
                .col(integer("failed_sign_ins").default(0))
                .col(date_time_null("locked_until"))
                .col(date_time("created_at"))
                .foreign_key(&mut references("users", "cluster_id", "clusters"))
                .foreign_key(&mut references("users", "member_id", "members"))
                .take(),
            table("user_sessions")
                .col(string_len_uniq("token_hash", 64))
                .col(integer("user_id"))
                .col(date_time("created_at"))
                .col(date_time("expires_at"))
                .foreign_key(&mut references("user_sessions", "user_id", "users"))
                .take(),
            table("auth_events")
                .col(integer_null("user_id"))
                .col(string_len("email", 254))
                // sign_in, sign_in_failed, locked, sign_out, user_created, role_changed…
                .col(string_len("event", 32))
                .col(text_null("detail"))
                .col(date_time("at"))
                .take(),
        ];
        let indexes = vec![
            index("user_sessions", &["user_id"], false),
            index("auth_events", &["at"], false),
        ];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["auth_events", "user_sessions", "users"]).await
    }
}
