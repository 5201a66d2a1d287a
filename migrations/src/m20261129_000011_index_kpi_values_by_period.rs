//! KPI values by period: dashboards read one period of every metric and cluster (the
//! overview's pulse, the validation queue). Without this index SQLite answered
//! `period_key = ? AND scope_kind = ?` by walking every cluster value of every period
//! (about 1.1 M rows on the demo).

use sea_orm_migration::prelude::*;

use crate::schema_builder::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The index's columns.
const COLUMNS: &[&str] = &["period_key", "scope_kind", "metric_id"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(index("kpi_values", COLUMNS, false))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(format!("ix_kpi_values_{}", COLUMNS.join("_")))
                    .table("kpi_values")
                    .to_owned(),
            )
            .await
    }
}
