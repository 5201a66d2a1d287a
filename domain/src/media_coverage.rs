//! Media coverage as a cluster leader records it: a mention, press release or social post
//! with its date, outlet, title and estimated reach. Recording or removing an item runs the
//! incremental KPI recompute (media mentions, reach, press releases, social posts).

use chrono::NaiveDate;
use kpi::ClusterId;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::DomainError;
use crate::entity::media_item::{self, MediaKind};
use crate::kpi_engine::{FactChange, KpiEngine};
use crate::leader_entry::{day_problem, recorded_reference, text_problem};

/// Longest outlet name (the column's width).
pub const MAX_OUTLET: usize = 120;
/// Longest title (the column's width).
pub const MAX_TITLE: usize = 200;
/// Largest believable audience of one item.
pub const MAX_REACH: i64 = 1_000_000_000;
/// How far back a leader may record an item.
const OLDEST_ITEM_DAYS: i64 = 400;

/// An item as the leader enters it.
#[derive(Clone, Debug, PartialEq)]
pub struct MediaDraft {
    /// The day it was published.
    pub published_on: NaiveDate,
    /// Where.
    pub outlet: String,
    /// Mention, press release or social post.
    pub kind: MediaKind,
    /// Estimated audience.
    pub reach: i64,
    /// Its title or headline.
    pub title: String,
}

/// Recording, listing and removing media coverage.
pub struct MediaCoverage;

impl MediaCoverage {
    /// The newest `limit` items of `cluster`.
    pub async fn recent<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        limit: u64,
    ) -> Result<Vec<media_item::Model>, DomainError> {
        Ok(media_item::Entity::find()
            .filter(media_item::Column::ClusterId.eq(cluster.0))
            .order_by_desc(media_item::Column::PublishedOn)
            .order_by_desc(media_item::Column::Id)
            .limit(limit)
            .all(db)
            .await?)
    }

    /// Records `draft` for `cluster` on `today`: refused, one line per problem and with
    /// nothing written, for a date ahead of today or too long ago, an empty or too long
    /// outlet or title, a reach out of range, or the same item recorded before.
    #[tracing::instrument(skip(db, draft), err)]
    pub async fn record(
        db: &DatabaseConnection,
        cluster: ClusterId,
        draft: MediaDraft,
        today: NaiveDate,
    ) -> Result<media_item::Model, DomainError> {
        let outlet = draft.outlet.trim().to_owned();
        let title = draft.title.trim().to_owned();
        let mut problems: Vec<String> = [
            day_problem("published on", draft.published_on, today, OLDEST_ITEM_DAYS),
            text_problem("outlet", &outlet, MAX_OUTLET),
            text_problem("title", &title, MAX_TITLE),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !(0..=MAX_REACH).contains(&draft.reach) {
            problems.push(format!(
                "reach: {} is not between 0 and {MAX_REACH}",
                draft.reach
            ));
        }
        let same = media_item::Entity::find()
            .filter(media_item::Column::ClusterId.eq(cluster.0))
            .filter(media_item::Column::PublishedOn.eq(draft.published_on))
            .filter(media_item::Column::Outlet.eq(outlet.clone()))
            .filter(media_item::Column::Title.eq(title.clone()))
            .one(db)
            .await?;
        if same.is_some() {
            problems.push(format!(
                "title: \"{title}\" in {outlet} on {} is already recorded",
                draft.published_on
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let item = media_item::ActiveModel {
            cluster_id: Set(cluster.0),
            published_on: Set(draft.published_on),
            outlet: Set(outlet),
            kind: Set(draft.kind),
            reach: Set(draft.reach),
            title: Set(title),
            reference: Set(recorded_reference()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        recompute(db, ClusterId(item.cluster_id), item.published_on, today).await;
        Ok(item)
    }

    /// Removes item `id` of `cluster` (an item recorded by mistake); refused when the
    /// cluster has no such item.
    #[tracing::instrument(skip(db), err)]
    pub async fn remove(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let Some(item) = media_item::Entity::find_by_id(id)
            .filter(media_item::Column::ClusterId.eq(cluster.0))
            .one(db)
            .await?
        else {
            return Err(DomainError::Refused(vec![format!(
                "item: this cluster has no media item {id}"
            )]));
        };
        media_item::Entity::delete_by_id(item.id).exec(db).await?;
        recompute(db, ClusterId(item.cluster_id), item.published_on, today).await;
        Ok(())
    }
}

/// The incremental recompute after a change to `cluster`'s items on `day`. The fact is
/// saved either way; a failed recompute is caught up by the next write or
/// `server kpis recompute`.
async fn recompute(db: &DatabaseConnection, cluster: ClusterId, day: NaiveDate, today: NaiveDate) {
    let change = FactChange {
        tables: vec!["media_items".into()],
        from: day,
        to: day,
        clusters: Some(vec![cluster]),
    };
    if let Err(error) = KpiEngine::recompute_after_change(db, &change, today).await {
        tracing::error!(%error, "KPI recompute after a media change failed");
    }
}
