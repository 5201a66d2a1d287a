//! Running a page's server function from a plain route (a download), as leptos_axum runs
//! it for the page: inside a reactive owner that holds the request, the server's services
//! and the response options. A download then has the screen's filters, role checks and
//! refusals, and cannot drift from what is on screen.

use std::future::Future;

use app::error::AppError;
use axum::{
    http::{StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
};
use leptos::prelude::{Owner, provide_context};
use leptos::reactive::computed::ScopedFuture;

use crate::state::AppState;

/// Puts what server functions use of the server's state into the current context: the
/// database and the kept period signals. Pages and downloads both go through here.
pub fn provide_services(state: &AppState) {
    provide_context(state.db.clone());
    provide_context(state.period_signals.clone());
}

/// Awaits `function`'s future as the page would, with `parts` as the request.
pub async fn call<Fut: Future>(
    parts: Parts,
    state: &AppState,
    function: impl FnOnce() -> Fut,
) -> Fut::Output {
    let owner = Owner::new();
    owner
        .with(|| {
            ScopedFuture::new(async move {
                provide_context(parts);
                provide_services(state);
                provide_context(leptos_axum::ResponseOptions::default());
                function().await
            })
        })
        .await
}

/// A server function's refusal with its status and reason as plain text.
pub fn refusal(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::BAD_REQUEST);
    let why = match error {
        AppError::Refused(lines) => lines.join("\n"),
        other => other.to_string(),
    };
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        why,
    )
        .into_response()
}
