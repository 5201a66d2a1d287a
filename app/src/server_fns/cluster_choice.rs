//! The cluster picker of staff pages: every cluster, by code.

#[cfg(feature = "ssr")]
use crate::error::AppError;

/// Every cluster as a choice ("C001 · Alpine Founders"), by code: the cluster picker of
/// staff pages.
#[cfg(feature = "ssr")]
pub(crate) async fn cluster_choices(
    db: &domain::sea_orm::DatabaseConnection,
) -> Result<Vec<crate::models::validation::Choice>, AppError> {
    use domain::{
        entity::cluster,
        sea_orm::{EntityTrait, QueryOrder},
    };

    Ok(cluster::Entity::find()
        .order_by_asc(cluster::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|c| crate::models::validation::Choice {
            value: c.id.to_string(),
            label: format!("{} · {}", c.code, c.name),
        })
        .collect())
}
