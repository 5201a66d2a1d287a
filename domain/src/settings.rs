//! Organization-wide settings as key and value: reading one and writing one.

use sea_orm::{ConnectionTrait, EntityTrait, Set, sea_query::OnConflict};

use crate::DomainError;
use crate::entity::setting;

/// The value of setting `key`, if it is set.
pub(crate) async fn get<C: ConnectionTrait>(
    db: &C,
    key: &str,
) -> Result<Option<String>, DomainError> {
    Ok(setting::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(|s| s.value))
}

/// Inserts or replaces one setting.
pub(crate) async fn put<C: ConnectionTrait>(
    db: &C,
    key: &str,
    value: &str,
) -> Result<(), DomainError> {
    setting::Entity::insert(setting::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(value.to_owned()),
    })
    .on_conflict(
        OnConflict::column(setting::Column::Key)
            .update_column(setting::Column::Value)
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}
