//! Reading a cluster's recent media coverage.

use leptos::prelude::*;

use crate::{error::AppError, models::media::MediaPage};

/// The newest media items of `cluster` (a leader's own when left out; staff: the first).
/// Staff may read any cluster, a leader only theirs.
#[server(endpoint = "media/get")]
pub async fn get_media(cluster: Option<i32>) -> Result<MediaPage, AppError> {
    use domain::{
        entity::cluster as cluster_entity,
        media_coverage::MediaCoverage,
        sea_orm::{ActiveEnum, EntityTrait},
    };

    use crate::{
        i18n::{format_count, format_date, media_kind},
        models::{account::Role, ids::ClusterId, media::MediaRow},
    };

    /// How many items the page lists.
    const RECENT_ITEMS: u64 = 30;

    let user = crate::auth::require_user()?;
    if !user.role.is_staff() && user.role != Role::Leader {
        return Err(AppError::Forbidden.respond());
    }
    let db = crate::auth::database()?;
    let cluster = crate::auth::readable_cluster(&db, cluster.map(ClusterId)).await?;
    crate::auth::require_cluster(cluster)?;
    let locale = crate::providers::locale::request_locale();
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
        cluster_label: format!("{} · {}", row.code, row.name),
        clusters,
        items,
        today: chrono::Local::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string(),
    })
}
