//! Who calls the API: the token in `Authorization: Bearer …`, checked against the stored
//! tokens on every request. [`ApiReader`] accepts any live token, [`ApiWriter`] only one
//! with write access.

use axum::{extract::FromRequestParts, http::header, http::request::Parts};
use domain::api_tokens::{ApiClient, ApiTokens};

use super::problem::ApiError;
use crate::state::AppState;

/// A caller with a live token (read or write).
#[derive(Clone, Debug)]
pub struct ApiReader(pub ApiClient);

/// A caller whose token may push facts.
#[derive(Clone, Debug)]
pub struct ApiWriter(pub ApiClient);

/// The client of the request's bearer token.
async fn client(parts: &Parts, state: &AppState) -> Result<ApiClient, ApiError> {
    let secret = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(|| {
            ApiError::Unauthorized(
                "send an API token as `Authorization: Bearer mpk_…`; admins create tokens on /admin/api-tokens"
                    .into(),
            )
        })?;
    let client = ApiTokens::authenticate(&state.db, secret, chrono::Utc::now().naive_utc())
        .await?
        .ok_or_else(|| {
            ApiError::Unauthorized("the token is not known or has been revoked".into())
        })?;
    tracing::debug!(api.token = client.token_id, "API caller");
    Ok(client)
}

impl FromRequestParts<AppState> for ApiReader {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        client(parts, state).await.map(Self)
    }
}

impl FromRequestParts<AppState> for ApiWriter {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let client = client(parts, state).await?;
        if !client.can_write() {
            return Err(ApiError::Forbidden(format!(
                "the token {:?} may only read; an admin can create one with write access",
                client.name
            )));
        }
        Ok(Self(client))
    }
}
