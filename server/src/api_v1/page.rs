//! What list endpoints share: a window of rows (`offset`, `limit`) and extractors that
//! answer a bad query string or body in the API's own error shape.

use axum::extract::{FromRequest, FromRequestParts};
use serde::Serialize;
use utoipa::ToSchema;

use super::problem::ApiError;

/// Rows per page when the caller does not say.
pub const DEFAULT_LIMIT: u64 = 100;
/// The most rows per page.
pub const MAX_LIMIT: u64 = 1000;

/// The query string, refused in the API's error shape when it cannot be read.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

/// A JSON body, refused in the API's error shape when it cannot be read.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// Which rows of a list a page holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Window {
    /// Rows skipped before this page.
    pub offset: u64,
    /// The most rows this page holds.
    pub limit: u64,
    /// Rows the filters select in all.
    pub total: u64,
}

/// Checks the caller's `offset` and `limit` (default [`DEFAULT_LIMIT`], at most
/// [`MAX_LIMIT`]).
pub fn window(offset: Option<u64>, limit: Option<u64>) -> Result<(u64, u64), ApiError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::field(
            "limit",
            format!("between 1 and {MAX_LIMIT} rows per page"),
        ));
    }
    Ok((offset.unwrap_or(0), limit))
}

/// The rows of `all` in the window.
pub fn slice<T>(all: Vec<T>, offset: u64, limit: u64) -> (Vec<T>, Window) {
    let total = all.len() as u64;
    let rows = all
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    (
        rows,
        Window {
            offset,
            limit,
            total,
        },
    )
}
