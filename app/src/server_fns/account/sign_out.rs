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
    let response = expect_context::<leptos_axum::ResponseOptions>();
    let session_cookie = crate::auth::SessionCookie::for_request();
    if let Some(token) = token {
        Accounts::sign_out(&db, &token, chrono::Utc::now().naive_utc()).await?;
    }
    if let Ok(value) = http::HeaderValue::from_str(&session_cookie.value("", 0)) {
        response.insert_header(http::header::SET_COOKIE, value);
    }
    // After an await, as in sign_in: only a form's POST runs this.
    leptos_axum::redirect("/sign-in");
    Ok(())
}
