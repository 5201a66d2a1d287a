//! Service projects and partnerships over HTTP: a leader records, ends, reopens and removes
//! their own cluster's (the KPIs follow), not another cluster's; bad fields are refused by
//! name and write nothing.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn work_form(cluster: i32, kind: &str, name: &str, start: &str, end: &str) -> String {
    format!(
        "work%5Bcluster%5D={cluster}&work%5Bkind%5D={kind}&work%5Bname%5D={name}\
         &work%5Bstarted_on%5D={start}&work%5Bended_on%5D={end}"
    )
}

#[tokio::test]
async fn leaders_keep_their_own_clusters_projects_and_partnerships_only() {
    for (db, app) in apps_with_kpis().await {
        let name = &db.name;
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let today = chrono::Local::now().date_naive();
        let start = (today - chrono::TimeDelta::days(30))
            .format("%Y-%m-%d")
            .to_string();
        let (response, body) = send(
            &app,
            post_as(
                "/api/community-work/record",
                &leader,
                &work_form(1, "Partnership", "Harbour+Rotary+Club", &start, ""),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let (_, body) = send(&app, post_as("/api/community-work/get", &leader, "")).await;
        let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let items = page["items"].as_array().expect("items");
        let entry = items
            .iter()
            .find(|i| i["name"] == "Harbour Rotary Club")
            .expect("the new partnership");
        assert_eq!(entry["kind"], "Partnership", "{name}");
        assert!(entry["ended"].is_null(), "{name}: ongoing");
        let id = entry["id"].as_i64().expect("an id");

        // Ended today, reopened.
        let end = today.format("%Y-%m-%d").to_string();
        for (ended_on, ongoing) in [(end.as_str(), false), ("", true)] {
            let (response, body) = send(
                &app,
                post_as(
                    "/api/community-work/end",
                    &leader,
                    &format!("cluster=1&kind=Partnership&id={id}&ended_on={ended_on}"),
                ),
            )
            .await;
            assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
            let (_, body) = send(&app, post_as("/api/community-work/get", &leader, "")).await;
            let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
            let entry = page["items"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|i| i["id"] == id && i["kind"] == "Partnership")
                .expect("still listed")
                .clone();
            assert_eq!(entry["ended"].is_null(), ongoing, "{name}: {entry}");
        }

        // Another cluster: refused, by form, by query and by id.
        let (response, _) = send(
            &app,
            post_as(
                "/api/community-work/record",
                &leader,
                &work_form(2, "ServiceProject", "x", &start, ""),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(
            &app,
            post_as(
                "/api/community-work/remove",
                &leader,
                &format!("cluster=2&kind=Partnership&id={id}"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(
            &app,
            post_as("/api/community-work/get", &leader, "cluster=2"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // Bad fields say which and why; nothing is written.
        let (response, body) = send(
            &app,
            post_as(
                "/api/community-work/record",
                &leader,
                &work_form(1, "ServiceProject", "Food+drive", "someday", "later"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(
            body.contains("someday") && body.contains("later"),
            "{name}: {body}"
        );
        let (response, body) = send(
            &app,
            post_as(
                "/api/community-work/end",
                &leader,
                &format!("cluster=1&kind=Partnership&id={id}&ended_on=1999-01-01"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(body.contains("before the start"), "{name}: {body}");
        let (_, body) = send(&app, post_as("/api/community-work/get", &leader, "")).await;
        assert!(!body.contains("Food drive"), "{name}: nothing written");

        let (response, body) = send(
            &app,
            post_as(
                "/api/community-work/remove",
                &leader,
                &format!("cluster=1&kind=Partnership&id={id}"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let (_, body) = send(&app, post_as("/api/community-work/get", &leader, "")).await;
        assert!(!body.contains("Harbour Rotary Club"), "{name}: removed");

        let (response, html) = send(&app, get_as("/community-work", &leader)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert!(html.contains("Record a project or partnership"), "{name}");
    }
}
