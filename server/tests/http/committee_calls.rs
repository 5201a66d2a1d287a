//! Committee calls over HTTP: a leader reads and records their own cluster's calls (the
//! cluster's KPIs follow), not another cluster's; bad fields are refused by name.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn call_form(cluster: i32, committee: i64, member: &str, joined: &str, date: &str) -> String {
    format!(
        "call%5Bcluster%5D={cluster}&call%5Bcommittee%5D={committee}&call%5Bdate%5D={date}\
         &call%5Bstart%5D=19%3A00&call%5Bheld%5D=true\
         &call%5Battendees%5D%5B0%5D%5Bmember%5D={member}&call%5Battendees%5D%5B0%5D%5Bjoined%5D={joined}"
    )
}

#[tokio::test]
async fn leaders_record_their_own_clusters_calls_only() {
    for (db, app) in apps_with_kpis().await {
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let (response, body) = send(&app, post_as("/api/committee-calls/get", &leader, "")).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(page["cluster"], 1, "{}", db.name);
        let roster = &page["rosters"][0];
        let committee = roster["committee"]
            .as_i64()
            .expect("the demo cluster has a committee");
        let member = roster["members"][0]["value"]
            .as_str()
            .expect("with members")
            .to_owned();
        let calls_before = page["calls"].as_array().map_or(0, Vec::len);
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();

        let (response, body) = send(
            &app,
            post_as(
                "/api/committee-calls/record",
                &leader,
                &call_form(1, committee, &member, "19%3A03", &today),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (_, body) = send(&app, post_as("/api/committee-calls/get", &leader, "")).await;
        let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let calls = page["calls"].as_array().expect("calls");
        assert!(
            calls.len() == calls_before + 1 || calls.len() == 20,
            "{}: the new call is listed",
            db.name
        );
        assert!(
            calls[0]["summary"]
                .as_str()
                .is_some_and(|s| s.starts_with("1 of") && s.ends_with("1 on time")),
            "{}: {}",
            db.name,
            calls[0]
        );

        // Another cluster, by id in the form or in the query: refused, nothing written.
        let (response, _) = send(
            &app,
            post_as(
                "/api/committee-calls/record",
                &leader,
                &call_form(2, committee, &member, "19%3A03", &today),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        let (response, body) = send(
            &app,
            post_as("/api/committee-calls/get", &leader, "cluster=2"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        assert!(!body.contains("rosters"), "{}: no data leaked", db.name);

        // Bad fields say which and why.
        let (response, body) = send(
            &app,
            post_as(
                "/api/committee-calls/record",
                &leader,
                &call_form(1, committee, &member, "7pm", "2025-13-01"),
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
            body.contains("date") && body.contains("2025-13-01"),
            "{}: {body}",
            db.name
        );

        let (response, html) = send(&app, get_as("/committee-calls", &leader)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("Record a call"), "{}", db.name);
    }
}
