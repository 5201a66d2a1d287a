//! Staff reading one member's participation: the last step of the drill-down from the
//! organization through a region and a cluster.

use leptos::prelude::*;

use crate::{error::AppError, models::participation::MyParticipation};

/// `member`'s participation in `period` (the newest year with values when left out),
/// beside their cluster's numbers (the cluster they belonged to at the period's end, or
/// today's if they joined later).
/// Staff of the member's region only: it is another person's data.
#[server(endpoint = "participation/member")]
pub async fn get_member_participation(
    member: i32,
    period: Option<String>,
) -> Result<MyParticipation, AppError> {
    use domain::{cluster_scorecard::ClusterScorecard, entity::member, sea_orm::EntityTrait};
    use kpi::MemberId;

    use crate::models::{chart::query_value, participation::ParticipationSubject};

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let Some(person) = member::Entity::find_by_id(member).one(&db).await? else {
        return Err(AppError::NotFound.respond());
    };
    let day = match period.as_deref().filter(|p| !p.is_empty()) {
        Some(key) => {
            let start = domain::kpi_engine::KpiEngine::fiscal_year_start(&db).await?;
            kpi::Period::parse(key, start)
                .map_err(|error| AppError::Refused(vec![format!("period: {error}")]).respond())?
                .last_day()
        }
        None => chrono::Local::now().date_naive(),
    };
    let today = chrono::Local::now().date_naive();
    // A member who joined after the period still has a page (empty for that period):
    // their cluster is then today's.
    let cluster =
        match ClusterScorecard::cluster_of_member(&db, MemberId(member), day.min(today)).await? {
            Some(found) => Some(found),
            None => ClusterScorecard::cluster_of_member(&db, MemberId(member), today).await?,
        };
    let Some((cluster, region)) = cluster else {
        return Err(AppError::NotFound.respond());
    };
    if !user.covers_region(region) {
        return Err(AppError::Forbidden.respond());
    }
    let mut participation = super::get_my_participation::ssr::participation(
        &db,
        locale,
        MemberId(member),
        cluster,
        period,
    )
    .await?;
    participation.subject = Some(ParticipationSubject {
        member,
        name: format!("{} {}", person.first_name, person.last_name),
        cluster_href: format!(
            "/scorecard?cluster={}&period={}",
            cluster.0,
            query_value(&participation.period)
        ),
    });
    Ok(participation)
}
