//! Reading a cluster's service projects and partnerships.

use leptos::prelude::*;

use crate::{error::AppError, models::community_work::CommunityWorkPage};

/// Every project and partnership of `cluster` (a leader's own when left out; staff: the
/// first of their regions). Staff may read the clusters of their regions, a leader only
/// theirs.
#[server(endpoint = "community-work/get")]
pub async fn get_community_work(cluster: Option<i32>) -> Result<CommunityWorkPage, AppError> {
    use domain::community_work::{CommunityWork, WorkKind as Stored};

    use crate::{
        i18n::format_date,
        models::community_work::{WorkKind, WorkRow},
    };

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let scope = crate::server_fns::cluster_choice::leader_scope(&user, &db, cluster).await?;
    let items = CommunityWork::of_cluster(&db, scope.cluster)
        .await?
        .into_iter()
        .map(|item| WorkRow {
            kind: match item.kind {
                Stored::ServiceProject => WorkKind::ServiceProject,
                Stored::Partnership => WorkKind::Partnership,
            },
            id: item.id,
            name: item.name,
            started_on: item.started_on.format("%Y-%m-%d").to_string(),
            started: format_date(locale, item.started_on),
            ended: item.ended_on.map(|day| format_date(locale, day)),
        })
        .collect();
    Ok(CommunityWorkPage {
        cluster: scope.cluster,
        cluster_label: scope.label,
        clusters: scope.clusters,
        items,
        today: chrono::Local::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string(),
    })
}
