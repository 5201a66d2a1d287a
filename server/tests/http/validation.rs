//! The staff validation workflow and the metric catalogue over HTTP: the queue page, a
//! decision, the explanation, saving metrics (refused and accepted), and role checks.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

#[tokio::test]
async fn staff_validate_a_value_and_see_it_explained_with_its_history() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, html) = send(
            &app,
            get_as("/validation?period=2025&group=cluster", &staff),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("Validation queue"), "{}", db.name);
        assert!(
            html.contains("queue-table__row"),
            "{}: rows are rendered",
            db.name
        );
        assert!(html.contains("values await a decision"), "{}", db.name);

        let (response, body) = send(
            &app,
            post_as("/api/validation/decide", &staff, DECIDE_VALIDATE),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        assert_eq!(body.trim(), "1", "{}: one value changed", db.name);

        // A rejection without a reason is refused, saying why, and changes nothing.
        let (response, body) = send(
            &app,
            post_as(
                "/api/validation/decide",
                &staff,
                "request%5Bperiod%5D=2025&request%5Bkind%5D=Reject&request%5Bmetric%5D=forum_attendance\
                 &request%5Bcluster%5D=1&request%5Breason%5D=&request%5Bbulk%5D=false",
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(body.contains("a reason is required"), "{}: {body}", db.name);

        let (response, html) = send(
            &app,
            get_as(
                "/validation/explain?metric=forum_attendance&period=2025&cluster=1",
                &staff,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(
            html.contains("Numerator: the number of `invitations`"),
            "{}",
            db.name
        );
        assert!(
            html.contains("data-source=\"invitations\""),
            "{}: fact rows",
            db.name
        );
        assert!(
            html.contains("Test Staff"),
            "{}: the decision is in the history",
            db.name
        );
        assert!(html.contains("Validated"), "{}", db.name);
        assert!(html.contains("Data completeness"), "{}", db.name);
    }
}

#[tokio::test]
async fn a_bad_metric_definition_is_refused_with_reasons_and_a_good_one_is_computed() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let form = |key: &str, definition: &str| {
            format!(
                "existing=&form%5Bkey%5D={key}&form%5Bname%5D=Speaker+count&form%5Bdescription%5D=&form%5Bgroup%5D=cluster\
                 &form%5Bunit%5D=count&form%5Blower_is_better%5D=false&form%5Bgreen%5D=4&form%5Bamber%5D=2\
                 &form%5Bobligatory%5D=false&form%5Byearly_only%5D=false&form%5Bowner%5D=\
                 &form%5Bretired%5D=false&form%5Bdefinition%5D={}",
                urlencode(definition)
            )
        };
        let bad = r#"{"kind":"count","measure":{"source":"speeches","aggregate":{"fn":"count"},"placement":{"rule":"always"}}}"#;
        let (response, body) = send(
            &app,
            post_as("/api/metrics/save", &staff, &form("speaker_count", bad)),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {body}",
            db.name
        );
        assert!(
            body.contains("speeches"),
            "{}: names the unknown source: {body}",
            db.name
        );
        let (_, html) = send(&app, get_as("/metrics", &staff)).await;
        assert!(
            !html.contains("speaker_count"),
            "{}: nothing saved",
            db.name
        );

        let good = r#"{"kind":"count","measure":{"source":"speakers","aggregate":{"fn":"count"},"placement":{"rule":"date_in_period","field":"scheduled_start"}}}"#;
        let (response, body) = send(
            &app,
            post_as("/api/metrics/save", &staff, &form("speaker_count", good)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let saved: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(saved["version"], 1, "{}", db.name);
        assert!(
            saved["values"].as_u64().unwrap_or(0) > 0,
            "{}: computed: {body}",
            db.name
        );
        let (_, html) = send(&app, get_as("/metrics", &staff)).await;
        assert!(html.contains("speaker_count"), "{}: listed", db.name);
    }
}

#[tokio::test]
async fn members_and_leaders_get_no_staff_data() {
    for (db, app) in apps_with_kpis().await {
        for role in [Role::Member, Role::Leader] {
            let cookie = session_cookie(&db.conn, role).await;
            for (uri, form) in [
                ("/api/validation/decide", DECIDE_VALIDATE),
                (
                    "/api/validation/explain",
                    "metric=forum_attendance&period=2025&cluster=1",
                ),
                ("/api/metrics/list", ""),
                ("/api/metrics/retire", "key=forum_attendance&retired=true"),
            ] {
                let (response, body) = send(&app, post_as(uri, &cookie, form)).await;
                assert_eq!(
                    response.status(),
                    StatusCode::FORBIDDEN,
                    "{} {role:?} {uri}",
                    db.name
                );
                assert!(!body.contains("invitations"), "{}: no data leaked", db.name);
            }
        }
    }
}

const DECIDE_VALIDATE: &str = "request%5Bperiod%5D=2025&request%5Bkind%5D=Validate\
    &request%5Bmetric%5D=forum_attendance&request%5Bcluster%5D=1&request%5Bbulk%5D=false";

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
