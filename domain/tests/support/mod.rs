//! Databases for the domain tests: SQLite always, PostgreSQL when configured.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the support"
)]

use domain::{
    scratch_database::{self, ScratchDatabase},
    sea_orm::{ConnectionTrait, DatabaseConnection, Statement},
};

/// SQLite, plus PostgreSQL when `MEMBERPULSE_TEST_POSTGRES` is set. Under `CI=true`
/// PostgreSQL is required: its absence fails the test instead of skipping it.
pub async fn databases() -> Vec<ScratchDatabase> {
    let mut all = vec![
        scratch_database::sqlite()
            .await
            .expect("in-memory SQLite opens"),
    ];
    match scratch_database::postgres_server() {
        Some(server) => all.push(
            scratch_database::postgres(&server)
                .await
                .expect("PostgreSQL scratch database"),
        ),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "CI=true but {} is not set: PostgreSQL tests cannot be skipped in CI",
                scratch_database::POSTGRES_VARIABLE
            )
        }
        None => eprintln!(
            "PostgreSQL tests skipped: set {} (e.g. postgres://postgres@127.0.0.1:5432/postgres)",
            scratch_database::POSTGRES_VARIABLE
        ),
    }
    all
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
