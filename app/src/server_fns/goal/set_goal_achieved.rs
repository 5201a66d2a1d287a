//! Marking a goal achieved or not.

use leptos::prelude::*;

use crate::error::AppError;

/// Marks goal `id` of `cluster` achieved or not: staff for the clusters of their regions,
/// a leader for their own. Another cluster's goal is refused. The KPIs follow at once.
#[server(endpoint = "goals/achieved")]
pub async fn set_goal_achieved(cluster: i32, id: i32, achieved: bool) -> Result<(), AppError> {
    use domain::cluster_goals::ClusterGoals;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let today = chrono::Local::now().date_naive();
    ClusterGoals::set_achieved(&db, ClusterId(cluster), id, achieved, today).await?;
    Ok(())
}
