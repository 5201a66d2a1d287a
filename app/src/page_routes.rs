//! Every page as a lazily loaded route. Built with `cargo leptos build --split`, each
//! page's code ships in its own WASM chunk (code two pages share in a shared one), fetched
//! when the page is first opened; the first load carries the shell and the page in view
//! only. The server renders the page in full and names its chunks for preloading, and the
//! browser fetches them before it hydrates (`hydrate_lazy`). Without `--split` the routes
//! behave as plain ones.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use crate::pages::{
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
};

/// Declares `Route` as the lazily loaded route of the page component `Page`. Pages load
/// their own data (resources in the component), so a route's data half is empty.
macro_rules! lazy_pages {
    ($($route:ident => $page:ident,)+) => {$(
        #[doc = concat!("The lazily loaded route of [`", stringify!($page), "`].")]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_route: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    )+};
}

lazy_pages! {
    OverviewRoute => OrganizationOverviewPage,
    SignInRoute => SignInPage,
    ResetPasswordRoute => ResetPasswordPage,
    AccountRoute => AccountPage,
    UsersRoute => UsersPage,
    BrandRoute => BrandPage,
    SettingsRoute => SettingsPage,
    ApiTokensRoute => ApiTokensPage,
    ValidationQueueRoute => ValidationQueuePage,
    ValueExplanationRoute => ValueExplanationPage,
    MetricCatalogueRoute => MetricCataloguePage,
    MetricEditorRoute => MetricEditorPage,
    ClusterPlanRoute => ClusterPlanPage,
    CommitteeCallsRoute => CommitteeCallsPage,
    MediaRoute => MediaPage,
    AwardsRoute => AwardsPage,
    BoardRoute => BoardPage,
    GoalsRoute => GoalsPage,
    ProgramsRoute => ProgramsPage,
    CommunityWorkRoute => CommunityWorkPage,
    ImportRoute => ImportPage,
    ScorecardRoute => ClusterScorecardPage,
    LeaderboardRoute => LeaderboardPage,
    RegionRoute => RegionViewPage,
    ExplorerRoute => MetricExplorerPage,
    DashboardsRoute => DashboardsPage,
    DashboardRoute => DashboardPage,
    MemberParticipationRoute => MemberParticipationPage,
    ReportQueueRoute => ReportQueuePage,
    MyReportsRoute => MyReportsPage,
    MyParticipationRoute => MyParticipationPage,
}
