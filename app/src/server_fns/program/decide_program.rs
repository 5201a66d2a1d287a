//! Marking a program held, cancelled or planned.

use leptos::prelude::*;

use crate::{error::AppError, models::program::ProgramStatus};

/// Sets program `id` of `cluster` to `status`: staff for the clusters of their regions, a
/// leader for their own. Held before it starts, and another cluster's program, are
/// refused. The KPIs follow at once.
#[server(endpoint = "programs/decide")]
pub async fn decide_program(cluster: i32, id: i32, status: ProgramStatus) -> Result<(), AppError> {
    use domain::intercluster_programs::InterclusterPrograms;

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    InterclusterPrograms::set_status(
        &db,
        ClusterId(cluster),
        id,
        super::stored_status(status),
        super::local_now(),
    )
    .await?;
    Ok(())
}
