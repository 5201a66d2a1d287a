//! Removing a seat defined by mistake.

use leptos::prelude::*;

use crate::error::AppError;

/// Removes seat `seat` of `cluster`'s board: staff for the clusters of their regions, a
/// leader for their own. A seat that has had terms, or another cluster's, is refused.
#[server(endpoint = "board/remove-seat")]
pub async fn remove_board_seat(cluster: i32, seat: i32) -> Result<(), AppError> {
    use domain::cluster_board::ClusterBoard;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let today = chrono::Local::now().date_naive();
    ClusterBoard::remove_seat(&db, ClusterId(cluster), seat, today).await?;
    Ok(())
}
