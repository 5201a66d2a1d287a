//! Revoking an API token.

use leptos::prelude::*;

use crate::error::AppError;

/// Revokes token `id`: the API refuses it from the next request on. Admins only.
#[server(endpoint = "api-tokens/revoke")]
pub async fn revoke_api_token(id: i32) -> Result<(), AppError> {
    use domain::api_tokens::ApiTokens;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    ApiTokens::revoke(
        &db,
        super::token_admin(&admin),
        id,
        chrono::Utc::now().naive_utc(),
    )
    .await?;
    Ok(())
}
