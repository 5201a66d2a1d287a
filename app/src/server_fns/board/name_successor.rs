//! Naming the leader's successor.

use leptos::prelude::*;

use crate::error::AppError;

/// Names member `successor` (empty: clears the name) as successor for term `term` of
/// `cluster`'s leading seat, from today: staff for the clusters of their regions, a leader
/// for their own. The succession plan KPI follows at once.
#[server(endpoint = "board/successor")]
pub async fn name_successor(cluster: i32, term: i32, successor: String) -> Result<(), AppError> {
    use domain::cluster_board::ClusterBoard;

    use crate::models::ids::{ClusterId, MemberId};

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let successor = match successor.trim() {
        "" => None,
        id => Some(MemberId(id.parse().map_err(|_| {
            AppError::Refused(vec![format!("successor: {successor:?} is not a member id")])
                .respond()
        })?)),
    };
    let today = chrono::Local::now().date_naive();
    ClusterBoard::name_successor(&db, ClusterId(cluster), term, successor, today).await?;
    Ok(())
}
