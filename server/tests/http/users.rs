//! User administration over HTTP: only admins manage accounts; an invitation link sets a
//! password once, for a visitor; a deactivated user's session stops working at once.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps, get, get_as, post_as, send, session_cookie};

#[tokio::test]
async fn only_admins_manage_accounts() {
    for (db, app) in apps().await {
        for role in [Role::Staff, Role::Leader, Role::Member] {
            let cookie = session_cookie(&db.conn, role).await;
            for (uri, form) in [
                ("/api/users/list", ""),
                (
                    "/api/users/invite",
                    "form%5Bemail%5D=x%40example.test&form%5Bdisplay_name%5D=X&form%5Brole%5D%5Brole%5D=Admin",
                ),
                ("/api/users/active", "user=1&active=false"),
                ("/api/users/reset-link", "user=1"),
                ("/api/users/role", "user=1&role%5Brole%5D=Admin"),
            ] {
                let (response, body) = send(&app, post_as(uri, &cookie, form)).await;
                assert_eq!(
                    response.status(),
                    StatusCode::FORBIDDEN,
                    "{} {role:?} {uri}: {body}",
                    db.name
                );
                assert!(!body.contains("token"), "{}: no link leaked", db.name);
            }
        }
    }
}

#[tokio::test]
async fn an_invited_user_sets_a_password_and_a_deactivated_one_is_signed_out() {
    for (db, app) in apps().await {
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let (response, body) = send(
            &app,
            post_as(
                "/api/users/invite",
                &admin,
                "form%5Bemail%5D=casey%40example.test&form%5Bdisplay_name%5D=Casey&form%5Brole%5D%5Brole%5D=Staff",
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let link: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let path = link["path"].as_str().expect("a path").to_owned();
        let token = path.split("token=").nth(1).expect("a token").to_owned();

        // The reset page is open to visitors; the token is the proof.
        let (response, _) = send(&app, get(&path)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        let form = format!("token={token}&new=casey+has+a+long+password");
        let (response, body) = send(&app, post_as("/api/account/reset", "", &form)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (response, body) = send(&app, post_as("/api/account/reset", "", &form)).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: used once",
            db.name
        );
        assert!(body.contains("not valid any more"), "{}: {body}", db.name);

        let now = chrono::Utc::now().naive_utc();
        let session = domain::account::Accounts::sign_in(
            &db.conn,
            "casey@example.test",
            "casey has a long password",
            now,
        )
        .await
        .expect("query")
        .expect("signed in");
        let casey = format!("{}={}", app::auth::SESSION_COOKIE, session.token);
        let (response, _) = send(&app, get_as("/validation", &casey)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);

        let (_, body) = send(&app, post_as("/api/users/list", &admin, "")).await;
        let list: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let id = list["users"]
            .as_array()
            .and_then(|users| users.iter().find(|u| u["email"] == "casey@example.test"))
            .and_then(|u| u["id"].as_i64())
            .expect("listed");
        let (response, body) = send(
            &app,
            post_as(
                "/api/users/active",
                &admin,
                &format!("user={id}&active=false"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (response, _) = send(&app, get_as("/validation", &casey)).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{}: signed out at once",
            db.name
        );
    }
}
