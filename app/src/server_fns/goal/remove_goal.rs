//! Removing a goal recorded by mistake.

use leptos::prelude::*;

use crate::error::AppError;

/// Removes goal `id` of `cluster`: staff for the clusters of their regions, a leader for
/// their own. Another cluster's goal is refused. The KPIs follow at once.
#[server(endpoint = "goals/remove")]
pub async fn remove_goal(cluster: i32, id: i32) -> Result<(), AppError> {
    use domain::cluster_goals::ClusterGoals;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let today = chrono::Local::now().date_naive();
    ClusterGoals::remove(&db, ClusterId(cluster), id, today).await?;
    Ok(())
}
