//! Metric definitions as data, and where computed KPI values live.
//!
//! `metrics` gains its `definition` (JSON, see `kpi::definition`), an accountable `owner`
//! and a `version` that every edit increments; the 49 shipped definitions are seeded from
//! `seed/metric_definitions.json`. `kpi_values` holds one row per metric, period and scope
//! with value, numerator and denominator; `metric_targets` and `metric_selections` hold a
//! cluster's targets and chosen optional metrics per year.

use sea_orm_migration::{prelude::*, schema::*};

use crate::schema_builder::{create_all, drop_all, index, references, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The shipped definitions, keyed by metric key.
const DEFINITIONS: &str = include_str!("seed/metric_definitions.json");

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            text_null("definition"),
            string_len_null("owner", 160),
            integer("version").default(1).take(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table("metrics")
                        .add_column(column.clone())
                        .take(),
                )
                .await?;
        }
        seed_definitions(manager).await?;

        let tables = vec![
            table("kpi_values")
                .col(integer("metric_id"))
                // month, quarter or year; the key names the period (2025, 2025-Q3, 2025-07).
                .col(string_len("grain", 8))
                .col(string_len("period_key", 8))
                // cluster, region or organization (scope_id 0).
                .col(string_len("scope_kind", 16))
                .col(integer("scope_id"))
                .col(double_null("value"))
                .col(double_null("numerator"))
                .col(double_null("denominator"))
                .col(date_time("computed_at"))
                // computed, validated, rejected, overridden, stale or not_applicable.
                .col(string_len("status", 16).default("computed").take())
                .col(double_null("decided_value"))
                .col(text_null("decision_reason"))
                .col(string_len_null("decided_by", 160))
                .col(date_time_null("decided_at"))
                .foreign_key(&mut references("kpi_values", "metric_id", "metrics"))
                .take(),
            table("metric_targets")
                .col(integer("cluster_id"))
                .col(integer("year"))
                .col(integer("metric_id"))
                .col(double("green"))
                .col(double("amber"))
                .foreign_key(&mut references("metric_targets", "cluster_id", "clusters"))
                .foreign_key(&mut references("metric_targets", "metric_id", "metrics"))
                .take(),
            table("metric_selections")
                .col(integer("cluster_id"))
                .col(integer("year"))
                .col(integer("metric_id"))
                .foreign_key(&mut references(
                    "metric_selections",
                    "cluster_id",
                    "clusters",
                ))
                .foreign_key(&mut references("metric_selections", "metric_id", "metrics"))
                .take(),
        ];
        let indexes = vec![
            index(
                "kpi_values",
                &["metric_id", "period_key", "scope_kind", "scope_id"],
                true,
            ),
            index(
                "kpi_values",
                &["scope_kind", "scope_id", "period_key"],
                false,
            ),
            index("metric_targets", &["cluster_id", "year", "metric_id"], true),
            index(
                "metric_selections",
                &["cluster_id", "year", "metric_id"],
                true,
            ),
        ];
        create_all(manager, tables, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            manager,
            &["metric_selections", "metric_targets", "kpi_values"],
        )
        .await?;
        for column in ["version", "owner", "definition"] {
            manager
                .alter_table(Table::alter().table("metrics").drop_column(column).take())
                .await?;
        }
        Ok(())
    }
}

/// Stores each shipped definition on its metric's row.
async fn seed_definitions(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let definitions: serde_json::Map<String, serde_json::Value> = serde_json::from_str(DEFINITIONS)
        .map_err(|e| DbErr::Custom(format!("seed/metric_definitions.json: {e}")))?;
    for (key, definition) in definitions {
        let update = Query::update()
            .table("metrics")
            .value("definition", definition.to_string())
            .and_where(Expr::col("key").eq(key))
            .take();
        manager.exec_stmt(update).await?;
    }
    Ok(())
}
