//! The API's one error type and the one JSON shape every refusal has:
//! `{"error": {"status", "code", "message", "problems": [{"item", "field", "value", "message"}]}}`.

use axum::{
    Json,
    extract::rejection::{JsonRejection, QueryRejection},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use domain::DomainError;
use serde::Serialize;
use utoipa::ToSchema;

/// A refused or failed API request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No token, or one that is unknown or revoked.
    #[error("{0}")]
    Unauthorized(String),
    /// The token may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// The query string or body cannot be read.
    #[error("{0}")]
    BadRequest(String),
    /// No such route.
    #[error("{0}")]
    NotFound(String),
    /// The request was read but is refused; nothing was changed.
    #[error("{message}")]
    Unprocessable {
        /// What is wrong, in one line.
        message: String,
        /// Each problem, by item and field.
        problems: Vec<ItemProblem>,
    },
    /// The server failed (the database, say); logged, not shown.
    #[error("{0}")]
    Internal(DomainError),
}

/// The body of every refusal.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemBody {
    /// What went wrong.
    pub error: Problem,
}

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// The HTTP status, repeated for clients that only keep the body.
    pub status: u16,
    /// A stable word to branch on: unauthorized, forbidden, bad_request, not_found,
    /// unprocessable or internal.
    pub code: String,
    /// What is wrong and what to do, in one line.
    pub message: String,
    /// Each problem with the request's items, in order (empty when there is none).
    pub problems: Vec<ItemProblem>,
}

/// One problem with one item of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ItemProblem {
    /// The item's position in the request's `items`, from 0, when it is about one.
    pub item: Option<u64>,
    /// The field, when it is about one.
    pub field: Option<String>,
    /// The value found, when there is one.
    pub value: Option<String>,
    /// Why it is refused, and what to do.
    pub message: String,
}

impl ApiError {
    /// A request refused for one reason about one field.
    pub fn field(field: &str, message: String) -> Self {
        Self::Unprocessable {
            message: format!("{field}: {message}"),
            problems: vec![ItemProblem {
                item: None,
                field: Some(field.to_owned()),
                value: None,
                message,
            }],
        }
    }

    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            Self::Unprocessable { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "unprocessable"),
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> Self {
        match error {
            DomainError::Refused(lines) => Self::Unprocessable {
                message: lines.join("; "),
                problems: lines
                    .into_iter()
                    .map(|line| match line.split_once(": ") {
                        Some((field, why)) if !field.contains(' ') => ItemProblem {
                            item: None,
                            field: Some(field.to_owned()),
                            value: None,
                            message: why.to_owned(),
                        },
                        _ => ItemProblem {
                            item: None,
                            field: None,
                            value: None,
                            message: line,
                        },
                    })
                    .collect(),
            },
            DomainError::Invalid(message) => Self::Unprocessable {
                message,
                problems: Vec::new(),
            },
            other => Self::Internal(other),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        Self::BadRequest(format!(
            "the query string cannot be read: {}",
            rejection.body_text()
        ))
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonDataError(error) => Self::Unprocessable {
                message: format!("the body does not match the schema: {}", error.body_text()),
                problems: Vec::new(),
            },
            JsonRejection::MissingJsonContentType(_) => Self::BadRequest(
                "send the body as JSON with `Content-Type: application/json`".into(),
            ),
            other => Self::BadRequest(format!("the body cannot be read: {}", other.body_text())),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let (message, problems) = match self {
            Self::Internal(error) => {
                tracing::error!(%error, "an API request failed");
                (
                    "the server could not answer; try again later".to_owned(),
                    Vec::new(),
                )
            }
            Self::Unprocessable { message, problems } => (message, problems),
            Self::Unauthorized(message)
            | Self::Forbidden(message)
            | Self::BadRequest(message)
            | Self::NotFound(message) => (message, Vec::new()),
        };
        let body = Json(ProblemBody {
            error: Problem {
                status: status.as_u16(),
                code: code.to_owned(),
                message,
                problems,
            },
        });
        if status == StatusCode::UNAUTHORIZED {
            (
                status,
                [(header::WWW_AUTHENTICATE, "Bearer realm=\"memberpulse\"")],
                body,
            )
                .into_response()
        } else {
            (status, body).into_response()
        }
    }
}

/// Any path under `/api/v1` that is not a route.
pub async fn unknown_route(
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
) -> ApiError {
    ApiError::NotFound(format!(
        "{} is not an API route; the routes are listed at /api/v1/openapi.json",
        uri.path()
    ))
}
