//! The brand over HTTP: an admin's saved colours and font reach `/theme.css` (revalidated
//! by ETag) and the header of every page; an unreadable colour is refused with the reason
//! and changes nothing; a logo is uploaded as a multipart form, served with its type and a
//! sandbox, and refused (with the old one kept) when it is not an image or too large; the
//! reader's light or dark choice is rendered by the server.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use domain::{account::Role, brand_settings::LOGO_MAX_BYTES};

use crate::support::{apps, get, get_as, post_as, send, send_bytes, session_cookie};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";

fn brand_form(primary: &str, font: &str) -> String {
    format!(
        "form%5Borganization_name%5D=Harbour+Founders&form%5Bprimary%5D=%23{}\
         &form%5Baccent%5D=%23005f73&form%5Bfont%5D={font}",
        primary.trim_start_matches('#')
    )
}

/// A multipart upload of `bytes` as the field `field`.
fn upload(cookie: &str, field: &str, bytes: &[u8]) -> Request<Body> {
    let boundary = "memberpulse-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"logo\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Request::post("/brand/logo")
        .header(header::COOKIE, cookie)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("a request")
}

fn location(response: &axum::http::Response<()>) -> &str {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_saved_brand_reaches_the_stylesheet_and_every_page_header() {
    for (db, app) in apps().await {
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let (response, shipped) = send(&app, get("/theme.css")).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(
            shipped.contains("--brand-primary: #1d4ed8;"),
            "{}: {shipped}",
            db.name
        );
        let etag = response.headers()[header::ETAG]
            .to_str()
            .expect("ascii")
            .to_owned();
        let revalidate = Request::get("/theme.css")
            .header(header::IF_NONE_MATCH, &etag)
            .body(Body::empty())
            .expect("a request");
        let (response, _) = send(&app, revalidate).await;
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED, "{}", db.name);

        let (response, body) = send(
            &app,
            post_as("/api/brand/save", &admin, &brand_form("8a1538", "serif")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let saved: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(saved["primary"], "#8a1538", "{}", db.name);

        let (response, css) = send(&app, get("/theme.css")).await;
        assert_ne!(
            response.headers()[header::ETAG],
            etag.as_str(),
            "{}",
            db.name
        );
        assert!(
            css.contains("--brand-primary: #8a1538;"),
            "{}: {css}",
            db.name
        );
        assert!(
            css.contains("--brand-accent: #005f73;"),
            "{}: {css}",
            db.name
        );
        assert!(
            css.contains("Charter"),
            "{}: the serif stack: {css}",
            db.name
        );
        assert!(
            css.contains(":root[data-theme=\"dark\"]"),
            "{}: {css}",
            db.name
        );

        // Every page, and the sign-in page for visitors, wears the brand.
        for (path, cookie) in [("/scorecard?period=2025", admin.as_str()), ("/sign-in", "")] {
            let (response, html) = send(&app, get_as(path, cookie)).await;
            assert_eq!(response.status(), StatusCode::OK, "{}: {path}", db.name);
            assert!(
                html.contains("Harbour Founders"),
                "{}: {path} shows the name",
                db.name
            );
            assert!(
                html.contains(r#"<link rel="stylesheet" id="brand-theme" href="/theme.css""#),
                "{}: {path} links the brand stylesheet",
                db.name
            );
        }
    }
}

#[tokio::test]
async fn an_unreadable_colour_is_refused_with_the_reason_and_changes_nothing() {
    for (db, app) in apps().await {
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let (_, before) = send(&app, get("/theme.css")).await;
        let (response, body) = send(
            &app,
            post_as("/api/brand/save", &admin, &brand_form("ffcc00", "serif")),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {body}",
            db.name
        );
        assert!(
            body.contains("Primary colour: #ffcc00"),
            "{}: {body}",
            db.name
        );
        assert!(
            body.contains("WCAG AA needs 4.5 : 1"),
            "{}: {body}",
            db.name
        );
        assert!(body.contains("nearest darker shade"), "{}: {body}", db.name);

        let bad = brand_form("12345", "comic-sans");
        let (response, body) = send(&app, post_as("/api/brand/save", &admin, &bad)).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {body}",
            db.name
        );
        assert!(body.contains("is not a colour"), "{}: {body}", db.name);
        assert!(
            body.contains("\\\"comic-sans\\\" is not one of"),
            "{}: {body}",
            db.name
        );

        let (_, after) = send(&app, get("/theme.css")).await;
        assert_eq!(before, after, "{}: nothing changed", db.name);
    }
}

#[tokio::test]
async fn a_logo_is_uploaded_served_and_refused_when_it_is_not_an_image() {
    for (db, app) in apps().await {
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let (response, _) = send(&app, get("/brand/logo")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", db.name);

        let (response, _) = send(&app, upload(&admin, "logo", PNG)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", db.name);
        assert_eq!(
            location(&response),
            "/admin/brand?logo=saved",
            "{}",
            db.name
        );

        let (_, body) = send(&app, post_as("/api/brand/theme", "", "")).await;
        let theme: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let src = theme["logo"].as_str().expect("a logo URL").to_owned();
        assert!(src.starts_with("/brand/logo?v="), "{}: {src}", db.name);
        let (response, bytes) = send_bytes(&app, get(&src)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert_eq!(bytes, PNG, "{}", db.name);
        let headers = response.headers();
        assert_eq!(headers[header::CONTENT_TYPE], "image/png", "{}", db.name);
        assert!(
            headers[header::CACHE_CONTROL]
                .to_str()
                .expect("ascii")
                .contains("immutable"),
            "{}: a versioned logo never changes",
            db.name
        );
        assert!(
            headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .expect("ascii")
                .contains("sandbox"),
            "{}",
            db.name
        );

        // Refusals go back to the editor with the reason; the logo stays.
        let mut large = PNG.to_vec();
        large.resize(LOGO_MAX_BYTES + 1, 0);
        for (bytes, outcome) in [
            (b"name,cluster\nAda,1\n".as_slice(), "not-an-image"),
            (b"".as_slice(), "empty"),
            (large.as_slice(), "too-large"),
        ] {
            let (response, _) = send(&app, upload(&admin, "logo", bytes)).await;
            assert_eq!(
                location(&response),
                format!("/admin/brand?logo={outcome}"),
                "{}",
                db.name
            );
        }
        let (response, _) = send(&app, upload(&admin, "picture", PNG)).await;
        assert_eq!(
            location(&response),
            "/admin/brand?logo=empty",
            "{}: no logo field",
            db.name
        );
        let (_, bytes) = send_bytes(&app, get("/brand/logo")).await;
        assert_eq!(bytes, PNG, "{}: the old logo stays", db.name);

        // Only admins upload.
        let (response, _) = send(&app, upload("", "logo", PNG)).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{}", db.name);
        for role in [Role::Staff, Role::Leader, Role::Member] {
            let cookie = session_cookie(&db.conn, role).await;
            let (response, _) = send(&app, upload(&cookie, "logo", PNG)).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{} {role:?}",
                db.name
            );
        }

        let (response, body) = send(&app, post_as("/api/brand/remove-logo", &admin, "")).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (response, _) = send(&app, get("/brand/logo")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", db.name);
    }
}

#[tokio::test]
async fn the_readers_light_or_dark_choice_is_rendered_by_the_server() {
    for (db, app) in apps().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (_, device) = send(&app, get_as("/leaderboard?period=2025", &staff)).await;
        assert!(
            !device.contains("data-theme="),
            "{}: the device decides",
            db.name
        );
        let dark = format!("{staff}; memberpulse_theme=dark");
        let (_, html) = send(&app, get_as("/leaderboard?period=2025", &dark)).await;
        assert!(html.contains(r#"data-theme="dark""#), "{}", db.name);
        assert!(
            html.contains(r#"data-testid="theme-toggle""#),
            "{}",
            db.name
        );
    }
}
