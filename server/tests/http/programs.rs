//! Inter-cluster programs over HTTP: a leader records a program their cluster hosts, marks
//! it held and removes it, for their own cluster only; bad fields are refused by name and
//! write nothing.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn program_form(cluster: i32, title: &str, date: &str, start: &str, status: &str) -> String {
    format!(
        "program%5Bcluster%5D={cluster}&program%5Btitle%5D={title}&program%5Bdate%5D={date}\
         &program%5Bstart%5D={start}&program%5Bstatus%5D={status}"
    )
}

async fn programs(app: &axum::Router, cookie: &str) -> Vec<serde_json::Value> {
    let (response, body) = send(app, post_as("/api/programs/get", cookie, "")).await;
    assert_eq!(response.status(), StatusCode::OK, "{body}");
    let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    page["programs"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn leaders_record_and_decide_their_own_clusters_programs_only() {
    for (db, app) in apps_with_kpis().await {
        let name = &db.name;
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let yesterday = (chrono::Local::now() - chrono::TimeDelta::days(1))
            .format("%Y-%m-%d")
            .to_string();
        let (response, body) = send(
            &app,
            post_as(
                "/api/programs/record",
                &leader,
                &program_form(1, "Founders+Exchange", &yesterday, "18%3A30", "Planned"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let listed = programs(&app, &leader).await;
        let program = listed
            .iter()
            .find(|p| p["title"] == "Founders Exchange")
            .expect("the new program");
        assert_eq!(program["status"], "Planned", "{name}");
        assert_eq!(program["started"], true, "{name}");
        let id = program["id"].as_i64().expect("an id");

        let (response, body) = send(
            &app,
            post_as(
                "/api/programs/decide",
                &leader,
                &format!("cluster=1&id={id}&status=Held"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let listed = programs(&app, &leader).await;
        assert!(
            listed
                .iter()
                .any(|p| p["id"] == id && p["status"] == "Held"),
            "{name}: {listed:?}"
        );

        // Another cluster: refused, by form, by query and by id.
        let (response, _) = send(
            &app,
            post_as(
                "/api/programs/record",
                &leader,
                &program_form(2, "X", &yesterday, "18%3A30", "Planned"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(
            &app,
            post_as(
                "/api/programs/remove",
                &leader,
                &format!("cluster=2&id={id}"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(&app, post_as("/api/programs/get", &leader, "cluster=2")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // Bad fields say which and why; nothing is written.
        let (response, body) = send(
            &app,
            post_as(
                "/api/programs/record",
                &leader,
                &program_form(1, "Gala", "tomorrowish", "late", "Planned"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(
            body.contains("tomorrowish") && body.contains("late"),
            "{name}: {body}"
        );
        let next_week = (chrono::Local::now() + chrono::TimeDelta::days(7))
            .format("%Y-%m-%d")
            .to_string();
        let (response, body) = send(
            &app,
            post_as(
                "/api/programs/record",
                &leader,
                &program_form(1, "Gala", &next_week, "19%3A00", "Held"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(body.contains("cannot have been held yet"), "{name}: {body}");
        assert!(
            !programs(&app, &leader)
                .await
                .iter()
                .any(|p| p["title"] == "Gala"),
            "{name}: nothing written"
        );

        let (response, body) = send(
            &app,
            post_as(
                "/api/programs/remove",
                &leader,
                &format!("cluster=1&id={id}"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        assert!(
            !programs(&app, &leader).await.iter().any(|p| p["id"] == id),
            "{name}: removed"
        );

        let (response, html) = send(&app, get_as("/programs", &leader)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert!(html.contains("Record a program"), "{name}");
    }
}
