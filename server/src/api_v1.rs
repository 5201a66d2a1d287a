//! The JSON API for CRM plugins and integrations, under `/api/v1`. A caller sends an API
//! token an admin created (`Authorization: Bearer mpk_…`); read tokens read clusters,
//! metrics and KPI values, write tokens also push facts. Every refusal has one shape
//! ([`problem::ApiError`]), and the OpenAPI 3 document at `/api/v1/openapi.json` is
//! generated from these handlers and types ([`openapi::ApiDoc`]).

pub mod attendances;
pub mod award_applications;
pub mod batch;
pub mod board_seats;
pub mod board_terms;
pub mod budgets;
pub mod caller;
pub mod clusters;
pub mod committees;
pub mod community_work;
pub mod dues_invoices;
pub mod event_roles;
pub mod events;
pub mod forum_members;
pub mod forums;
pub mod goals;
pub mod kpi_values;
pub mod media_items;
pub mod members;
pub mod memberships;
pub mod mentorships;
pub mod metrics;
pub mod openapi;
pub mod page;
pub mod problem;
pub mod referrals;
pub mod self_reports;
pub mod spendings;
pub mod trainings;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    routing::{get, post},
};

use crate::state::AppState;

/// Where the API is mounted.
pub const BASE: &str = "/api/v1";
/// The largest request body: a full batch of facts with room to spare.
const BODY_LIMIT: usize = 8 * 1024 * 1024;

/// The API's routes, relative to [`BASE`].
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/clusters", get(clusters::list_clusters))
        .route("/metrics", get(metrics::list_metrics))
        .route("/kpi-values", get(kpi_values::list_kpi_values))
        .route("/facts/attendances", post(attendances::push_attendances))
        .route("/facts/members", post(members::push_members))
        .route("/facts/memberships", post(memberships::push_memberships))
        .route(
            "/facts/dues-invoices",
            post(dues_invoices::push_dues_invoices),
        )
        .route("/facts/events", post(events::push_events))
        .route(
            "/facts/event-invitations",
            post(event_roles::push_event_invitations),
        )
        .route("/facts/speakers", post(event_roles::push_speakers))
        .route("/facts/mentorships", post(mentorships::push_mentorships))
        .route("/facts/trainings", post(trainings::push_trainings))
        .route("/facts/budgets", post(budgets::push_budgets))
        .route("/facts/spendings", post(spendings::push_spendings))
        .route("/facts/referrals", post(referrals::push_referrals))
        .route("/facts/goals", post(goals::push_goals))
        .route("/facts/board-seats", post(board_seats::push_board_seats))
        .route("/facts/board-terms", post(board_terms::push_board_terms))
        .route(
            "/facts/service-projects",
            post(community_work::push_service_projects),
        )
        .route("/facts/media-items", post(media_items::push_media_items))
        .route("/facts/forums", post(forums::push_forums))
        .route("/facts/committees", post(committees::push_committees))
        .route("/facts/self-reports", post(self_reports::push_self_reports))
        .route(
            "/facts/committee-members",
            post(committees::push_committee_members),
        )
        .route(
            "/facts/forum-members",
            post(forum_members::push_forum_members),
        )
        .route(
            "/facts/award-applications",
            post(award_applications::push_award_applications),
        )
        .route(
            "/facts/partnerships",
            post(community_work::push_partnerships),
        )
        .route("/openapi.json", get(openapi::document))
        .fallback(problem::unknown_route)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}
