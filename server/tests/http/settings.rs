//! Organization settings over HTTP: an admin sets the limits on optional metrics and a
//! cluster's plan is held to them at once; impossible limits are refused by name and
//! change nothing; the change is in the audit log.

use axum::http::StatusCode;
use domain::{
    account::Role,
    entity::auth_event,
    sea_orm::{ColumnTrait, EntityTrait, QueryFilter},
};

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn limits(min: u32, max: u32) -> String {
    format!("limits%5Bmin%5D={min}&limits%5Bmax%5D={max}")
}

#[tokio::test]
async fn an_admin_sets_the_limits_that_plans_are_held_to() {
    for (db, app) in apps_with_kpis().await {
        let name = &db.name;
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let (response, body) = send(&app, post_as("/api/settings/get", &admin, "")).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let settings: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let optional = settings["optional_metrics"].as_u64().expect("a count");
        assert!(optional > 3, "{name}: {settings}");

        let (response, body) = send(
            &app,
            post_as("/api/settings/selection-limits", &admin, &limits(2, 3)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let (_, body) = send(&app, post_as("/api/settings/get", &admin, "")).await;
        let settings: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            settings["limits"],
            serde_json::json!({"min": 2, "max": 3}),
            "{name}"
        );
        let logged = auth_event::Entity::find()
            .filter(auth_event::Column::Event.eq("selection_limits_changed"))
            .all(&db.conn)
            .await
            .expect("query");
        assert_eq!(logged.len(), 1, "{name}");

        // A leader's plan now shows the limits.
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let (response, body) = send(&app, post_as("/api/plan/get", &leader, "")).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let plan: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(plan["min_optional"], 2, "{name}: {plan}");
        assert_eq!(plan["max_optional"], 3, "{name}: {plan}");

        // Impossible limits say why and change nothing.
        let (response, body) = send(
            &app,
            post_as("/api/settings/selection-limits", &admin, &limits(5, 4)),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(body.contains("more than the maximum"), "{name}: {body}");
        let (response, body) = send(
            &app,
            post_as(
                "/api/settings/selection-limits",
                &admin,
                &limits(0, u32::try_from(optional + 1).expect("small")),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}"
        );
        assert!(
            body.contains("optional metrics there are"),
            "{name}: {body}"
        );
        let (_, body) = send(&app, post_as("/api/settings/get", &admin, "")).await;
        let settings: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            settings["limits"],
            serde_json::json!({"min": 2, "max": 3}),
            "{name}"
        );

        let (response, html) = send(&app, get_as("/admin/settings", &admin)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert!(html.contains("Optional metrics per cluster"), "{name}");
    }
}
