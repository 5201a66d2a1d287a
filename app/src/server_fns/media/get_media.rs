//! Reading a cluster's recent media coverage.

use leptos::prelude::*;

use crate::{error::AppError, models::media::MediaPage};

/// The newest media items of `cluster` (a leader's own when left out; staff: the first).
/// Staff may read any cluster, a leader only theirs.
#[server(endpoint = "media/get")]
pub async fn get_media(cluster: Option<i32>) -> Result<MediaPage, AppError> {
    use domain::{media_coverage::MediaCoverage, sea_orm::ActiveEnum};

    use crate::{
        i18n::{format_count, format_date, media_kind},
        models::media::MediaRow,
    };

    /// How many items the page lists.
    const RECENT_ITEMS: u64 = 30;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let scope = crate::server_fns::cluster_choice::leader_scope(&user, &db, cluster).await?;
    let cluster = scope.cluster;
    let items = MediaCoverage::recent(&db, cluster, RECENT_ITEMS)
        .await?
        .into_iter()
        .map(|item| MediaRow {
            id: item.id,
            published: format_date(locale, item.published_on),
            outlet: item.outlet,
            kind: media_kind(locale, item.kind.to_value().as_str()).to_owned(),
            reach: format_count(locale, u64::try_from(item.reach).unwrap_or(0)),
            title: item.title,
        })
        .collect();
    Ok(MediaPage {
        cluster,
        cluster_label: scope.label,
        clusters: scope.clusters,
        items,
        today: chrono::Local::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string(),
    })
}
