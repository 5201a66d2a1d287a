//! The one error type of the app layer, shared by server functions and pages.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// What a server function can fail with, as the browser sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The request itself failed (network, encoding): the page offers a retry.
    #[error("the request failed: {0}")]
    ServerFnError(ServerFnErrorErr),
    /// The server could not answer; details are in its log, never sent here.
    #[error("the server could not load the data")]
    Unavailable,
}

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            Self::ServerFnError(_) => 400,
            Self::Unavailable => 503,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::ServerFnError(value)
    }
}

#[cfg(feature = "ssr")]
impl From<domain::DomainError> for AppError {
    /// Logs the full error once, here at the boundary, and hands the browser a generic one.
    fn from(error: domain::DomainError) -> Self {
        tracing::error!(error = %error, "server function failed");
        Self::Unavailable
    }
}
