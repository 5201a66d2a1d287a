//! The regions a staff user is limited to: none means the whole organization. A row per
//! user and region, so scoping a list is a join and a region can be added or taken away
//! on its own.

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
            table("user_regions")
                .col(integer("user_id"))
                .col(integer("region_id"))
                .foreign_key(&mut references("user_regions", "user_id", "users"))
                .foreign_key(&mut references("user_regions", "region_id", "regions"))
                .take(),
        ];
        let indexes = vec![index("user_regions", &["user_id", "region_id"], true)];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["user_regions"]).await
    }
}
