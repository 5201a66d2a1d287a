//! Signing in with e-mail and password.

use leptos::prelude::*;

use crate::error::AppError;

/// Checks the e-mail and password, sets the session cookie and goes to `next`.
#[server(endpoint = "account/sign-in")]
pub async fn sign_in(email: String, password: String, next: String) -> Result<(), AppError> {
    use domain::account::{Accounts, SESSION_LIFETIME, SignInRefused};

    if email.len() > 254 || password.len() > 1024 {
        return Err(AppError::WrongCredentials.respond());
    }
    let db = crate::auth::database()?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    let session_cookie = crate::auth::SessionCookie::for_request();
    let now = chrono::Utc::now().naive_utc();
    match Accounts::sign_in(&db, &email, &password, now).await? {
        Ok(session) => {
            let cookie = session_cookie.value(&session.token, SESSION_LIFETIME.num_seconds());
            if let Ok(value) = http::HeaderValue::from_str(&cookie) {
                response.insert_header(http::header::SET_COOKIE, value);
            }
            // Reads the context after an await: a form's POST runs this, never a
            // streamed render, and the handler's owner lives until the response.
            leptos_axum::redirect(landing(&session.user.role, crate::auth::safe_next(&next)));
            Ok(())
        }
        Err(SignInRefused::WrongCredentials) => Err(AppError::WrongCredentials.respond()),
        Err(SignInRefused::Locked { until }) => Err(AppError::Locked {
            minutes: (until - now).num_minutes().max(1),
        }
        .respond()),
    }
}

/// Where a sign-in without a particular page lands: the role's own start page.
#[cfg(feature = "ssr")]
fn landing<'a>(role: &domain::account::Role, next: &'a str) -> &'a str {
    use domain::account::Role;
    match (next, role) {
        ("/", Role::Member) => "/me/reports",
        ("/", Role::Leader) => "/plan",
        _ => next,
    }
}
