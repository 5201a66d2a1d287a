//! `GET /healthz`.

use axum::http::StatusCode;
use server::{router, state::AppState};

use crate::support::{apps, get, leptos_options, send};

#[tokio::test]
async fn healthz_is_ok_while_the_database_answers() {
    for (db, app) in apps().await {
        let (response, body) = send(&app, get("/healthz")).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert_eq!(body, r#"{"status":"ok","database":"ok"}"#, "{}", db.name);
    }
}

#[tokio::test]
async fn healthz_is_unavailable_when_the_database_is_gone() {
    for (db, _) in apps().await {
        let app = router::app(AppState {
            leptos_options: leptos_options(),
            db: db.conn.clone(),
            sign_in_limiter: Default::default(),
        });
        db.conn.clone().close().await.expect("closes");
        let (response, body) = send(&app, get("/healthz")).await;
        assert_eq!(
            response.status(),
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            db.name
        );
        assert_eq!(
            body, r#"{"status":"unavailable","database":"unreachable"}"#,
            "{}",
            db.name
        );
    }
}
