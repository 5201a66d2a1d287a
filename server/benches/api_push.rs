//! Benchmark of the JSON API on the standard demo organization (10,000 members, 400
//! clusters, 3 years, KPIs computed) in a SQLite file: the newest 10,000 attendances are
//! removed, then pushed back in one batch through the router (`POST
//! /api/v1/facts/attendances`: JSON parsing, the whole-batch check, one transaction and
//! the incremental KPI recompute), pushed again (nothing to change), and pages of KPI
//! values are read. Prints the times; asserts nothing about time.
//!
//! `cargo bench -p server --bench api_push`

#![expect(clippy::unwrap_used, reason = "a benchmark stops at the first failure")]

use std::time::Instant;

use axum::body::Body;
use axum::http::{Request, header};
use chrono::NaiveDate;
use domain::api_tokens::{ApiTokens, TokenAdmin};
use domain::demo::{self, DemoConfig};
use domain::entity::api_token::ApiAccess;
use domain::kpi_engine::KpiEngine;
use domain::sea_orm::{ConnectionTrait, Statement};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use server::{router, state::AppState};
use tower::ServiceExt;

const FACTS: usize = 10_000;

/// Sends a request; returns the status, the parsed body and the milliseconds it took.
async fn call(app: &axum::Router, request: Request<Body>) -> (u16, Value, f64) {
    let started = Instant::now();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let took = started.elapsed().as_secs_f64() * 1000.0;
    (status, serde_json::from_slice(&bytes).unwrap(), took)
}

fn push(token: &str, body: &str) -> Request<Body> {
    Request::post("/api/v1/facts/attendances")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

fn read(token: &str, uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap()
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (scratch, dir) = domain::scratch_database::sqlite_file("api_bench")
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

        let rows = db
            .query_all_raw(Statement::from_string(
                db.get_database_backend(),
                format!(
                    "SELECT a.id AS id, e.event_ref AS event_ref, m.member_number AS member_number \
                     FROM attendances a JOIN events e ON e.id = a.event_id \
                     JOIN members m ON m.id = a.member_id \
                     ORDER BY e.scheduled_start DESC, a.id LIMIT {FACTS}"
                ),
            ))
            .await
            .unwrap();
        let mut ids = Vec::with_capacity(rows.len());
        let items: Vec<Value> = rows
            .iter()
            .map(|row| {
                ids.push(row.try_get::<i32>("", "id").unwrap().to_string());
                json!({
                    "event_ref": row.try_get::<String>("", "event_ref").unwrap(),
                    "member_number": row.try_get::<String>("", "member_number").unwrap(),
                })
            })
            .collect();
        for chunk in ids.chunks(1000) {
            db.execute_unprepared(&format!(
                "DELETE FROM attendances WHERE id IN ({})",
                chunk.join(",")
            ))
            .await
            .unwrap();
        }
        // The store matches the facts again before the pushes are timed.
        KpiEngine::recompute_all(&db, today).await.unwrap();
        let body = json!({ "items": items }).to_string();

        let token = ApiTokens::create(
            &db,
            TokenAdmin {
                user_id: 1,
                email: "bench@example.test",
            },
            "bench",
            ApiAccess::Write,
            chrono::Utc::now().naive_utc(),
        )
        .await
        .unwrap()
        .secret;
        let app = router::app(AppState {
            leptos_options: server::cli::built_in_leptos_options(),
            db: db.clone(),
            sign_in_limiter: Default::default(),
            period_signals: Default::default(),
        });

        println!(
            "SQLite (file), {} attendances in one batch ({:.0} KB of JSON):",
            items.len(),
            body.len() as f64 / 1024.0
        );
        let dry = json!({ "items": items, "dry_run": true }).to_string();
        let (status, outcome, ms) = call(&app, push(&token, &dry)).await;
        println!(
            "  dry run (check only)          {ms:>8.0} ms   {status} created {}",
            outcome["created"]
        );
        let (status, outcome, ms) = call(&app, push(&token, &body)).await;
        println!(
            "  push (write + KPI recompute)  {ms:>8.0} ms   {status} created {}, KPI values changed {}",
            outcome["created"], outcome["kpi_values_changed"]
        );
        let (status, outcome, ms) = call(&app, push(&token, &body)).await;
        println!(
            "  same batch again              {ms:>8.0} ms   {status} unchanged {}",
            outcome["unchanged"]
        );

        let mut times = Vec::new();
        let mut total = Value::Null;
        for page in 0..20 {
            let uri = format!(
                "/api/v1/kpi-values?period=2025&scope=cluster&limit=1000&offset={}",
                page * 1000
            );
            let (status, body, ms) = call(&app, read(&token, &uri)).await;
            assert_eq!(status, 200, "{body}");
            total = body["page"]["total"].clone();
            times.push(ms);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "  KPI values, pages of 1,000 of {total}: median {:.0} ms, p95 {:.0} ms",
            times[times.len() / 2],
            times[times.len() * 95 / 100]
        );
        db.close().await.unwrap();
        std::fs::remove_dir_all(&dir).ok();
    });
}
