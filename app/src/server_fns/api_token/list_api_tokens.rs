//! Listing API tokens.

use leptos::prelude::*;

use crate::{error::AppError, models::api_token::ApiTokenRow};

/// Every API token, the newest first, revoked ones included. Admins only.
#[server(endpoint = "api-tokens/list")]
pub async fn list_api_tokens() -> Result<Vec<ApiTokenRow>, AppError> {
    use domain::{api_tokens::ApiTokens, entity::api_token::ApiAccess};

    use crate::models::api_token::TokenAccess;

    crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let shown = |at| crate::server_fns::stored_time(locale, at);
    Ok(ApiTokens::list(&db)
        .await?
        .into_iter()
        .map(|token| ApiTokenRow {
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            access: match token.access {
                ApiAccess::Read => TokenAccess::Read,
                ApiAccess::Write => TokenAccess::Write,
            },
            created: format!("{} · {}", shown(token.created_at), token.created_by),
            last_used: token.last_used_at.map(shown),
            revoked: token
                .revoked_at
                .map(|at| format!("{} · {}", shown(at), token.revoked_by.unwrap_or_default())),
        })
        .collect())
}
