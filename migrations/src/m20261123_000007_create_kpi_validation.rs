//! The validation trail: `kpi_audit` records every decision on a KPI value and every
//! period close or restatement (who, when, before, after, why); `period_closures` lists
//! closed periods, whose values change only through a restatement.

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
            table("kpi_audit")
                // Empty for period actions (close, restate).
                .col(integer_null("kpi_value_id"))
                .col(string_len("period_key", 8))
                .col(string_len_null("scope_kind", 16))
                .col(integer_null("scope_id"))
                .col(integer_null("metric_id"))
                // validate, reject, override, not_applicable, reopen, close or restate.
                .col(string_len("action", 16))
                .col(string_len_null("status_before", 16))
                .col(string_len_null("status_after", 16))
                .col(double_null("value_before"))
                .col(double_null("value_after"))
                .col(text_null("reason"))
                .col(string_len("actor", 160))
                .col(date_time("at"))
                .foreign_key(&mut references("kpi_audit", "kpi_value_id", "kpi_values"))
                .foreign_key(&mut references("kpi_audit", "metric_id", "metrics"))
                .take(),
            table("period_closures")
                .col(string_len_uniq("period_key", 8))
                .col(string_len("closed_by", 160))
                .col(date_time("closed_at"))
                .take(),
        ];
        let indexes = vec![
            index("kpi_audit", &["kpi_value_id"], false),
            index("kpi_audit", &["period_key", "at"], false),
        ];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, &["period_closures", "kpi_audit"]).await
    }
}
