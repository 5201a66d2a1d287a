//! A reference for each media item and award application: the natural key an import
//! matches rows by (a CRM's own id), since no set of their fields tells two apart (the full
//! demo holds media items alike in cluster, day, outlet, kind and title). Rows there are
//! get `MP-MEDIA-<id>` and `MP-AWARD-<id>`; rows the app records later get an `MP-` one of
//! their own.

use sea_orm_migration::prelude::*;

use crate::schema_builder::{add_references, drop_references};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each table with the prefix of the references its rows get here.
const TABLES: &[(&str, &str)] = &[
    ("media_items", "MP-MEDIA-"),
    ("award_applications", "MP-AWARD-"),
];

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
