//! Removing a media item recorded by mistake.

use leptos::prelude::*;

use crate::error::AppError;

/// Removes item `id` of `cluster`: staff for any cluster, a leader for their own. An id
/// of another cluster's item is refused. The KPIs follow at once.
#[server(endpoint = "media/remove")]
pub async fn remove_media(cluster: i32, id: i32) -> Result<(), AppError> {
    use domain::media_coverage::MediaCoverage;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let today = chrono::Local::now().date_naive();
    MediaCoverage::remove(&db, ClusterId(cluster), id, today).await?;
    Ok(())
}
