//! The organization overview: server-rendered page and server function.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use serde_json::Value;

use domain::account::Role;

use crate::support::{apps, get_as, send, session_cookie};

#[tokio::test]
async fn the_server_function_returns_every_region_and_cluster() {
    for (db, app) in apps().await {
        let cookie = session_cookie(&db.conn, Role::Staff).await;
        let request = Request::post("/api/organization/overview")
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .expect("request");
        let (response, body) = send(&app, request).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let overview: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            overview["organization_name"], "Northwind Entrepreneurs",
            "{}",
            db.name
        );
        let regions = overview["regions"].as_array().expect("regions");
        assert_eq!(regions.len(), 3, "{}", db.name);
        let clusters: usize = regions
            .iter()
            .map(|r| r["clusters"].as_array().map_or(0, Vec::len))
            .sum();
        assert_eq!(clusters, 12, "{}", db.name);
    }
}

#[tokio::test]
async fn the_overview_page_is_rendered_on_the_server() {
    for (db, app) in apps().await {
        let cookie = session_cookie(&db.conn, Role::Staff).await;
        let (response, html) = send(&app, get_as("/", &cookie)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("<html lang=\"en\""), "{}: no lang", db.name);
        assert!(html.contains("Regions and clusters"), "{}", db.name);
        assert!(html.contains("Northwind Entrepreneurs"), "{}", db.name);
        // Nothing is computed yet: the pulse says so and the page still opens.
        assert!(
            html.contains("data-testid=\"pulse-empty\""),
            "{}: no empty pulse",
            db.name
        );
        assert_eq!(
            html.matches("class=\"region card\"").count(),
            3,
            "{}",
            db.name
        );
        assert_eq!(
            html.matches("class=\"cluster-table__row\"").count(),
            12,
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn german_browsers_get_german_text() {
    for (db, app) in apps().await {
        let cookie = session_cookie(&db.conn, Role::Staff).await;
        let request = Request::get("/")
            .header(header::COOKIE, cookie)
            .header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5")
            .body(Body::empty())
            .expect("request");
        let (_, html) = send(&app, request).await;
        assert!(html.contains("<html lang=\"de\""), "{}", db.name);
        assert!(html.contains("Regionen und Cluster"), "{}", db.name);
    }
}

#[tokio::test]
async fn an_unknown_page_answers_404() {
    for (db, app) in apps().await {
        let cookie = session_cookie(&db.conn, Role::Staff).await;
        let (response, html) = send(&app, get_as("/no/such/page", &cookie)).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", db.name);
        assert!(html.contains("Page not found"), "{}", db.name);
        // In the organization's own brand: the page reads it as every other does.
        assert!(html.contains("Northwind Entrepreneurs"), "{}", db.name);
    }
}
