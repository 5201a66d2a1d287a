//! Benchmark of server rendering on the standard demo organization (10,000 members, 400
//! clusters, 3 years) in a SQLite file: each signed-in page rendered in full (HTML with
//! its server-function data) many times through the router, in process. Prints the median,
//! p95 and size per page; asserts nothing about time.
//!
//! `cargo bench -p server --bench page_render`; `PAGE_BENCH_RUNS` sets the repetitions,
//! `PAGE_BENCH_ONLY` (a part of a page's label) measures only the pages it names, for a
//! profiler; `PAGE_BENCH_SPANS` prints the time of each traced call (busy and idle), to
//! see which read a page waits for.

#![expect(clippy::unwrap_used, reason = "a benchmark stops at the first failure")]

use std::time::Instant;

use app::auth::SESSION_COOKIE;
use axum::body::Body;
use axum::http::{Request, header};
use chrono::NaiveDate;
use domain::account::{Accounts, NewUser, Role};
use domain::demo::{self, DemoConfig};
use domain::entity::membership;
use domain::kpi_engine::KpiEngine;
use domain::kpi_revision::KpiRevision;
use domain::kpi_values::KpiValues;
use domain::sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};
use http_body_util::BodyExt;
use server::{router, state::AppState};
use tower::ServiceExt;

async fn cookie(db: &DatabaseConnection, role: Role, member: Option<i32>) -> String {
    let now = chrono::Utc::now().naive_utc();
    let email = format!("bench-{role:?}@example.test").to_lowercase();
    let password = "correct horse battery staple".to_owned();
    Accounts::create_user(
        db,
        "bench",
        NewUser {
            email: email.clone(),
            display_name: format!("Bench {role:?}"),
            role,
            cluster_id: (role == Role::Leader).then_some(1),
            member_id: member,
            password: password.clone(),
        },
        now,
    )
    .await
    .unwrap();
    let session = Accounts::sign_in(db, &email, &password, now)
        .await
        .unwrap()
        .unwrap();
    format!("{SESSION_COOKIE}={}", session.token)
}

/// Renders `uri` `runs` times; prints median, p95 and the HTML size. With `written`, the
/// KPI revision moves on before each render (untimed), as after a write, so no kept
/// period signals serve it.
async fn measure(
    app: &axum::Router,
    label: &str,
    uri: &str,
    cookie: &str,
    runs: usize,
    written: Option<&DatabaseConnection>,
) {
    let request = || {
        Request::get(uri)
            .header(header::COOKIE, cookie)
            .header(header::HOST, "127.0.0.1:3000")
            .body(Body::empty())
            .unwrap()
    };
    let mut bytes = 0;
    for _ in 0..3 {
        let response = app.clone().oneshot(request()).await.unwrap();
        assert!(
            response.status().is_success(),
            "{uri}: {}",
            response.status()
        );
        bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .len();
    }
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        if let Some(db) = written {
            KpiRevision::advance(db).await.unwrap();
        }
        let started = Instant::now();
        let response = app.clone().oneshot(request()).await.unwrap();
        let _ = response.into_body().collect().await.unwrap();
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "  {label:<26} median {median:>7.1} ms   p95 {p95:>7.1} ms   {:>6.1} KB HTML",
        bytes as f64 / 1024.0
    );
}

fn main() {
    let runs: usize = std::env::var("PAGE_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(30);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    if std::env::var("PAGE_BENCH_SPANS").is_ok() {
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::INFO)
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
            .init();
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (scratch, dir) = domain::scratch_database::sqlite_file("page_bench")
            .await
            .unwrap();
        let db = scratch.conn;
        let started = Instant::now();
        let data = demo::generate(&DemoConfig::standard(today), &mut |_| {}).unwrap();
        demo::write(&db, data, &mut |_, _| {}).await.unwrap();
        KpiEngine::recompute_all(&db, today).await.unwrap();
        println!(
            "demo loaded and computed in {:.1} s",
            started.elapsed().as_secs_f64()
        );

        let first_member = membership::Entity::find()
            .order_by_asc(membership::Column::Id)
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .member_id;
        let staff = cookie(&db, Role::Staff, None).await;
        let member = cookie(&db, Role::Member, Some(first_member)).await;
        let year = KpiValues::periods(&db)
            .await
            .unwrap()
            .into_iter()
            .nth(1)
            .unwrap();
        let app = router::app(AppState {
            leptos_options: server::cli::built_in_leptos_options(),
            db: db.clone(),
            sign_in_limiter: Default::default(),
            period_signals: Default::default(),
        });

        println!("SQLite (file), {runs} renders each, after 3 warm-ups:");
        let pages = [
            ("organization overview", "/".to_owned(), &staff),
            (
                "cluster scorecard",
                format!("/scorecard?cluster=1&period={year}"),
                &staff,
            ),
            (
                "leaderboard (400 clusters)",
                format!("/leaderboard?metric=active_member_share&period={year}&region=all"),
                &staff,
            ),
            (
                "region view (heatmap)",
                format!("/region?region=1&period={year}&group=cluster"),
                &staff,
            ),
            (
                "metric explorer (regions × quarters)",
                "/explorer?metric=forum_attendance".to_owned(),
                &staff,
            ),
            (
                "metric explorer (a region's clusters)",
                "/explorer?metric=forum_attendance&region=1&grain=month".to_owned(),
                &staff,
            ),
            (
                "a member's participation (staff)",
                format!("/member?id={first_member}&period={year}"),
                &staff,
            ),
            ("brand stylesheet", "/theme.css".to_owned(), &staff),
            (
                "validation queue",
                format!("/validation?period={year}"),
                &staff,
            ),
            (
                "member scorecard",
                format!("/scorecard?period={year}"),
                &member,
            ),
            (
                "member participation",
                format!("/me/participation?period={year}"),
                &member,
            ),
        ];
        let only = std::env::var("PAGE_BENCH_ONLY").unwrap_or_default();
        for (label, uri, cookie) in pages.iter().filter(|(label, ..)| label.contains(&only)) {
            measure(&app, label, uri, cookie, runs, None).await;
        }
        let after_writes = [
            ("organization overview, after a write", "/".to_owned()),
            (
                "cluster scorecard, after a write",
                format!("/scorecard?cluster=1&period={year}"),
            ),
        ];
        for (label, uri) in after_writes
            .iter()
            .filter(|(label, _)| label.contains(&only))
        {
            measure(&app, label, uri, &staff, runs, Some(&db)).await;
        }
        db.close().await.unwrap();
        std::fs::remove_dir_all(&dir).ok();
    });
}
