//! Sign-in, sessions, lockout, cross-site refusal and role checks over HTTP.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use domain::account::{Accounts, NewUser, Role};

use crate::support::{apps, get, get_as, post_as, send, session_cookie};

const PASSWORD: &str = "a long enough password";

async fn create_staff(db: &domain::sea_orm::DatabaseConnection, email: &str) {
    Accounts::create_user(
        db,
        "test",
        NewUser {
            email: email.into(),
            display_name: "Sam Staff".into(),
            role: Role::Staff,
            cluster_id: None,
            member_id: None,
            password: PASSWORD.into(),
        },
        chrono::Utc::now().naive_utc(),
    )
    .await
    .expect("created");
}

fn sign_in_form(email: &str, password: &str) -> Request<Body> {
    Request::post("/api/account/sign-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000")
        .body(Body::from(format!(
            "email={}&password={}&next=%2Fvalidation",
            email.replace('@', "%40"),
            password.replace(' ', "+")
        )))
        .expect("request")
}

#[tokio::test]
async fn pages_send_visitors_to_sign_in_and_back() {
    for (db, app) in apps().await {
        let (response, _) = send(&app, get("/validation?period=2025")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", db.name);
        assert_eq!(
            response.headers()[header::LOCATION],
            "/sign-in?next=/validation%3Fperiod%3D2025",
            "{}",
            db.name
        );
        let (response, html) = send(&app, get("/sign-in")).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("type=\"password\""), "{}", db.name);
        // The scripts every page names load for visitors too: a redirect there is an
        // HTML answer the browser refuses to run.
        for script in [
            "/charts.js",
            "/echarts.min.js",
            "/echarts-trend.min.js",
            "/pkg/memberpulse.js",
        ] {
            let (response, _) = send(&app, get(script)).await;
            assert_ne!(
                response.status(),
                StatusCode::SEE_OTHER,
                "{}: {script}",
                db.name
            );
        }
    }
}

#[tokio::test]
async fn signing_in_sets_a_strict_http_only_cookie_that_opens_the_pages() {
    for (db, app) in apps().await {
        create_staff(&db.conn, "sam@example.test").await;
        let (response, body) = send(&app, sign_in_form("Sam@Example.test", PASSWORD)).await;
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "{}: {} {body}",
            db.name,
            response.status()
        );
        let cookie = response.headers()[header::SET_COOKIE]
            .to_str()
            .expect("text")
            .to_owned();
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Strict"), "{cookie}");
        // Local development (Host 127.0.0.1) is plain http: no Secure flag there.
        assert!(!cookie.contains("Secure"), "{cookie}");
        let session = cookie.split(';').next().expect("pair").to_owned();
        let (response, html) = send(&app, get_as("/", &session)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(
            html.contains("Sam Staff"),
            "{}: the header names the user",
            db.name
        );

        // Signing out ends the session on the server, not only in the browser.
        let (response, _) = send(&app, post_as("/api/account/sign-out", &session, "")).await;
        assert!(!response.status().is_server_error(), "{}", db.name);
        let (response, _) = send(&app, get_as("/", &session)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", db.name);
    }
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_lock_the_account_after_five() {
    for (db, app) in apps().await {
        create_staff(&db.conn, "lee@example.test").await;
        for attempt in 1..=4 {
            let (response, body) =
                send(&app, sign_in_form("lee@example.test", "not the password")).await;
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{} #{attempt}",
                db.name
            );
            assert!(body.contains("WrongCredentials"), "{body}");
            assert!(response.headers().get(header::SET_COOKIE).is_none());
        }
        let (response, body) =
            send(&app, sign_in_form("lee@example.test", "not the password")).await;
        assert_eq!(
            response.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{}: {body}",
            db.name
        );
        // Locked: even the right password is refused now.
        let (response, _) = send(&app, sign_in_form("lee@example.test", PASSWORD)).await;
        assert_eq!(
            response.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            db.name
        );
        // An unknown e-mail gets the same answer as a wrong password.
        let (response, body) = send(&app, sign_in_form("nobody@example.test", PASSWORD)).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{}", db.name);
        assert!(body.contains("WrongCredentials"), "{body}");
    }
}

#[tokio::test]
async fn forged_and_expired_sessions_open_nothing() {
    for (db, app) in apps().await {
        let forged = format!("{}={}", app::auth::SESSION_COOKIE, "0".repeat(64));
        let (response, _) = send(&app, get_as("/", &forged)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", db.name);
        let (response, _) = send(&app, post_as("/api/organization/overview", &forged, "")).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{}", db.name);

        create_staff(&db.conn, "old@example.test").await;
        let long_ago = chrono::Utc::now().naive_utc() - chrono::Duration::days(2);
        let session = Accounts::sign_in(&db.conn, "old@example.test", PASSWORD, long_ago)
            .await
            .expect("query")
            .expect("signed in");
        let expired = format!("{}={}", app::auth::SESSION_COOKIE, session.token);
        let (response, _) = send(&app, get_as("/", &expired)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", db.name);
    }
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    for (db, app) in apps().await {
        let cookie = session_cookie(&db.conn, Role::Staff).await;
        let request = Request::post("/api/organization/overview")
            .header(header::COOKIE, cookie)
            .header(header::HOST, "memberpulse.example")
            .header(header::ORIGIN, "https://evil.example")
            .body(Body::empty())
            .expect("request");
        let (response, body) = send(&app, request).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        assert!(!body.contains("Northwind"), "{}: no data leaked", db.name);
    }
}

#[tokio::test]
async fn members_and_leaders_cannot_call_staff_functions() {
    for (db, app) in apps().await {
        for role in [Role::Member, Role::Leader] {
            let cookie = session_cookie(&db.conn, role).await;
            let (response, body) =
                send(&app, post_as("/api/organization/overview", &cookie, "")).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{} {role:?}",
                db.name
            );
            assert!(!body.contains("Northwind"), "{}: no data leaked", db.name);
        }
    }
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_policy() {
    for (db, app) in apps().await {
        let (response, html) = send(&app, get("/sign-in")).await;
        let headers = response.headers();
        assert_eq!(
            headers[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff",
            "{}",
            db.name
        );
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{}", db.name);
        let policy = headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("text")
            .to_owned();
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in the policy");
        assert!(
            html.contains(&format!("nonce=\"{nonce}\"")),
            "{}: the inline scripts carry the policy's nonce",
            db.name
        );
    }
}

#[tokio::test]
async fn one_client_is_limited_to_ten_sign_in_attempts_a_minute() {
    use axum::extract::ConnectInfo;
    use std::net::SocketAddr;

    for (db, app) in apps().await {
        let from = |ip: [u8; 4]| {
            let mut request = sign_in_form("nobody@example.test", "wrong password");
            request
                .extensions_mut()
                .insert(ConnectInfo(SocketAddr::from((ip, 40000))));
            request
        };
        for attempt in 1..=10 {
            let (response, _) = send(&app, from([192, 0, 2, 1])).await;
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{} #{attempt}",
                db.name
            );
        }
        let (response, body) = send(&app, from([192, 0, 2, 1])).await;
        assert_eq!(
            response.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            db.name
        );
        assert!(
            response.headers().contains_key(header::RETRY_AFTER),
            "{}",
            db.name
        );
        assert!(body.contains("TooManyAttempts"), "{}: {body}", db.name);
        // Another client is not affected.
        let (response, _) = send(&app, from([192, 0, 2, 2])).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{}", db.name);
    }
}
