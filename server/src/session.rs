//! The session layer: finds the signed-in user from the session cookie and puts it into
//! the request's extensions (where pages and server functions read it), and sends
//! visitors who are not signed in from any page to the sign-in page.

use app::components::chart::echarts_bundle::EchartsBundle;
use app::models::ids::RegionId;
use app::{auth::session_token, models::account::CurrentUser};
use axum::{
    extract::{Request, State},
    http::{Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use domain::{
    account::Accounts, sea_orm::DatabaseConnection, user_administration::UserAdministration,
};

/// Paths anyone may open: the sign-in page, static files (the app's, the chart script
/// every page names, the ECharts bundles), the brand (the sign-in page wears it), the
/// health check and the server functions and API (which check roles themselves and answer
/// 401 or 403).
fn is_public(path: &str) -> bool {
    path == "/sign-in"
        || path == "/reset"
        || path == "/healthz"
        || path == "/favicon.svg"
        || path == "/theme.css"
        || path == "/brand/logo"
        || path == "/charts.js"
        || EchartsBundle::is_src(path)
        || path.starts_with("/pkg/")
        || path.starts_with("/api/")
}

/// The signed-in user with the regions a staff user is limited to (read only for staff:
/// the other roles have none).
async fn scoped(
    db: &DatabaseConnection,
    user: domain::entity::user::Model,
) -> Result<CurrentUser, domain::DomainError> {
    let staff = user.role == domain::account::Role::Staff;
    let mut current = CurrentUser::from(user);
    if staff {
        current.regions = UserAdministration::regions_of(db, current.id)
            .await?
            .into_iter()
            .map(RegionId)
            .collect();
    }
    Ok(current)
}

/// Attaches the signed-in user; redirects page requests without one to sign-in.
pub async fn attach_user(
    State(db): State<DatabaseConnection>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(token) = session_token(request.headers()) {
        match Accounts::session_user(&db, &token, chrono::Utc::now().naive_utc()).await {
            Ok(Some(user)) => match scoped(&db, user).await {
                Ok(current) => {
                    request.extensions_mut().insert(current);
                }
                Err(error) => {
                    tracing::error!(%error, "the user's regions could not be read");
                    return StatusCode::SERVICE_UNAVAILABLE.into_response();
                }
            },
            Ok(None) => {}
            Err(error) => {
                tracing::error!(%error, "the session could not be read");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    }
    let path = request.uri().path();
    let signed_in = request.extensions().get::<CurrentUser>().is_some();
    if !signed_in && !is_public(path) && matches!(*request.method(), Method::GET | Method::HEAD) {
        let target = request
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        let location = format!("/sign-in?next={}", encode_component(&target));
        let mut response = Redirect::to(&location).into_response();
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
        return response;
    }
    next.run(request).await
}

/// Percent-encodes a path for a query parameter.
fn encode_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
