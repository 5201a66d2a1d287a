//! Removing a term recorded by mistake.

use leptos::prelude::*;

use crate::error::AppError;

/// Removes term `term` of `cluster`'s board: staff for the clusters of their regions, a
/// leader for their own. Another cluster's term is refused. The KPIs follow at once.
#[server(endpoint = "board/remove-term")]
pub async fn remove_board_term(cluster: i32, term: i32) -> Result<(), AppError> {
    use domain::cluster_board::ClusterBoard;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let today = chrono::Local::now().date_naive();
    ClusterBoard::remove_term(&db, ClusterId(cluster), term, today).await?;
    Ok(())
}
