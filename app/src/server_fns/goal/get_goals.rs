//! Reading a cluster's goals for a fiscal year.

use leptos::prelude::*;

use crate::{error::AppError, models::goal::GoalsPage};

/// The goals of `cluster` (a leader's own when left out; staff: the first of their
/// regions) for fiscal `year` (the running one when left out) with its deadline. Staff may
/// read the clusters of their regions, a leader only theirs.
#[server(endpoint = "goals/get")]
pub async fn get_goals(cluster: Option<i32>, year: Option<i32>) -> Result<GoalsPage, AppError> {
    use domain::{cluster_goals::ClusterGoals, kpi_engine::KpiEngine};

    use crate::{i18n::format_date, models::goal::GoalRow};

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let scope = crate::server_fns::cluster_choice::leader_scope(&user, &db, cluster).await?;
    let today = chrono::Local::now().date_naive();
    let start = KpiEngine::fiscal_year_start(&db).await?;
    let years = ClusterGoals::open_years(today, start);
    let year = year.unwrap_or(years[0]);
    let deadline = ClusterGoals::deadline(year, start);
    let goals = ClusterGoals::of_year(&db, scope.cluster, year)
        .await?
        .into_iter()
        .map(|goal| GoalRow {
            id: goal.id,
            title: goal.title,
            recorded: format_date(locale, goal.recorded_on),
            on_time: goal.recorded_on <= goal.deadline,
            achieved: goal.achieved,
        })
        .collect();
    Ok(GoalsPage {
        cluster: scope.cluster,
        cluster_label: scope.label,
        clusters: scope.clusters,
        year,
        years: years.to_vec(),
        deadline: format_date(locale, deadline),
        deadline_passed: today > deadline,
        goals,
    })
}
