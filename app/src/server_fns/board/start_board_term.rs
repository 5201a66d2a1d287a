//! Starting a member's term on a seat (handing the seat over).

use leptos::prelude::*;

use crate::error::AppError;

/// Starts member `member`'s term on seat `seat` of `cluster` on `starts_on`
/// (`YYYY-MM-DD`); a running term ends the day before. Staff for the clusters of their
/// regions, a leader for their own. The KPIs follow at once.
#[server(endpoint = "board/start-term")]
pub async fn start_board_term(
    cluster: i32,
    seat: i32,
    member: i32,
    starts_on: String,
) -> Result<(), AppError> {
    use domain::cluster_board::ClusterBoard;

    use crate::models::ids::{ClusterId, MemberId};

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let starts_on = super::form_day("starts on", &starts_on)?;
    let today = chrono::Local::now().date_naive();
    ClusterBoard::start_term(
        &db,
        ClusterId(cluster),
        seat,
        MemberId(member),
        starts_on,
        today,
    )
    .await?;
    Ok(())
}
