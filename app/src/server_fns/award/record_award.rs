//! Recording an award application.

use leptos::prelude::*;

use crate::{error::AppError, models::award::AwardForm};

/// Records `application` for its cluster, not yet decided: staff for any cluster, a leader
/// for their own. Every field is checked again here (the form checks them first); a
/// refused application says what to fix and writes nothing. The KPIs follow at once.
#[server(endpoint = "awards/record")]
pub async fn record_award(application: AwardForm) -> Result<(), AppError> {
    use chrono::NaiveDate;
    use domain::award_applications::{AwardApplications, AwardDraft};

    use crate::models::ids::{ClusterId, MemberId};

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(application.cluster)).await?;
    let mut problems = Vec::new();
    let submitted_on = NaiveDate::parse_from_str(application.submitted_on.trim(), "%Y-%m-%d").ok();
    if submitted_on.is_none() {
        problems.push(format!(
            "submitted on: {:?} is not a date (YYYY-MM-DD)",
            application.submitted_on
        ));
    }
    let member = match application.member.trim() {
        "" => Some(None),
        id => id.parse().ok().map(|id| Some(MemberId(id))),
    };
    if member.is_none() {
        problems.push(format!(
            "member: {:?} is not a member id",
            application.member
        ));
    }
    let (Some(submitted_on), Some(member), true) = (submitted_on, member, problems.is_empty())
    else {
        return Err(AppError::Refused(problems).respond());
    };
    let today = chrono::Local::now().date_naive();
    AwardApplications::record(
        &db,
        ClusterId(application.cluster),
        AwardDraft {
            award: application.award,
            submitted_on,
            member,
        },
        today,
    )
    .await?;
    Ok(())
}
