//! Reading a cluster's award applications.

use leptos::prelude::*;

use crate::{error::AppError, models::award::AwardsPage};

/// The newest award applications of `cluster` (a leader's own when left out; staff: the
/// first) and the members who may apply. Staff may read any cluster, a leader only theirs.
#[server(endpoint = "awards/get")]
pub async fn get_awards(cluster: Option<i32>) -> Result<AwardsPage, AppError> {
    use domain::{
        award_applications::AwardApplications, organization::OrganizationQuery, sea_orm::ActiveEnum,
    };

    use crate::{
        i18n::{Msg, format_date, t},
        models::{award::AwardRow, validation::Choice},
    };

    /// How many applications the page lists.
    const RECENT_APPLICATIONS: u64 = 30;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let scope = crate::server_fns::cluster_choice::leader_scope(&user, &db, cluster).await?;
    let cluster = scope.cluster;
    let today = chrono::Local::now().date_naive();
    let applications = AwardApplications::recent(&db, cluster, RECENT_APPLICATIONS)
        .await?
        .into_iter()
        .map(|recorded| AwardRow {
            id: recorded.application.id,
            award: recorded.application.award,
            submitted: format_date(locale, recorded.application.submitted_on),
            applicant: recorded
                .applicant
                .unwrap_or_else(|| t(locale, Msg::AwardByCluster).to_owned()),
            outcome: recorded.application.outcome.to_value(),
        })
        .collect();
    let members = OrganizationQuery::members_of(&db, cluster.0, today)
        .await?
        .into_iter()
        .map(|m| Choice {
            value: m.member_id.to_string(),
            label: format!("{} {}", m.first_name, m.last_name),
        })
        .collect();
    Ok(AwardsPage {
        cluster,
        cluster_label: scope.label,
        clusters: scope.clusters,
        members,
        applications,
        today: today.format("%Y-%m-%d").to_string(),
    })
}
