//! Goals over HTTP: a leader sets a goal for the running fiscal year, marks it achieved and
//! removes it, for their own cluster only; a closed year and a repeated goal are refused by
//! name and write nothing.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

async fn goals(app: &axum::Router, cookie: &str) -> serde_json::Value {
    let (response, body) = send(app, post_as("/api/goals/get", cookie, "")).await;
    assert_eq!(response.status(), StatusCode::OK, "{body}");
    serde_json::from_str(&body).expect("JSON")
}

#[tokio::test]
async fn leaders_set_and_mark_their_own_clusters_goals_only() {
    for (db, app) in apps_with_kpis().await {
        let name = &db.name;
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let page = goals(&app, &leader).await;
        let year = page["year"].as_i64().expect("the running year");
        assert_eq!(page["years"], serde_json::json!([year, year + 1]), "{name}");

        let (response, body) = send(
            &app,
            post_as(
                "/api/goals/add",
                &leader,
                &format!("cluster=1&year={year}&title=Double+the+mentoring+pairs"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let page = goals(&app, &leader).await;
        let goal = page["goals"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|g| g["title"] == "Double the mentoring pairs")
            .expect("the new goal")
            .clone();
        assert_eq!(goal["achieved"], false, "{name}");
        assert_eq!(
            goal["on_time"],
            !page["deadline_passed"].as_bool().expect("a flag"),
            "{name}"
        );
        let id = goal["id"].as_i64().expect("an id");

        let (response, body) = send(
            &app,
            post_as(
                "/api/goals/achieved",
                &leader,
                &format!("cluster=1&id={id}&achieved=true"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let page = goals(&app, &leader).await;
        assert!(
            page["goals"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|g| g["id"] == id && g["achieved"] == true),
            "{name}: {page}"
        );

        // Another cluster: refused, by form, by query and by id.
        let (response, _) = send(
            &app,
            post_as(
                "/api/goals/add",
                &leader,
                &format!("cluster=2&year={year}&title=X"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(
            &app,
            post_as("/api/goals/remove", &leader, &format!("cluster=2&id={id}")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(&app, post_as("/api/goals/get", &leader, "cluster=2")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // A closed year and a repeated goal say why; nothing is written.
        let (response, body) = send(
            &app,
            post_as(
                "/api/goals/add",
                &leader,
                &format!("cluster=1&year={}&title=Late+idea", year - 1),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(
            body.contains(&format!("not {}", year - 1)),
            "{name}: {body}"
        );
        let (response, body) = send(
            &app,
            post_as(
                "/api/goals/add",
                &leader,
                &format!("cluster=1&year={year}&title=double+the+mentoring+pairs"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(body.contains("already a goal"), "{name}: {body}");

        let (response, body) = send(
            &app,
            post_as("/api/goals/remove", &leader, &format!("cluster=1&id={id}")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let page = goals(&app, &leader).await;
        assert!(
            !page.to_string().contains("Double the mentoring pairs"),
            "{name}: removed"
        );

        let (response, html) = send(&app, get_as("/goals", &leader)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert!(html.contains("Add a goal"), "{name}");
    }
}
