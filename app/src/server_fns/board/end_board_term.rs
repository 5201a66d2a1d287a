//! Ending a term.

use leptos::prelude::*;

use crate::error::AppError;

/// Ends term `term` of `cluster`'s board on `ends_on` (`YYYY-MM-DD`, its last day): staff
/// for the clusters of their regions, a leader for their own. The KPIs follow at once.
#[server(endpoint = "board/end-term")]
pub async fn end_board_term(cluster: i32, term: i32, ends_on: String) -> Result<(), AppError> {
    use domain::cluster_board::ClusterBoard;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let ends_on = super::form_day("ends on", &ends_on)?;
    let today = chrono::Local::now().date_naive();
    ClusterBoard::end_term(&db, ClusterId(cluster), term, ends_on, today).await?;
    Ok(())
}
