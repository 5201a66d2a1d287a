//! Signing out.

use leptos::prelude::*;

use crate::error::AppError;

/// Ends the session, clears the cookie and goes to the sign-in page.
#[server(endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use domain::account::Accounts;

    let db = crate::auth::database()?;
    let token = use_context::<http::request::Parts>()
        .and_then(|parts| crate::auth::session_token(&parts.headers));
    if let Some(token) = token {
        Accounts::sign_out(&db, &token, chrono::Utc::now().naive_utc()).await?;
    }
    let response = expect_context::<leptos_axum::ResponseOptions>();
    if let Ok(value) = http::HeaderValue::from_str(&crate::auth::session_cookie("", 0)) {
        response.insert_header(http::header::SET_COOKIE, value);
    }
    leptos_axum::redirect("/sign-in");
    Ok(())
}
