//! The revision of the stored KPI values: one counter that every write which can change a
//! cluster value, its status or its signal (values, decisions, targets, thresholds,
//! settings) moves on in its own transaction. A reader keeps what it derived from the
//! values (the organization's pulse reads some 20,000 of them) until the counter moves,
//! on every server process alike, as the counter lives in the database.

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
        create_all(
            manager,
            vec![
                table("kpi_revision")
                    .col(big_integer("revision").default(0))
                    .take(),
            ],
            Vec::new(),
        )
        .await?;
        // The one row writers move on; they never insert one.
        let mut insert = Query::insert();
        insert
            .into_table("kpi_revision")
            .columns(["revision"])
            .values([0i64.into()])
            .map_err(|e| DbErr::Custom(format!("kpi_revision: {e}")))?;
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["kpi_revision"]).await
    }
}
