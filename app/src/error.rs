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
    /// Nobody is signed in (or the session expired).
    #[error("sign in first")]
    SignInRequired,
    /// The signed-in user's role does not allow this.
    #[error("you do not have access to this")]
    Forbidden,
    /// Wrong e-mail or password.
    #[error("wrong e-mail or password")]
    WrongCredentials,
    /// Too many failed sign-ins: try again after some minutes.
    #[error("the account is locked for {minutes} minutes")]
    Locked {
        /// Minutes until sign-in is possible again.
        minutes: i64,
    },
    /// Too many sign-in attempts from this client: wait before the next one.
    #[error("too many attempts; try again in {seconds} seconds")]
    TooManyAttempts {
        /// Seconds to wait.
        seconds: u64,
    },
    /// The input was refused; each line says what to fix.
    #[error("{}", .0.join("; "))]
    Refused(Vec<String>),
    /// The thing asked for does not exist.
    #[error("not found")]
    NotFound,
}

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            Self::ServerFnError(_) => 400,
            Self::Unavailable => 503,
            Self::SignInRequired | Self::WrongCredentials => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Refused(_) => 422,
            Self::Locked { .. } | Self::TooManyAttempts { .. } => 429,
        }
    }

    /// Sets the response's status to this error's and returns it: the one place errors
    /// become HTTP statuses.
    #[cfg(feature = "ssr")]
    pub fn respond(self) -> Self {
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
            && let Ok(status) = http::StatusCode::from_u16(self.status_code())
        {
            response.set_status(status);
        }
        self
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
    /// Refusals of input go back as they are; anything else is logged once, here at the
    /// boundary, and the browser gets a generic error.
    fn from(error: domain::DomainError) -> Self {
        match error {
            domain::DomainError::Invalid(message) => Self::Refused(vec![message]).respond(),
            domain::DomainError::Refused(lines) => Self::Refused(lines).respond(),
            error => {
                tracing::error!(error = %error, "server function failed");
                Self::Unavailable.respond()
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<domain::sea_orm::DbErr> for AppError {
    fn from(error: domain::sea_orm::DbErr) -> Self {
        domain::DomainError::from(error).into()
    }
}
