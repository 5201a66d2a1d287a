//! Recording a committee call.

use leptos::prelude::*;

use crate::{error::AppError, models::committee_call::CallForm};

/// Records the call in `call` for its cluster: staff for any cluster, a leader for their
/// own. Every field is checked again here (the form checks them first); a refused call
/// says what to fix and writes nothing. The KPIs follow at once.
#[server(endpoint = "committee-calls/record")]
pub async fn record_committee_call(call: CallForm) -> Result<(), AppError> {
    use chrono::{NaiveDate, NaiveTime};
    use domain::committee_calls::{Attendee, CallDraft, CommitteeCalls};

    use crate::models::ids::{ClusterId, MemberId};

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    crate::auth::require_cluster(&user, &db, ClusterId(call.cluster)).await?;
    let mut problems = Vec::new();
    let date = NaiveDate::parse_from_str(call.date.trim(), "%Y-%m-%d")
        .map_err(|_| problems.push(format!("date: {:?} is not a date (YYYY-MM-DD)", call.date)))
        .ok();
    let time = |text: &str| NaiveTime::parse_from_str(text.trim(), "%H:%M").ok();
    let start = time(&call.start);
    if start.is_none() {
        problems.push(format!("start: {:?} is not a time (HH:MM)", call.start));
    }
    let mut attendees = Vec::with_capacity(call.attendees.len());
    for attendee in &call.attendees {
        let joined_at = if attendee.joined.trim().is_empty() {
            None
        } else if let (Some(date), Some(joined)) = (date, time(&attendee.joined)) {
            Some(date.and_time(joined))
        } else {
            problems.push(format!(
                "joined at: {:?} for member {} is not a time (HH:MM)",
                attendee.joined, attendee.member
            ));
            None
        };
        attendees.push(Attendee {
            member: MemberId(attendee.member),
            joined_at,
        });
    }
    let (Some(date), Some(start), true) = (date, start, problems.is_empty()) else {
        return Err(AppError::Refused(problems).respond());
    };
    let now = chrono::Local::now().naive_local();
    CommitteeCalls::record(
        &db,
        ClusterId(call.cluster),
        CallDraft {
            committee: call.committee,
            starts_at: date.and_time(start),
            held: call.held,
            attendees,
        },
        now,
    )
    .await?;
    Ok(())
}
