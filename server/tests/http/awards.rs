//! Award applications over HTTP: a leader records, decides and removes their own
//! cluster's applications (the KPIs follow), not another cluster's; bad fields are refused
//! by name.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn application_form(cluster: i32, award: &str, date: &str, member: &str) -> String {
    format!(
        "application%5Bcluster%5D={cluster}&application%5Baward%5D={award}\
         &application%5Bsubmitted_on%5D={date}&application%5Bmember%5D={member}"
    )
}

#[tokio::test]
async fn leaders_record_decide_and_remove_their_own_clusters_applications_only() {
    for (db, app) in apps_with_kpis().await {
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        let (response, body) = send(
            &app,
            post_as(
                "/api/awards/record",
                &leader,
                &application_form(1, "Founders+Prize", &today, ""),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (_, body) = send(&app, post_as("/api/awards/get", &leader, "")).await;
        let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let newest = &page["applications"][0];
        assert_eq!(newest["award"], "Founders Prize", "{}", db.name);
        assert_eq!(newest["applicant"], "The cluster", "{}", db.name);
        assert_eq!(newest["outcome"], "pending", "{}", db.name);
        assert!(
            page["members"].as_array().is_some_and(|m| !m.is_empty()),
            "{}: the cluster's members to pick from",
            db.name
        );
        let id = newest["id"].as_i64().expect("an id");

        let (response, body) = send(
            &app,
            post_as(
                "/api/awards/decide",
                &leader,
                &format!("cluster=1&id={id}&outcome=won"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (_, body) = send(&app, post_as("/api/awards/get", &leader, "")).await;
        let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(page["applications"][0]["outcome"], "won", "{}", db.name);

        // Another cluster: refused, by form or by query.
        let (response, _) = send(
            &app,
            post_as(
                "/api/awards/record",
                &leader,
                &application_form(2, "x", &today, ""),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        for path in ["/api/awards/remove", "/api/awards/decide"] {
            let (response, _) = send(
                &app,
                post_as(path, &leader, &format!("cluster=2&id={id}&outcome=lost")),
            )
            .await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{}: {path}",
                db.name
            );
        }
        let (response, _) = send(&app, post_as("/api/awards/get", &leader, "cluster=2")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);

        // Bad fields say which and why; nothing is written.
        let (response, body) = send(
            &app,
            post_as(
                "/api/awards/record",
                &leader,
                &application_form(1, "Prize", "someday", "nobody"),
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
            body.contains("someday") && body.contains("nobody"),
            "{}: {body}",
            db.name
        );
        let (response, body) = send(
            &app,
            post_as(
                "/api/awards/decide",
                &leader,
                &format!("cluster=1&id={id}&outcome=maybe"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {body}",
            db.name
        );

        let (response, body) = send(
            &app,
            post_as("/api/awards/remove", &leader, &format!("cluster=1&id={id}")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (_, body) = send(&app, post_as("/api/awards/get", &leader, "")).await;
        assert!(!body.contains("Founders Prize"), "{}: removed", db.name);

        let (response, html) = send(&app, get_as("/awards", &leader)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("Record an application"), "{}", db.name);
    }
}
