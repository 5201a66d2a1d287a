//! The MemberPulse Leptos application: routes, pages, components, the typed models shared
//! by server and browser, and the server functions pages call.
//!
//! Errors: server functions return [`error::AppError`]; pages render it through the
//! translation layer, never as raw internal text.

// Leptos' typed views nest deeply in the larger tables.
#![recursion_limit = "256"]

pub mod auth;
#[cfg(feature = "ssr")]
pub mod charts;
pub mod components;
pub mod error;
pub mod i18n;
pub mod models;
pub mod page_routes;
pub mod pages;
pub mod providers;
pub mod server_fns;

use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::{
    Lazy, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::{
    components::{chart::echarts_bundle::EchartsBundle, layout::app_shell::AppShell},
    i18n::{Msg, t},
    page_routes::*,
    pages::not_found::NotFound,
    providers::{
        locale::{provide_locale, use_locale},
        theme::provide_theme,
    },
};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                // First in the head: some 250 WASM chunk preloads follow, and a browser
                // fetches six files at a time from one host, so whatever comes after them
                // waits. The brand's stylesheet after the shipped one, so its colours and
                // font win; one URL revalidated by ETag, so a saved brand shows at once.
                <link rel="stylesheet" id="leptos" href="/pkg/memberpulse.css" />
                <link rel="stylesheet" id="brand-theme" href="/theme.css" />
                // Paints the page's charts before the WASM has loaded, after the
                // stylesheets, whose colours it reads; the ECharts bundle for the charts
                // a page opens with is fetched ahead, and the chart script paints with
                // the one named here. A deferred script is fetched at low priority, after
                // the chunks, unless asked for sooner.
                <script id="chart-script" src="/charts.js" defer=true fetchpriority="high"></script>
                {opening_charts()
                    .map(|bundle| {
                        view! {
                            <link rel="preload" href=bundle.src() r#as="script" data-echarts=bundle.name() />
                        }
                    })}
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The ECharts bundle for the charts the page asked for opens with (`vendor/build.mjs`
/// bundles one per chart kind and one with them all): the overview opens with trend
/// lines, the leaderboard with its ranking, the region view with its heatmap; the
/// explorer, the scorecard and a dashboard with several kinds. Other pages preload none.
fn opening_charts() -> Option<EchartsBundle> {
    #[cfg(feature = "ssr")]
    {
        use crate::models::chart::ChartKind;
        use_context::<http::request::Parts>().and_then(|request| {
            match request.uri.path().trim_end_matches('/') {
                "" => Some(EchartsBundle::Kind(ChartKind::Trend)),
                "/leaderboard" => Some(EchartsBundle::Kind(ChartKind::Ranking)),
                "/region" => Some(EchartsBundle::Kind(ChartKind::Heatmap)),
                "/explorer" | "/scorecard" | "/dashboard" => Some(EchartsBundle::All),
                _ => None,
            }
        })
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// The application: locale, metadata and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_locale();
    let locale = use_locale();
    let theme = provide_theme();

    view! {
        <Html {..} lang=locale.tag() data-theme=move || theme.mode.get().attribute() />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Meta name="description" content=t(locale, Msg::MetaDescription) />
        <Meta name="color-scheme" content="light dark" />
        <Title formatter=|page: String| format!("{page} · MemberPulse") />
        <Router>
            <AppShell>
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view={Lazy::<OverviewRoute>::new()} />
                    <Route path=StaticSegment("sign-in") view={Lazy::<SignInRoute>::new()} />
                    <Route path=StaticSegment("reset") view={Lazy::<ResetPasswordRoute>::new()} />
                    <Route path=StaticSegment("account") view={Lazy::<AccountRoute>::new()} />
                    <Route path=(StaticSegment("admin"), StaticSegment("users")) view={Lazy::<UsersRoute>::new()} />
                    <Route path=(StaticSegment("admin"), StaticSegment("brand")) view={Lazy::<BrandRoute>::new()} />
                    <Route path=(StaticSegment("admin"), StaticSegment("settings")) view={Lazy::<SettingsRoute>::new()} />
                    <Route path=(StaticSegment("admin"), StaticSegment("api-tokens")) view={Lazy::<ApiTokensRoute>::new()} />
                    <Route path=StaticSegment("validation") view={Lazy::<ValidationQueueRoute>::new()} />
                    <Route
                        path=(StaticSegment("validation"), StaticSegment("explain"))
                        view={Lazy::<ValueExplanationRoute>::new()}
                    />
                    <Route path=StaticSegment("metrics") view={Lazy::<MetricCatalogueRoute>::new()} />
                    <Route path=StaticSegment("plan") view={Lazy::<ClusterPlanRoute>::new()} />
                    <Route path=StaticSegment("committee-calls") view={Lazy::<CommitteeCallsRoute>::new()} />
                    <Route path=StaticSegment("media") view={Lazy::<MediaRoute>::new()} />
                    <Route path=StaticSegment("awards") view={Lazy::<AwardsRoute>::new()} />
                    <Route path=StaticSegment("board") view={Lazy::<BoardRoute>::new()} />
                    <Route path=StaticSegment("goals") view={Lazy::<GoalsRoute>::new()} />
                    <Route path=StaticSegment("programs") view={Lazy::<ProgramsRoute>::new()} />
                    <Route path=StaticSegment("community-work") view={Lazy::<CommunityWorkRoute>::new()} />
                    <Route path=StaticSegment("import") view={Lazy::<ImportRoute>::new()} />
                    <Route path=StaticSegment("scorecard") view={Lazy::<ScorecardRoute>::new()} />
                    <Route path=StaticSegment("leaderboard") view={Lazy::<LeaderboardRoute>::new()} />
                    <Route path=StaticSegment("region") view={Lazy::<RegionRoute>::new()} />
                    <Route path=StaticSegment("explorer") view={Lazy::<ExplorerRoute>::new()} />
                    <Route path=StaticSegment("dashboards") view={Lazy::<DashboardsRoute>::new()} />
                    <Route path=StaticSegment("dashboard") view={Lazy::<DashboardRoute>::new()} />
                    <Route path=StaticSegment("member") view={Lazy::<MemberParticipationRoute>::new()} />
                    <Route path=StaticSegment("self-reports") view={Lazy::<ReportQueueRoute>::new()} />
                    <Route path=(StaticSegment("me"), StaticSegment("reports")) view={Lazy::<MyReportsRoute>::new()} />
                    <Route
                        path=(StaticSegment("me"), StaticSegment("participation"))
                        view={Lazy::<MyParticipationRoute>::new()}
                    />
                    <Route
                        path=(StaticSegment("metrics"), StaticSegment("edit"))
                        view={Lazy::<MetricEditorRoute>::new()}
                    />
                </Routes>
            </AppShell>
        </Router>
    }
}

/// Sets the page's Content-Security-Policy: scripts only from this site or inline with
/// this response's nonce (Leptos puts it on its hydration and streaming scripts), WASM
/// allowed to compile, nothing framed, forms posted only here.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
