//! Cross-site request forgery guard: a state-changing request must come from this site.
//! The session cookie is also `SameSite=Strict`; this check covers browsers that ignore it.

use axum::{
    extract::Request,
    http::{Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Refuses a non-GET request whose `Origin` (or `Sec-Fetch-Site`) says another site sent it.
pub async fn same_origin_only(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = headers
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .map(|origin| origin.split_once("://").map_or(origin, |(_, rest)| rest));
    let cross_site = match (origin_host, host) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => origin != host,
        (Some(_), None) => true,
        (None, _) => headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|site| site == "cross-site"),
    };
    if cross_site {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        return (StatusCode::FORBIDDEN, "cross-site requests are refused").into_response();
    }
    next.run(request).await
}
