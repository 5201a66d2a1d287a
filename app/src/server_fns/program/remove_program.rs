//! Removing a program recorded by mistake.

use leptos::prelude::*;

use crate::error::AppError;

/// Removes program `id` of `cluster`: staff for the clusters of their regions, a leader
/// for their own. A program with recorded attendances, or another cluster's, is refused.
#[server(endpoint = "programs/remove")]
pub async fn remove_program(cluster: i32, id: i32) -> Result<(), AppError> {
    use domain::intercluster_programs::InterclusterPrograms;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    InterclusterPrograms::remove(&db, ClusterId(cluster), id, super::local_now()).await?;
    Ok(())
}
