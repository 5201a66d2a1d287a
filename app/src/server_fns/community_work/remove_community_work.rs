//! Removing a project or partnership recorded by mistake.

use leptos::prelude::*;

use crate::{error::AppError, models::community_work::WorkKind};

/// Removes item `id` of `kind` of `cluster`: staff for the clusters of their regions, a
/// leader for their own. Another cluster's id is refused. The KPIs follow at once.
#[server(endpoint = "community-work/remove")]
pub async fn remove_community_work(cluster: i32, kind: WorkKind, id: i32) -> Result<(), AppError> {
    use domain::community_work::CommunityWork;

    use super::stored_kind;
    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    CommunityWork::remove(
        &db,
        ClusterId(cluster),
        stored_kind(kind),
        id,
        chrono::Local::now().date_naive(),
    )
    .await?;
    Ok(())
}
