//! Recording a service project or partnership.

use leptos::prelude::*;

use crate::{error::AppError, models::community_work::WorkForm};

/// Records `work` for its cluster: staff for the clusters of their regions, a leader for
/// their own. Every field is checked again here (the form checks them first); a refused
/// entry says what to fix and writes nothing. The KPIs follow at once.
#[server(endpoint = "community-work/record")]
pub async fn record_community_work(work: WorkForm) -> Result<(), AppError> {
    use domain::community_work::{CommunityWork, WorkDraft};

    use super::{optional_day, stored_kind};
    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(work.cluster)).await?;
    let started_on = match optional_day("started on", &work.started_on) {
        Ok(Some(day)) => Ok(day),
        Ok(None) => Err("started on: required".to_owned()),
        Err(problem) => Err(problem),
    };
    let ended_on = optional_day("ended on", &work.ended_on);
    let (started_on, ended_on) = match (started_on, ended_on) {
        (Ok(start), Ok(end)) => (start, end),
        (start, end) => {
            let problems = [start.err(), end.err()].into_iter().flatten().collect();
            return Err(AppError::Refused(problems).respond());
        }
    };
    CommunityWork::record(
        &db,
        ClusterId(work.cluster),
        WorkDraft {
            kind: stored_kind(work.kind),
            name: work.name,
            started_on,
            ended_on,
        },
        chrono::Local::now().date_naive(),
    )
    .await?;
    Ok(())
}
