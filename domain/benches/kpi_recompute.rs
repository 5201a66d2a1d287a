//! Benchmark of the KPI engine on the standard demo organization (10,000 members,
//! 400 clusters, 3 years): a full recompute into an empty store, a full recompute that
//! changes nothing, and an incremental recompute after one attendance is added.
//! Runs on a SQLite file and, when `MEMBERPULSE_TEST_POSTGRES` names a server, on
//! PostgreSQL. Prints figures; asserts nothing about time.
//!
//! `cargo bench -p domain --bench kpi_recompute`; with `KPI_BENCH_QUERIES=1` it also
//! prints the slowest measure queries of each full recompute (what dominates the time).

#![expect(clippy::unwrap_used, reason = "a benchmark stops at the first failure")]

use std::time::Instant;

use chrono::NaiveDate;
use domain::demo::{self, DemoConfig};
use domain::kpi_engine::{FactChange, KpiEngine, RecomputeReport};
use domain::scratch_database;
use domain::sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use kpi::{ClusterId, MemberId};
use tracing_subscriber::Layer;

/// Collects the engine's "measure queried" trace events: (duration, metric SQL head).
#[derive(Clone, Default)]
struct QueryTimes(std::sync::Arc<std::sync::Mutex<Vec<(u64, String)>>>);

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for QueryTimes {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        #[derive(Default)]
        struct Fields(u64, String);
        impl tracing::field::Visit for Fields {
            fn record_u64(&mut self, field: &tracing::field::Field, value: u64) {
                if field.name() == "duration_ms" {
                    self.0 = value;
                }
            }
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                if field.name() == "kpi.query" {
                    self.1 = format!("{value:?}");
                }
            }
        }
        let mut fields = Fields::default();
        event.record(&mut fields);
        if !fields.1.is_empty() {
            self.0.lock().unwrap().push((fields.0, fields.1));
        }
    }
}

impl QueryTimes {
    fn reset(&self) {
        self.0.lock().unwrap().clear();
    }

    fn print_slowest(&self) {
        let mut all = std::mem::take(&mut *self.0.lock().unwrap());
        if all.is_empty() {
            return;
        }
        all.sort_by_key(|entry| std::cmp::Reverse(entry.0));
        let total: u64 = all.iter().map(|(ms, _)| ms).sum();
        println!(
            "    {} queries, {total} ms in all (summed over concurrent queries); slowest:",
            all.len()
        );
        for (ms, sql) in all.iter().take(8) {
            // The part after the periods CTE says which source and filters it is.
            let tail = sql
                .rsplit_once(") SELECT ")
                .map_or(sql.as_str(), |(_, t)| t);
            let head: String = tail.chars().take(150).collect();
            println!("    {ms:>6} ms  {head}");
        }
    }
}

fn print(label: &str, report: &RecomputeReport, wall_ms: u128) {
    println!(
        "  {label:<38} {wall_ms:>6} ms  (prepare {} ms, compute {:>5} ms, save {:>5} ms; {} metrics, {} periods, {} values; inserted {}, updated {}, unchanged {})",
        report.prepare_ms,
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

async fn run(name: &str, db: &DatabaseConnection, today: NaiveDate, queries: &QueryTimes) {
    println!("{name}:");
    let started = Instant::now();
    let data = demo::generate(&DemoConfig::standard(today), &mut |_| {}).unwrap();
    demo::write(db, data, &mut |_, _| {}).await.unwrap();
    println!("  demo loaded in {} ms", started.elapsed().as_millis());

    queries.reset();
    let started = Instant::now();
    let report = KpiEngine::recompute_all(db, today).await.unwrap();
    print(
        "full recompute, empty store",
        &report,
        started.elapsed().as_millis(),
    );
    queries.print_slowest();

    let started = Instant::now();
    let report = KpiEngine::recompute_all(db, today).await.unwrap();
    print(
        "full recompute, nothing changed",
        &report,
        started.elapsed().as_millis(),
    );

    // One more attendance at each of the latest held forum meetings, one at a time: each
    // followed by its incremental recompute (the first read after the million-row write
    // has been seen to wait about 0.3 s for SQLite, so several samples are shown).
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT e.id AS event_id, e.host_cluster_id AS host, MIN(i.member_id) AS member_id, \
             e.scheduled_start AS held_at FROM events e \
             JOIN event_invitations i ON i.event_id = e.id \
             LEFT JOIN attendances a ON a.event_id = e.id AND a.member_id = i.member_id \
             WHERE e.kind = 'forum_meeting' AND e.status = 'held' AND a.id IS NULL \
             GROUP BY e.id, e.host_cluster_id, e.scheduled_start \
             ORDER BY e.scheduled_start DESC LIMIT 7",
        ))
        .await
        .unwrap();
    let mut walls = Vec::new();
    let mut last_change = None;
    for (i, row) in rows.iter().enumerate() {
        let event: i32 = row.try_get("", "event_id").unwrap();
        let member: i32 = row.try_get("", "member_id").unwrap();
        let host: i32 = row.try_get("", "host").unwrap();
        let held_at: chrono::NaiveDateTime = row.try_get("", "held_at").unwrap();
        db.execute_unprepared(&format!(
            "INSERT INTO attendances (event_id, member_id, joined_at) VALUES ({event}, {member}, NULL)"
        ))
        .await
        .unwrap();
        let change = FactChange::concerning(
            db,
            &["attendances"],
            (held_at.date(), held_at.date()),
            &[ClusterId(host)],
            &[MemberId(member)],
        )
        .await
        .unwrap();
        queries.reset();
        let started = Instant::now();
        let report = KpiEngine::recompute_after_change(db, &change, today)
            .await
            .unwrap();
        let wall = started.elapsed().as_millis();
        print(
            &format!("incremental, one attendance ({})", i + 1),
            &report,
            wall,
        );
        if i == 0 {
            queries.print_slowest();
        }
        walls.push(wall);
        last_change = Some(change);
    }
    walls.sort_unstable();
    if let Some(median) = walls.get(walls.len() / 2) {
        println!(
            "  incremental, one attendance: median {median} ms, max {} ms over {} changes",
            walls.last().copied().unwrap_or_default(),
            walls.len()
        );
    }

    // The same change when its clusters are not known: every cluster is recomputed.
    if let Some(change) = last_change {
        let unknown = FactChange {
            clusters: None,
            ..change
        };
        let started = Instant::now();
        let report = KpiEngine::recompute_after_change(db, &unknown, today)
            .await
            .unwrap();
        print(
            "incremental, clusters not known",
            &report,
            started.elapsed().as_millis(),
        );
    }
}

fn main() {
    use tracing_subscriber::layer::SubscriberExt;
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let queries = QueryTimes::default();
    if std::env::var("KPI_BENCH_QUERIES").is_ok_and(|v| v == "1") {
        let filter = tracing_subscriber::filter::Targets::new()
            .with_target("domain::kpi_engine", tracing::Level::TRACE);
        let subscriber = tracing_subscriber::registry().with(queries.clone().with_filter(filter));
        tracing::subscriber::set_global_default(subscriber).unwrap();
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (scratch, dir) = scratch_database::sqlite_file("bench").await.unwrap();
        let db = scratch.conn;
        run("SQLite (file)", &db, today, &queries).await;
        db.close().await.unwrap();
        std::fs::remove_dir_all(&dir).ok();

        if let Some(server) = scratch_database::postgres_server() {
            let scratch = scratch_database::postgres(&server).await.unwrap();
            run("PostgreSQL", &scratch.conn, today, &queries).await;
        } else {
            println!("PostgreSQL: skipped (set MEMBERPULSE_TEST_POSTGRES)");
        }
    });
}
