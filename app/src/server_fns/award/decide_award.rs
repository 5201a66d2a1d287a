//! Recording whether an award was won.

use leptos::prelude::*;

use crate::error::AppError;

/// Sets the outcome (`pending`, `won` or `lost`) of application `id` of `cluster`: staff
/// for any cluster, a leader for their own. An id of another cluster's application is
/// refused. The KPIs follow at once.
#[server(endpoint = "awards/decide")]
pub async fn decide_award(cluster: i32, id: i32, outcome: String) -> Result<(), AppError> {
    use domain::{award_applications::AwardApplications, entity::fact_kinds::AwardOutcome};

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(cluster)).await?;
    let outcome = match outcome.as_str() {
        "pending" => AwardOutcome::Pending,
        "won" => AwardOutcome::Won,
        "lost" => AwardOutcome::Lost,
        other => {
            return Err(AppError::Refused(vec![format!(
                "outcome: {other:?} is not pending, won or lost"
            )])
            .respond());
        }
    };
    let today = chrono::Local::now().date_naive();
    AwardApplications::decide(&db, ClusterId(cluster), id, outcome, today).await?;
    Ok(())
}
