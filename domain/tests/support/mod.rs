//! Databases for the domain tests: SQLite always, PostgreSQL when configured.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the support"
)]

use domain::{
    scratch_database::{self, ScratchDatabase},
    sea_orm::{ConnectionTrait, DatabaseConnection, Statement},
};

/// SQLite, plus PostgreSQL when configured (required under `CI=true`).
pub async fn databases() -> Vec<ScratchDatabase> {
    scratch_database::for_tests().await.expect("test databases")
}

/// Rows in `table`.
pub async fn count(db: &DatabaseConnection, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) AS n FROM {table}");
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("count query")
        .expect("one row");
    row.try_get::<i64>("", "n").expect("a count")
}

/// Every stored KPI value (metric, period, scope kind, scope id, value), in a stable order:
/// what an incremental recompute must leave exactly as a full one would.
pub async fn stored_values(
    db: &DatabaseConnection,
) -> Vec<(i32, String, String, i32, Option<f64>)> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT metric_id, period_key, scope_kind, scope_id, value FROM kpi_values \
             ORDER BY metric_id, period_key, scope_kind, scope_id",
        ))
        .await
        .expect("values");
    rows.iter()
        .map(|row| {
            (
                row.try_get("", "metric_id").expect("metric"),
                row.try_get("", "period_key").expect("period"),
                row.try_get("", "scope_kind").expect("kind"),
                row.try_get("", "scope_id").expect("scope"),
                row.try_get("", "value").expect("value"),
            )
        })
        .collect()
}

/// The stored value of `metric` for `cluster` in `period` (a key such as `2025`).
pub async fn cluster_value(
    db: &DatabaseConnection,
    cluster: kpi::ClusterId,
    period: &str,
    metric: &str,
) -> Option<f64> {
    use domain::kpi_values::{KpiFilter, KpiValues};
    use kpi::{FiscalYearStart, MetricKey, Period, ScopeKind};

    KpiValues::list(
        db,
        &KpiFilter {
            period: Some(Period::parse(period, FiscalYearStart::default()).expect("period")),
            scope_kind: Some(ScopeKind::Cluster),
            metric: Some(MetricKey::parse(metric).expect("key")),
            cluster: Some(cluster),
            ..KpiFilter::default()
        },
    )
    .await
    .expect("values")
    .first()
    .and_then(|row| row.value)
}
