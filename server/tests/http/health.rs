//! `GET /healthz`.

use axum::http::StatusCode;
use server::{router, state::AppState};

use crate::support::{apps, get, leptos_options, send};

#[tokio::test]
async fn healthz_is_ok_while_the_database_answers() {
    for (db, app) in apps().await {
        let (response, body) = send(&app, get("/healthz")).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert_eq!(body, r#"{"status":"ok","database":"ok"}"#, "{}", db.name);
    }
}

#[tokio::test]
async fn healthz_is_unavailable_when_the_database_is_gone() {
    for (db, _) in apps().await {
        let app = router::app(AppState {
            leptos_options: leptos_options(),
            db: db.conn.clone(),
            sign_in_limiter: Default::default(),
            period_signals: Default::default(),
        });
        db.conn.clone().close().await.expect("closes");
        let (response, body) = send(&app, get("/healthz")).await;
        assert_eq!(
            response.status(),
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            db.name
        );
        assert_eq!(
            body, r#"{"status":"unavailable","database":"unreachable"}"#,
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn the_site_files_go_out_compressed_ahead_as_brotli_or_gzip() {
    use axum::body::Body;
    use axum::http::{Request, header};

    use crate::support::send_bytes;

    // A site of one WASM file, as a release build has it.
    let site = std::env::temp_dir().join(format!("memberpulse-site-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).expect("site");
    let wasm: Vec<u8> = (0..200_000_u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    std::fs::write(site.join("pkg/compressed-test.wasm"), &wasm).expect("file");
    server::compressed_assets::prepare(&site);

    let (_, app) = apps().await.into_iter().next().expect("an app");
    let request = |encoding: &str| {
        Request::get("/pkg/compressed-test.wasm")
            .header(header::ACCEPT_ENCODING, encoding)
            .body(Body::empty())
            .expect("a request")
    };
    let (response, body) = send_bytes(&app, request("gzip, deflate, br")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/wasm");
    assert!(body.len() < wasm.len() / 10, "{} bytes", body.len());
    let mut unpacked = Vec::new();
    brotli::BrotliDecompress(&mut body.as_slice(), &mut unpacked).expect("Brotli");
    assert_eq!(unpacked, wasm, "the file as it is on disk");
    // Without Brotli: the same file as gzip, made ahead by Zopfli.
    let (response, body) = send_bytes(&app, request("gzip;q=1.0, br;q=0")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/wasm");
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(body.as_slice()),
        &mut unpacked,
    )
    .expect("gzip");
    assert_eq!(unpacked, wasm, "the file as it is on disk");
    // Neither: the request goes on to the site's files as before, uncompressed.
    let (response, _) = send_bytes(&app, request("identity")).await;
    assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
    std::fs::remove_dir_all(&site).ok();
}
