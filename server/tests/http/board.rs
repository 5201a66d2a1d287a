//! The board over HTTP: a leader defines a seat, starts a member's term on it, ends and
//! removes the term and removes the seat, for their own cluster only; bad fields are
//! refused by name and write nothing.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

async fn board(app: &axum::Router, cookie: &str) -> serde_json::Value {
    let (response, body) = send(app, post_as("/api/board/get", cookie, "")).await;
    assert_eq!(response.status(), StatusCode::OK, "{body}");
    serde_json::from_str(&body).expect("JSON")
}

fn seat<'a>(board: &'a serde_json::Value, title: &str) -> Option<&'a serde_json::Value> {
    board["seats"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["title"] == title)
}

#[tokio::test]
async fn leaders_keep_their_own_clusters_board_only() {
    for (db, app) in apps_with_kpis().await {
        let name = &db.name;
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        let ok = |status: StatusCode, body: &str| {
            assert_eq!(status, StatusCode::OK, "{name}: {body}");
        };

        let (response, body) = send(
            &app,
            post_as(
                "/api/board/add-seat",
                &leader,
                "cluster=1&title=Community+Officer&leads=false",
            ),
        )
        .await;
        ok(response.status(), &body);
        let page = board(&app, &leader).await;
        let added = seat(&page, "Community Officer").expect("the new seat");
        assert!(added["term"].is_null(), "{name}: vacant");
        let seat_id = added["id"].as_i64().expect("id");
        let member = page["members"][0].clone();
        let member_id = member["value"].as_str().expect("a member");

        let (response, body) = send(
            &app,
            post_as(
                "/api/board/start-term",
                &leader,
                &format!("cluster=1&seat={seat_id}&member={member_id}&starts_on={today}"),
            ),
        )
        .await;
        ok(response.status(), &body);
        let page = board(&app, &leader).await;
        let term = &seat(&page, "Community Officer").expect("seat")["term"];
        assert_eq!(term["holder"], member["label"], "{name}");
        let term_id = term["id"].as_i64().expect("term id");

        // Another cluster: refused, by form and by query.
        let (response, _) = send(
            &app,
            post_as(
                "/api/board/add-seat",
                &leader,
                "cluster=2&title=X&leads=false",
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(&app, post_as("/api/board/get", &leader, "cluster=2")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // Bad fields say which and why; nothing is written.
        let (response, body) = send(
            &app,
            post_as(
                "/api/board/start-term",
                &leader,
                &format!("cluster=1&seat={seat_id}&member={member_id}&starts_on=soon"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(body.contains("soon"), "{name}: {body}");
        let (response, body) = send(
            &app,
            post_as(
                "/api/board/add-seat",
                &leader,
                "cluster=1&title=community+officer&leads=false",
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(body.contains("already has a seat"), "{name}: {body}");
        let (response, body) = send(
            &app,
            post_as(
                "/api/board/remove-seat",
                &leader,
                &format!("cluster=1&seat={seat_id}"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(body.contains("end its term instead"), "{name}: {body}");

        for (path, form) in [
            (
                "/api/board/end-term",
                format!("cluster=1&term={term_id}&ends_on={today}"),
            ),
            (
                "/api/board/remove-term",
                format!("cluster=1&term={term_id}"),
            ),
            (
                "/api/board/remove-seat",
                format!("cluster=1&seat={seat_id}"),
            ),
        ] {
            let (response, body) = send(&app, post_as(path, &leader, &form)).await;
            assert_eq!(response.status(), StatusCode::OK, "{name}: {path}: {body}");
        }
        let page = board(&app, &leader).await;
        assert!(
            seat(&page, "Community Officer").is_none(),
            "{name}: removed"
        );

        let (response, html) = send(&app, get_as("/board", &leader)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert!(html.contains("Add a seat"), "{name}");
    }
}
