//! A router over a small demo organization, on every test database.

use axum::{Router, body::Body, http::Request, response::Response};
use chrono::NaiveDate;
use domain::{
    demo::{self, DemoConfig},
    scratch_database::{self, ScratchDatabase},
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use server::{router, state::AppState};
use tower::ServiceExt;

/// The small organization the HTTP tests look at.
pub fn small_demo() -> DemoConfig {
    DemoConfig {
        members: 300,
        clusters: 12,
        regions: 3,
        years: 2,
        seed: 11,
        until: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date"),
    }
}

/// Each test database, loaded with the small demo, with a router over it.
pub async fn apps() -> Vec<(ScratchDatabase, Router)> {
    let mut all = Vec::new();
    for db in scratch_database::for_tests().await.expect("test databases") {
        let data = demo::generate(&small_demo(), &mut |_| {}).expect("generates");
        demo::write(&db.conn, data, &mut |_, _| {})
            .await
            .expect("writes");
        let app = router::app(AppState {
            leptos_options: leptos_options(),
            db: db.conn.clone(),
        });
        all.push((db, app));
    }
    all
}

/// Leptos settings for an app that is not run by cargo-leptos.
pub fn leptos_options() -> LeptosOptions {
    server::cli::built_in_leptos_options()
}

/// Sends `request` and returns the response with its body as text.
pub async fn send(app: &Router, request: Request<Body>) -> (Response<()>, String) {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("a body").to_bytes();
    (
        Response::from_parts(parts, ()),
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// A GET request.
pub fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).expect("a request")
}
