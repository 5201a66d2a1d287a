//! Cluster plans over HTTP: a leader reads and saves only their own cluster's plan (a
//! tampered cluster id is refused), members none, staff any.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps, post_as, send, session_cookie};

fn save_form(cluster: i32) -> String {
    format!(
        "plan%5Bcluster%5D={cluster}&plan%5Byear%5D=2025\
         &plan%5Brows%5D%5B0%5D%5Bmetric%5D=forum_attendance&plan%5Brows%5D%5B0%5D%5Bselected%5D=true\
         &plan%5Brows%5D%5B0%5D%5Bgreen%5D=50&plan%5Brows%5D%5B0%5D%5Bamber%5D=40"
    )
}

#[tokio::test]
async fn leaders_plan_their_own_cluster_only() {
    for (db, app) in apps().await {
        // The test leader leads the first cluster (id 1); cluster 2 is someone else's.
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let (response, body) = send(&app, post_as("/api/plan/get", &leader, "year=2025")).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let plan: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(plan["cluster"], 1, "{}", db.name);
        assert_eq!(
            plan["clusters"].as_array().map(Vec::len),
            Some(1),
            "{}: only their own",
            db.name
        );

        let (response, body) = send(
            &app,
            post_as("/api/plan/get", &leader, "cluster=2&year=2025"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        assert!(
            !body.contains("forum_attendance"),
            "{}: no data leaked",
            db.name
        );

        let (response, body) = send(&app, post_as("/api/plan/save", &leader, &save_form(1))).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (response, _) = send(&app, post_as("/api/plan/save", &leader, &save_form(2))).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);

        let (_, body) = send(&app, post_as("/api/plan/get", &leader, "year=2025")).await;
        let plan: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let row = plan["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|r| r["metric"] == "forum_attendance"))
            .expect("the metric is listed");
        assert_eq!(row["green"], "50", "{}: saved in percent as typed", db.name);
    }
}

#[tokio::test]
async fn members_cannot_read_plans_and_staff_can_read_any() {
    for (db, app) in apps().await {
        let member = session_cookie(&db.conn, Role::Member).await;
        let (response, _) = send(&app, post_as("/api/plan/get", &member, "year=2025")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        let (response, _) = send(&app, post_as("/api/plan/save", &member, &save_form(1))).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);

        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) = send(
            &app,
            post_as("/api/plan/get", &staff, "cluster=2&year=2025"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let plan: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(plan["cluster"], 2, "{}", db.name);
        assert_eq!(
            plan["clusters"].as_array().map(Vec::len),
            Some(12),
            "{}",
            db.name
        );
    }
}
