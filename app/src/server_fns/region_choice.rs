//! The region a dashboard asks for, resolved once for the region view and the metric
//! explorer: every region by name, and the one the URL names.

#[cfg(feature = "ssr")]
use crate::error::AppError;

/// Every region, by name.
#[cfg(feature = "ssr")]
pub(crate) async fn regions_by_name(
    db: &domain::sea_orm::DatabaseConnection,
) -> Result<Vec<domain::entity::region::Model>, AppError> {
    use domain::{
        entity::region,
        sea_orm::{EntityTrait, QueryOrder},
    };

    Ok(region::Entity::find()
        .order_by_asc(region::Column::Name)
        .all(db)
        .await?)
}

/// The region `requested` names among `regions`: `None` when nothing is asked for; a
/// text that is not a region id is refused, naming it; an id of no region is not found.
#[cfg(feature = "ssr")]
pub(crate) fn requested_region<'a>(
    regions: &'a [domain::entity::region::Model],
    requested: Option<&str>,
) -> Result<Option<&'a domain::entity::region::Model>, AppError> {
    let Some(text) = requested.filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let id: i32 = text.parse().map_err(|_| {
        AppError::Refused(vec![format!("region {text:?} is not a region")]).respond()
    })?;
    regions
        .iter()
        .find(|r| r.id == id)
        .map(Some)
        .ok_or_else(|| AppError::NotFound.respond())
}
