//! Media coverage over HTTP: a leader records and removes their own cluster's items (the
//! KPIs follow), not another cluster's; bad fields are refused by name.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn item_form(cluster: i32, date: &str, reach: &str, title: &str) -> String {
    format!(
        "item%5Bcluster%5D={cluster}&item%5Bpublished_on%5D={date}&item%5Boutlet%5D=Courier\
         &item%5Bkind%5D=mention&item%5Breach%5D={reach}&item%5Btitle%5D={title}"
    )
}

#[tokio::test]
async fn leaders_record_and_remove_their_own_clusters_coverage_only() {
    for (db, app) in apps_with_kpis().await {
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        let (response, body) = send(
            &app,
            post_as(
                "/api/media/record",
                &leader,
                &item_form(1, &today, "12%2C000", "Founders+meet"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (_, body) = send(&app, post_as("/api/media/get", &leader, "")).await;
        let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let newest = &page["items"][0];
        assert_eq!(newest["title"], "Founders meet", "{}", db.name);
        assert_eq!(newest["reach"], "12,000", "{}", db.name);
        let id = newest["id"].as_i64().expect("an id");

        // Another cluster: refused, by form or by query.
        let (response, _) = send(
            &app,
            post_as(
                "/api/media/record",
                &leader,
                &item_form(2, &today, "1", "x"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        let (response, _) = send(
            &app,
            post_as("/api/media/remove", &leader, &format!("cluster=2&id={id}")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        let (response, _) = send(&app, post_as("/api/media/get", &leader, "cluster=2")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);

        // Bad fields say which and why; nothing is written.
        let (response, body) = send(
            &app,
            post_as(
                "/api/media/record",
                &leader,
                &item_form(1, "someday", "lots", "y"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(
            body.contains("someday") && body.contains("lots"),
            "{}: {body}",
            db.name
        );

        let (response, body) = send(
            &app,
            post_as("/api/media/remove", &leader, &format!("cluster=1&id={id}")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (_, body) = send(&app, post_as("/api/media/get", &leader, "")).await;
        assert!(!body.contains("Founders meet"), "{}: removed", db.name);

        let (response, html) = send(&app, get_as("/media", &leader)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("Record coverage"), "{}", db.name);
    }
}
