//! Defining a seat on a cluster's board.

use leptos::prelude::*;

use crate::error::AppError;

/// Defines seat `title` on `cluster`'s board (`leads`: its holder leads the cluster):
/// staff for the clusters of their regions, a leader for their own. A title the board has
/// or a second leading seat is refused.
#[server(endpoint = "board/add-seat")]
pub async fn add_board_seat(cluster: i32, title: String, leads: bool) -> Result<(), AppError> {
    use domain::cluster_board::ClusterBoard;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let today = chrono::Local::now().date_naive();
    ClusterBoard::add_seat(&db, ClusterId(cluster), &title, leads, today).await?;
    Ok(())
}
