//! Fact tables by the date that starts KPI history: the engine asks for the earliest
//! event, invoice, self-report and media item before every recompute, and without these
//! indexes each answer was a scan of the whole table (about 24 ms of an incremental
//! recompute's 100 ms budget on the demo).

use sea_orm_migration::prelude::*;

use crate::schema_builder::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each table with the date column the engine reads its first day from.
const DATES: &[(&str, &str)] = &[
    ("events", "scheduled_start"),
    ("dues_invoices", "due_on"),
    ("self_reports", "report_month"),
    ("media_items", "published_on"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in DATES {
            manager
                .create_index(index(table, &[*column], false))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in DATES {
            manager
                .drop_index(
                    Index::drop()
                        .name(format!("ix_{table}_{column}"))
                        .table(*table)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
