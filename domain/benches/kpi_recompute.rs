//! Benchmark of the KPI engine on the standard demo organization (10,000 members,
//! 400 clusters, 3 years): a full recompute into an empty store, a full recompute that
//! changes nothing, and an incremental recompute after one attendance is added.
//! Runs on a SQLite file and, when `MEMBERPULSE_TEST_POSTGRES` names a server, on
//! PostgreSQL. Prints figures; asserts nothing about time.
//!
//! `cargo bench -p domain --bench kpi_recompute`

#![expect(clippy::unwrap_used, reason = "a benchmark stops at the first failure")]

use std::time::Instant;

use chrono::NaiveDate;
use domain::database::{self, DatabaseUrl};
use domain::demo::{self, DemoConfig};
use domain::kpi_engine::{FactChange, KpiEngine, RecomputeReport};
use domain::scratch_database;
use domain::sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

fn print(label: &str, report: &RecomputeReport, wall_ms: u128) {
    println!(
        "  {label:<38} {wall_ms:>6} ms  (compute {:>5} ms, save {:>5} ms; {} metrics, {} periods, {} values; inserted {}, updated {}, unchanged {})",
        report.compute_ms,
        report.save_ms,
        report.metrics,
        report.periods,
        report.values,
        report.saved.inserted,
        report.saved.updated,
        report.saved.unchanged,
    );
}

async fn run(name: &str, db: &DatabaseConnection, today: NaiveDate) {
    println!("{name}:");
    let started = Instant::now();
    let data = demo::generate(&DemoConfig::standard(today), &mut |_| {}).unwrap();
    demo::write(db, data, &mut |_, _| {}).await.unwrap();
    println!("  demo loaded in {} ms", started.elapsed().as_millis());

    let started = Instant::now();
    let report = KpiEngine::recompute_all(db, today).await.unwrap();
    print(
        "full recompute, empty store",
        &report,
        started.elapsed().as_millis(),
    );

    let started = Instant::now();
    let report = KpiEngine::recompute_all(db, today).await.unwrap();
    print(
        "full recompute, nothing changed",
        &report,
        started.elapsed().as_millis(),
    );

    // One more attendance at a held forum meeting last month.
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT e.id AS event_id, i.member_id AS member_id, e.scheduled_start AS held_at FROM events e \
             JOIN event_invitations i ON i.event_id = e.id \
             LEFT JOIN attendances a ON a.event_id = e.id AND a.member_id = i.member_id \
             WHERE e.kind = 'forum_meeting' AND e.status = 'held' AND a.id IS NULL \
             ORDER BY e.scheduled_start DESC LIMIT 1",
        ))
        .await
        .unwrap()
        .unwrap();
    let event: i32 = row.try_get("", "event_id").unwrap();
    let member: i32 = row.try_get("", "member_id").unwrap();
    let held_at: chrono::NaiveDateTime = row.try_get("", "held_at").unwrap();
    db.execute_unprepared(&format!(
        "INSERT INTO attendances (event_id, member_id, joined_at) VALUES ({event}, {member}, NULL)"
    ))
    .await
    .unwrap();
    let change = FactChange {
        tables: vec!["attendances".into()],
        from: held_at.date(),
        to: held_at.date(),
    };
    let started = Instant::now();
    let report = KpiEngine::recompute_after_change(db, &change, today)
        .await
        .unwrap();
    print(
        "incremental, one attendance",
        &report,
        started.elapsed().as_millis(),
    );
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let dir = std::env::temp_dir().join(format!("mp_bench_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = DatabaseUrl::parse(&format!(
            "sqlite://{}?mode=rwc",
            dir.join("bench.db").display()
        ))
        .unwrap();
        let db = database::open(&url).await.unwrap();
        run("SQLite (file)", &db, today).await;
        db.close().await.unwrap();
        std::fs::remove_dir_all(&dir).ok();

        if let Some(server) = scratch_database::postgres_server() {
            let scratch = scratch_database::postgres(&server).await.unwrap();
            run("PostgreSQL", &scratch.conn, today).await;
        } else {
            println!("PostgreSQL: skipped (set MEMBERPULSE_TEST_POSTGRES)");
        }
    });
}
