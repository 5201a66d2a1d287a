//! The brand outside the app's pages: `GET /theme.css` (the brand's colours and font over
//! the shipped tokens, revalidated by ETag so a saved brand shows on the next load),
//! `GET /brand/logo` (the uploaded logo) and `POST /brand/logo` (an admin's upload, a plain
//! multipart form that answers with a redirect back to the editor and what happened).

use app::{models::account::CurrentUser, server_fns::brand::get_brand_theme};
use axum::{
    Extension,
    extract::{Multipart, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use domain::{
    brand_settings::{BrandEditor, BrandSettings, LogoProblem, check_logo},
    sea_orm::DatabaseConnection,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The editor, where uploads return to.
const EDITOR: &str = "/admin/brand";

/// A plain-text answer.
fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

/// Whether the client already holds this version.
fn unchanged(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.split(',').any(|tag| tag.trim() == etag))
}

/// `GET /theme.css`.
pub async fn theme_css(State(db): State<DatabaseConnection>, headers: HeaderMap) -> Response {
    let Ok(theme) = get_brand_theme::ssr::load(&db).await else {
        return plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "the brand could not be read",
        );
    };
    let css = theme.stylesheet();
    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(css.as_bytes()))[..20]);
    let cache = [
        (header::CACHE_CONTROL, "no-cache".to_owned()),
        (header::ETAG, etag.clone()),
    ];
    if unchanged(&headers, &etag) {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8".to_owned())],
        cache,
        css,
    )
        .into_response()
}

/// The logo's query: the version the page asked for.
#[derive(Debug, Default, Deserialize)]
pub struct LogoQuery {
    /// The logo id the page knew.
    pub v: Option<i32>,
}

/// `GET /brand/logo`.
pub async fn logo(
    State(db): State<DatabaseConnection>,
    Query(query): Query<LogoQuery>,
    headers: HeaderMap,
) -> Response {
    let logo = match BrandSettings::logo(&db).await {
        Ok(Some(logo)) => logo,
        Ok(None) => return plain(StatusCode::NOT_FOUND, "no logo has been uploaded"),
        Err(error) => {
            tracing::error!(%error, "the logo could not be read");
            return plain(
                StatusCode::SERVICE_UNAVAILABLE,
                "the logo could not be read",
            );
        }
    };
    let etag = format!("\"logo-{}\"", logo.id);
    // A versioned URL never changes its image; the bare URL is asked again each time.
    let cache = if query.v == Some(logo.id) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = if unchanged(&headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, logo.content_type)], logo.bytes).into_response()
    };
    let out = response.headers_mut();
    out.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        out.insert(header::ETAG, etag);
    }
    // An SVG opened on its own must not run anything.
    out.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
    );
    response
}

/// `POST /brand/logo`: the multipart field `logo`. Admins only.
pub async fn upload_logo(
    State(db): State<DatabaseConnection>,
    user: Option<Extension<CurrentUser>>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let Some(Extension(user)) = user else {
        return plain(StatusCode::UNAUTHORIZED, "sign in first");
    };
    if user.role != app::models::account::Role::Admin {
        return plain(StatusCode::FORBIDDEN, "admins only");
    }
    let Ok(mut multipart) = multipart else {
        return plain(
            StatusCode::BAD_REQUEST,
            "send the logo as multipart/form-data with a field named logo",
        );
    };
    let bytes = match logo_field(&mut multipart).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    if let Err(problem) = check_logo(&bytes) {
        return back(Some(problem));
    }
    let editor = BrandEditor {
        user_id: user.id,
        email: &user.email,
    };
    match BrandSettings::upload_logo(&db, editor, bytes, chrono::Utc::now().naive_utc()).await {
        Ok(_) => back(None),
        Err(error) => {
            tracing::error!(%error, "the logo could not be stored");
            plain(
                StatusCode::SERVICE_UNAVAILABLE,
                "the logo could not be stored",
            )
        }
    }
}

/// The bytes of the `logo` field; a body over the server's limit is a logo too large.
async fn logo_field(multipart: &mut Multipart) -> Result<Vec<u8>, Response> {
    let unreadable = |error: axum::extract::multipart::MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            back(Some(LogoProblem::TooLarge { kilobytes: 0 }))
        } else {
            plain(
                StatusCode::BAD_REQUEST,
                "the upload could not be read as multipart/form-data",
            )
        }
    };
    loop {
        match multipart.next_field().await.map_err(unreadable)? {
            Some(field) if field.name() == Some("logo") => {
                return field
                    .bytes()
                    .await
                    .map(|bytes| bytes.to_vec())
                    .map_err(unreadable);
            }
            Some(_) => {}
            None => return Err(back(Some(LogoProblem::Empty))),
        }
    }
}

/// Back to the editor, saying what happened.
fn back(problem: Option<LogoProblem>) -> Response {
    let outcome = match problem {
        None => "saved",
        Some(LogoProblem::Empty) => "empty",
        Some(LogoProblem::TooLarge { .. }) => "too-large",
        Some(LogoProblem::NotAnImage) => "not-an-image",
    };
    Redirect::to(&format!("{EDITOR}?logo={outcome}")).into_response()
}
