//! Which cluster a page works on and which it may pick: the picker of staff pages (every
//! cluster of their regions, by code) and the scope of a leader's recording pages.

#[cfg(feature = "ssr")]
use crate::error::AppError;

/// Every cluster of `user`'s regions as a choice ("C001 · Alpine Founders"), by code: the
/// cluster picker of staff pages.
#[cfg(feature = "ssr")]
pub(crate) async fn cluster_choices(
    db: &domain::sea_orm::DatabaseConnection,
    user: &crate::models::account::CurrentUser,
) -> Result<Vec<crate::models::validation::Choice>, AppError> {
    cluster_choices_in(db, user, None).await
}

/// The choices of [`cluster_choices`], kept to `region` when one is given.
#[cfg(feature = "ssr")]
pub(crate) async fn cluster_choices_in(
    db: &domain::sea_orm::DatabaseConnection,
    user: &crate::models::account::CurrentUser,
    region: Option<i32>,
) -> Result<Vec<crate::models::validation::Choice>, AppError> {
    use domain::{
        entity::cluster,
        sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder},
    };

    let mut clusters = cluster::Entity::find().order_by_asc(cluster::Column::Code);
    if let Some(region) = region {
        clusters = clusters.filter(cluster::Column::RegionId.eq(region));
    }
    if let Some(regions) = user.region_scope() {
        clusters = clusters.filter(cluster::Column::RegionId.is_in(regions.iter().map(|r| r.0)));
    }
    Ok(clusters
        .all(db)
        .await?
        .into_iter()
        .map(|c| crate::models::validation::Choice {
            value: c.id.to_string(),
            label: format!("{} · {}", c.code, c.name),
        })
        .collect())
}

/// The cluster a leader's recording page works on, and what its picker shows.
#[cfg(feature = "ssr")]
pub(crate) struct LeaderScope {
    /// The cluster.
    pub cluster: crate::models::ids::ClusterId,
    /// "C001 · Alpine Founders".
    pub label: String,
    /// Every cluster for staff to pick; empty for a leader.
    pub clusters: Vec<crate::models::validation::Choice>,
}

/// The cluster of a leader's recording page: staff any (the first by code when none is
/// named), a leader their own; members and anyone naming another cluster are refused.
#[cfg(feature = "ssr")]
pub(crate) async fn leader_scope(
    user: &crate::models::account::CurrentUser,
    db: &domain::sea_orm::DatabaseConnection,
    requested: Option<i32>,
) -> Result<LeaderScope, AppError> {
    use domain::{entity::cluster, sea_orm::EntityTrait};

    use crate::models::{account::Role, ids::ClusterId};

    if !user.role.is_staff() && user.role != Role::Leader {
        return Err(AppError::Forbidden.respond());
    }
    let id = crate::auth::readable_cluster(user, db, requested.map(ClusterId)).await?;
    crate::auth::require_cluster(user, db, id).await?;
    let Some(row) = cluster::Entity::find_by_id(id.0).one(db).await? else {
        return Err(AppError::NotFound.respond());
    };
    Ok(LeaderScope {
        cluster: id,
        label: format!("{} · {}", row.code, row.name),
        clusters: if user.role.is_staff() {
            cluster_choices(db, user).await?
        } else {
            Vec::new()
        },
    })
}
