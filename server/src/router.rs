//! The axum router: health check, server functions, server-side rendered pages and the
//! static site files, with request tracing and compression.

use std::sync::OnceLock;

use app::{App, shell};
use axum::http::{HeaderName, HeaderValue, header};
use axum::{Router, extract::MatchedPath, http::Request, routing::get};
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use tower_http::{
    compression::CompressionLayer, set_header::SetResponseHeaderLayer, trace::TraceLayer,
};

use crate::{
    api_v1, brand_route, chart_export_route, compressed_assets, csrf, export_route,
    fact_export_route, fact_import_route, health, list_export_route, page_function, session,
    sign_in_limit, state::AppState,
};

/// The app's routes, generated once per process. Generating runs the app with resource
/// loading suppressed process-wide (leptos issue 4773): a page whose resource first
/// polled in that window would never finish, which happened when tests built routers
/// while others rendered pages.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the whole application; tests call it without a socket.
pub fn app(state: AppState) -> Router {
    let routes = routes();
    let services = state.clone();
    let fallback_services = state.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(health::healthz))
        .nest(api_v1::BASE, api_v1::router())
        .route("/exports/kpi-values.csv", get(export_route::kpi_values_csv))
        .route("/exports/kpi-values.xlsx", get(export_route::kpi_values_xlsx))
        .route("/exports/charts/{file}", get(chart_export_route::chart_download))
        .route("/exports/facts/{file}", get(fact_export_route::fact_download))
        .route("/imports/{kind}", axum::routing::post(fact_import_route::upload))
        .route("/exports/lists/{file}", get(list_export_route::list_download))
        .route("/theme.css", get(brand_route::theme_css))
        .route("/brand/logo", get(brand_route::logo).post(brand_route::upload_logo))
        .leptos_routes_with_context(&state, routes, move || page_function::provide_services(&services), move || shell(options.clone()))
        // The not-found page renders the app too: its header reads the brand.
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || page_function::provide_services(&fallback_services),
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::attach_user))
        .layer(axum::middleware::from_fn_with_state(
            state.sign_in_limiter.clone(),
            sign_in_limit::limit_sign_ins,
        ))
        .layer(axum::middleware::from_fn(csrf::same_origin_only))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(compressed_assets::serve_compressed))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
            let route = request.extensions().get::<MatchedPath>().map_or("", MatchedPath::as_str);
            tracing::info_span!("request", http.method = %request.method(), http.route = route, http.path = %request.uri().path())
        }))
        .with_state(state)
}
