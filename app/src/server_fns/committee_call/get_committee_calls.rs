//! Reading a cluster's committees and recent calls.

use leptos::prelude::*;

use crate::{error::AppError, models::committee_call::CommitteeCallsPage};

/// The committees of `cluster` (a leader's own when left out; staff: the first) with
/// today's members, and its newest calls. Staff may read any cluster, a leader only theirs.
#[server(endpoint = "committee-calls/get")]
pub async fn get_committee_calls(cluster: Option<i32>) -> Result<CommitteeCallsPage, AppError> {
    use domain::{
        committee_calls::CommitteeCalls, entity::cluster as cluster_entity, sea_orm::EntityTrait,
    };

    use crate::{
        i18n::{call_summary, format_date_time},
        models::{
            account::Role,
            committee_call::{CallRow, Roster},
            ids::ClusterId,
            validation::Choice,
        },
    };

    /// How many recent calls the page lists.
    const RECENT_CALLS: u64 = 20;

    let user = crate::auth::require_user()?;
    if !user.role.is_staff() && user.role != Role::Leader {
        return Err(AppError::Forbidden.respond());
    }
    let db = crate::auth::database()?;
    let cluster = crate::auth::readable_cluster(&db, cluster.map(ClusterId)).await?;
    crate::auth::require_cluster(cluster)?;
    let locale = crate::providers::locale::request_locale();
    let today = chrono::Local::now().date_naive();
    let Some(row) = cluster_entity::Entity::find_by_id(cluster.0)
        .one(&db)
        .await?
    else {
        return Err(AppError::NotFound.respond());
    };
    let clusters = if user.role.is_staff() {
        crate::server_fns::cluster_choice::cluster_choices(&db).await?
    } else {
        Vec::new()
    };
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
        cluster_label: format!("{} · {}", row.code, row.name),
        clusters,
        rosters,
        calls,
        today: today.format("%Y-%m-%d").to_string(),
    })
}
