//! Server functions of API tokens (admins only).

pub mod create_api_token;
pub mod list_api_tokens;
pub mod revoke_api_token;

/// The admin acting, as the token service records them.
#[cfg(feature = "ssr")]
fn token_admin(admin: &crate::models::account::CurrentUser) -> domain::api_tokens::TokenAdmin<'_> {
    domain::api_tokens::TokenAdmin {
        user_id: admin.id,
        email: &admin.email,
    }
}
