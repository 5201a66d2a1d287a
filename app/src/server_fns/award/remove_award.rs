//! Removing an award application recorded by mistake.

use leptos::prelude::*;

use crate::error::AppError;

/// Removes application `id` of `cluster`: staff for any cluster, a leader for their own.
/// An id of another cluster's application is refused. The KPIs follow at once.
#[server(endpoint = "awards/remove")]
pub async fn remove_award(cluster: i32, id: i32) -> Result<(), AppError> {
    use domain::award_applications::AwardApplications;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let today = chrono::Local::now().date_naive();
    AwardApplications::remove(&db, ClusterId(cluster), id, today).await?;
    Ok(())
}
