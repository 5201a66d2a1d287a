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
