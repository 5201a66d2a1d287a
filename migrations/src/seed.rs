//! Rows a fresh install ships with that can be put back later: the default dashboards.

use sea_orm_migration::{prelude::*, sea_orm::ConnectionTrait};

/// The shipped dashboards: key, name and widgets.
const DEFAULT_DASHBOARDS: &str = include_str!("seed/default_dashboards.json");

/// Inserts every shipped dashboard as it shipped; the caller removes any it replaces.
/// Used by the migration that creates `dashboards` and by "restore the defaults".
pub async fn insert_default_dashboards<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let seeds: serde_json::Value = serde_json::from_str(DEFAULT_DASHBOARDS)
        .map_err(|e| DbErr::Custom(format!("seed/default_dashboards.json: {e}")))?;
    let seeds = seeds
        .as_array()
        .ok_or_else(|| DbErr::Custom("seed/default_dashboards.json: not a list".into()))?;
    let mut insert = Query::insert();
    // `updated_by` and `updated_at` stay empty: the dashboard is as it shipped.
    insert
        .into_table("dashboards")
        .columns(["name", "shipped_key", "widgets"]);
    for seed in seeds {
        let text = |field: &str| {
            seed[field].as_str().map(str::to_owned).ok_or_else(|| {
                DbErr::Custom(format!("seed/default_dashboards.json: {field} missing"))
            })
        };
        insert
            .values([
                text("name")?.into(),
                text("key")?.into(),
                seed["widgets"].to_string().into(),
            ])
            .map_err(|e| DbErr::Custom(format!("seed/default_dashboards.json: {e}")))?;
    }
    db.execute(&insert).await.map(|_| ())
}
