//! Reading a cluster's committees and recent calls.

use leptos::prelude::*;

use crate::{error::AppError, models::committee_call::CommitteeCallsPage};

/// The committees of `cluster` (a leader's own when left out; staff: the first) with
/// today's members, and its newest calls. Staff may read any cluster, a leader only theirs.
#[server(endpoint = "committee-calls/get")]
pub async fn get_committee_calls(cluster: Option<i32>) -> Result<CommitteeCallsPage, AppError> {
    use domain::committee_calls::CommitteeCalls;

    use crate::{
        i18n::{call_summary, format_date_time},
        models::{
            committee_call::{CallRow, Roster},
            validation::Choice,
        },
    };

    /// How many recent calls the page lists.
    const RECENT_CALLS: u64 = 20;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let scope = crate::server_fns::cluster_choice::leader_scope(&user, &db, cluster).await?;
    let cluster = scope.cluster;
    let today = chrono::Local::now().date_naive();
    let rosters = CommitteeCalls::rosters(&db, cluster, today)
        .await?
        .into_iter()
        .map(|r| Roster {
            committee: r.committee.id,
            name: r.committee.name,
            members: r
                .members
                .into_iter()
                .map(|(id, name)| Choice {
                    value: id.0.to_string(),
                    label: name,
                })
                .collect(),
        })
        .collect();
    let calls = CommitteeCalls::recent(&db, cluster, today, RECENT_CALLS)
        .await?
        .into_iter()
        .map(|c| CallRow {
            summary: call_summary(locale, c.held, c.invited, c.attended, c.on_time),
            committee: c.committee,
            when: format_date_time(locale, c.starts_at),
            held: c.held,
        })
        .collect();
    Ok(CommitteeCallsPage {
        cluster,
        cluster_label: scope.label,
        clusters: scope.clusters,
        rosters,
        calls,
        today: today.format("%Y-%m-%d").to_string(),
    })
}
