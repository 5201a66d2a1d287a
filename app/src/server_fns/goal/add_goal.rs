//! Setting a goal.

use leptos::prelude::*;

use crate::error::AppError;

/// Records goal `title` for `cluster`'s fiscal `year`, today: staff for the clusters of
/// their regions, a leader for their own. An empty or repeated title, or a year that is not
/// open, is refused. The KPIs follow at once.
#[server(endpoint = "goals/add")]
pub async fn add_goal(cluster: i32, year: i32, title: String) -> Result<(), AppError> {
    use domain::cluster_goals::ClusterGoals;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let today = chrono::Local::now().date_naive();
    ClusterGoals::add(&db, ClusterId(cluster), year, &title, today).await?;
    Ok(())
}
