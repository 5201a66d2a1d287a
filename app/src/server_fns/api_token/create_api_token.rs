//! Creating an API token.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::api_token::{IssuedApiToken, NewApiToken},
};

/// Creates a token for an integration and returns its secret, which is never shown
/// again. Admins only; a missing or taken name is refused.
#[server(endpoint = "api-tokens/create")]
pub async fn create_api_token(token: NewApiToken) -> Result<IssuedApiToken, AppError> {
    use domain::{api_tokens::ApiTokens, entity::api_token::ApiAccess};

    use crate::models::api_token::TokenAccess;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let access = match token.access {
        TokenAccess::Read => ApiAccess::Read,
        TokenAccess::Write => ApiAccess::Write,
    };
    let issued = ApiTokens::create(
        &db,
        super::token_admin(&admin),
        &token.name,
        access,
        chrono::Utc::now().naive_utc(),
    )
    .await?;
    Ok(IssuedApiToken {
        name: issued.token.name,
        secret: issued.secret,
    })
}
