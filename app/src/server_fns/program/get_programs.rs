//! Reading the inter-cluster programs a cluster hosts.

use leptos::prelude::*;

use crate::{error::AppError, models::program::ProgramsPage};

/// The newest programs `cluster` hosts (a leader's own when left out; staff: the first of
/// their regions), with their attendance counts. Staff may read the clusters of their
/// regions, a leader only theirs.
#[server(endpoint = "programs/get")]
pub async fn get_programs(cluster: Option<i32>) -> Result<ProgramsPage, AppError> {
    use domain::{entity::event::EventStatus, intercluster_programs::InterclusterPrograms};

    use crate::{
        i18n::format_date_time,
        models::program::{ProgramRow, ProgramStatus},
    };

    /// How many programs the page lists.
    const RECENT_PROGRAMS: u64 = 30;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let scope = crate::server_fns::cluster_choice::leader_scope(&user, &db, cluster).await?;
    let now = super::local_now();
    let programs = InterclusterPrograms::hosted(&db, scope.cluster, RECENT_PROGRAMS)
        .await?
        .into_iter()
        .map(|hosted| ProgramRow {
            id: hosted.event.id,
            title: hosted.event.title,
            starts: format_date_time(locale, hosted.event.scheduled_start),
            status: match hosted.event.status {
                EventStatus::Planned => ProgramStatus::Planned,
                EventStatus::Held => ProgramStatus::Held,
                EventStatus::Cancelled => ProgramStatus::Cancelled,
            },
            attendances: hosted.attendances,
            started: hosted.event.scheduled_start <= now,
        })
        .collect();
    Ok(ProgramsPage {
        cluster: scope.cluster,
        cluster_label: scope.label,
        clusters: scope.clusters,
        programs,
        now: now.format("%Y-%m-%dT%H:%M").to_string(),
    })
}
