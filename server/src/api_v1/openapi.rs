//! `GET /api/v1/openapi.json`: the OpenAPI 3 document of the API, generated from the
//! handlers' `#[utoipa::path]` attributes and the types they read and write, so the
//! document cannot drift from the code (a test calls every documented route).

use std::sync::OnceLock;

use axum::{
    http::header,
    response::{IntoResponse, Response},
};
use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};

use super::{
    attendances, award_applications, board_seats, board_terms, budgets, clusters, committees,
    community_work, dues_invoices, event_roles, events, forum_members, forums, goals, kpi_values,
    media_items, members, memberships, mentorships, metrics, page, problem, referrals,
    self_reports, spendings, trainings,
};

/// The API's OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "MemberPulse API",
        version = "1",
        description = "Clusters, metrics and KPI values for integrations, and fact pushes from CRMs. \
                       Send an API token an admin created as `Authorization: Bearer mpk_…`."
    ),
    paths(
        clusters::list_clusters,
        metrics::list_metrics,
        kpi_values::list_kpi_values,
        attendances::push_attendances,
        members::push_members,
        memberships::push_memberships,
        dues_invoices::push_dues_invoices,
        events::push_events,
        event_roles::push_event_invitations,
        event_roles::push_speakers,
        goals::push_goals,
        board_seats::push_board_seats,
        board_terms::push_board_terms,
        community_work::push_service_projects,
        community_work::push_partnerships,
        media_items::push_media_items,
        award_applications::push_award_applications,
        forums::push_forums,
        forum_members::push_forum_members,
        committees::push_committees,
        committees::push_committee_members,
        self_reports::push_self_reports,
        mentorships::push_mentorships,
        trainings::push_trainings,
        budgets::push_budgets,
        spendings::push_spendings,
        referrals::push_referrals,
    ),
    components(schemas(
        page::Window,
        problem::ProblemBody,
        problem::Problem,
        problem::ItemProblem,
    )),
    modifiers(&ApiTokenScheme),
    tags(
        (name = "organization", description = "Regions and clusters"),
        (name = "metrics", description = "The metric catalogue"),
        (name = "kpis", description = "Computed KPI values"),
        (name = "facts", description = "Pushing facts; the KPIs follow at once"),
    )
)]
pub struct ApiDoc;

/// Declares the bearer token every route asks for.
struct ApiTokenScheme;

impl Modify for ApiTokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("mpk_…")
                    .description(Some(
                        "An API token created by an admin on /admin/api-tokens",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document as JSON, built once.
pub fn document_json() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        ApiDoc::openapi()
            .to_json()
            .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
    })
}

/// Serves the document; it is public, like any API's description.
pub async fn document() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        document_json(),
    )
        .into_response()
}
