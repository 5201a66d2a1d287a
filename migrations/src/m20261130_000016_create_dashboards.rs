//! Dashboards as data: a name and its widgets (chart, metric, width, in order) as a JSON
//! array, so staff build and change dashboards in the app. The five shipped dashboards
//! (`seed/default_dashboards.json`) are seeded here and carry their key, so they can be
//! restored as they shipped.

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
            table("dashboards")
                .col(string_len("name", 80))
                // The key of a shipped dashboard (`overview`); none for one staff built.
                .col(string_len_null("shipped_key", 40).unique_key())
                // The widgets in order: [{"chart", "metric", "width"}].
                .col(text("widgets"))
                .col(string_len_null("updated_by", 160))
                // None while a shipped dashboard is as it shipped.
                .col(date_time_null("updated_at"))
                .take(),
        ];
        create_all(manager, tables, Vec::new()).await?;
        let db = manager.get_connection();
        crate::seed::insert_default_dashboards(db).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["dashboards"]).await
    }
}
