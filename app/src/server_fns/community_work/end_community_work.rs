//! Marking a project completed or a partnership ended, or reopening either.

use leptos::prelude::*;

use crate::{error::AppError, models::community_work::WorkKind};

/// Sets the end of item `id` of `kind` of `cluster` to `ended_on` (`YYYY-MM-DD`; empty
/// reopens it): staff for the clusters of their regions, a leader for their own. Another
/// cluster's id and a day before the start are refused. The KPIs follow at once.
#[server(endpoint = "community-work/end")]
pub async fn end_community_work(
    cluster: i32,
    kind: WorkKind,
    id: i32,
    ended_on: String,
) -> Result<(), AppError> {
    use domain::community_work::CommunityWork;

    use super::{optional_day, stored_kind};
    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let ended_on =
        optional_day("ended on", &ended_on).map_err(|p| AppError::Refused(vec![p]).respond())?;
    CommunityWork::set_end(
        &db,
        ClusterId(cluster),
        stored_kind(kind),
        id,
        ended_on,
        chrono::Local::now().date_naive(),
    )
    .await?;
    Ok(())
}
