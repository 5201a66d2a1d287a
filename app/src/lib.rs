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
pub mod pages;
pub mod providers;
pub mod server_fns;

use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    StaticSegment,
    components::{Route, Router, Routes},
};

use crate::{
    components::layout::app_shell::AppShell,
    i18n::{Msg, t},
    pages::{
        account::{
            password::{AccountPage, ResetPasswordPage},
            sign_in::SignInPage,
        },
        admin::{
            api_tokens::ApiTokensPage, brand::BrandPage, settings::SettingsPage, users::UsersPage,
        },
        awards::AwardsPage,
        board::BoardPage,
        committee_calls::CommitteeCallsPage,
        community_work::CommunityWorkPage,
        dashboard::{dashboard_list::DashboardsPage, dashboard_view::DashboardPage},
        explorer::metric_explorer::MetricExplorerPage,
        fact_import::ImportPage,
        goals::GoalsPage,
        media::MediaPage,
        metrics::{catalogue::MetricCataloguePage, editor::MetricEditorPage},
        not_found::NotFound,
        organization::overview::OrganizationOverviewPage,
        participation::{
            member_participation::MemberParticipationPage, my_participation::MyParticipationPage,
        },
        plan::cluster_plan::ClusterPlanPage,
        programs::ProgramsPage,
        region::region_view::RegionViewPage,
        scorecard::{cluster_scorecard::ClusterScorecardPage, leaderboard::LeaderboardPage},
        self_report::{my_reports::MyReportsPage, report_queue::ReportQueuePage},
        validation::{explain::ValueExplanationPage, queue::ValidationQueuePage},
    },
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
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
                // After the shipped stylesheet, so the brand's colours and font win; one
                // URL revalidated by ETag, so a saved brand shows on the next page load.
                <link rel="stylesheet" id="brand-theme" href="/theme.css" />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
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
        <Stylesheet id="leptos" href="/pkg/memberpulse.css" />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Meta name="description" content=t(locale, Msg::MetaDescription) />
        <Meta name="color-scheme" content="light dark" />
        <Title formatter=|page: String| format!("{page} · MemberPulse") />
        <Router>
            <AppShell>
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=OrganizationOverviewPage />
                    <Route path=StaticSegment("sign-in") view=SignInPage />
                    <Route path=StaticSegment("reset") view=ResetPasswordPage />
                    <Route path=StaticSegment("account") view=AccountPage />
                    <Route path=(StaticSegment("admin"), StaticSegment("users")) view=UsersPage />
                    <Route path=(StaticSegment("admin"), StaticSegment("brand")) view=BrandPage />
                    <Route path=(StaticSegment("admin"), StaticSegment("settings")) view=SettingsPage />
                    <Route path=(StaticSegment("admin"), StaticSegment("api-tokens")) view=ApiTokensPage />
                    <Route path=StaticSegment("validation") view=ValidationQueuePage />
                    <Route
                        path=(StaticSegment("validation"), StaticSegment("explain"))
                        view=ValueExplanationPage
                    />
                    <Route path=StaticSegment("metrics") view=MetricCataloguePage />
                    <Route path=StaticSegment("plan") view=ClusterPlanPage />
                    <Route path=StaticSegment("committee-calls") view=CommitteeCallsPage />
                    <Route path=StaticSegment("media") view=MediaPage />
                    <Route path=StaticSegment("awards") view=AwardsPage />
                    <Route path=StaticSegment("board") view=BoardPage />
                    <Route path=StaticSegment("goals") view=GoalsPage />
                    <Route path=StaticSegment("programs") view=ProgramsPage />
                    <Route path=StaticSegment("community-work") view=CommunityWorkPage />
                    <Route path=StaticSegment("import") view=ImportPage />
                    <Route path=StaticSegment("scorecard") view=ClusterScorecardPage />
                    <Route path=StaticSegment("leaderboard") view=LeaderboardPage />
                    <Route path=StaticSegment("region") view=RegionViewPage />
                    <Route path=StaticSegment("explorer") view=MetricExplorerPage />
                    <Route path=StaticSegment("dashboards") view=DashboardsPage />
                    <Route path=StaticSegment("dashboard") view=DashboardPage />
                    <Route path=StaticSegment("member") view=MemberParticipationPage />
                    <Route path=StaticSegment("self-reports") view=ReportQueuePage />
                    <Route path=(StaticSegment("me"), StaticSegment("reports")) view=MyReportsPage />
                    <Route
                        path=(StaticSegment("me"), StaticSegment("participation"))
                        view=MyParticipationPage
                    />
                    <Route
                        path=(StaticSegment("metrics"), StaticSegment("edit"))
                        view=MetricEditorPage
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
