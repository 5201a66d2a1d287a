//! Clusters ranked by one metric for a period, best first by the metric's direction, in
//! one region or the whole organization: the leaderboard. Clusters without a number come
//! last, unranked, so missing data never looks like a bad result.

use std::cmp::Ordering;
use std::collections::HashMap;

use kpi::{ClusterId, Direction, MetricKey, Period, RegionId, ScopeKind, Signal};
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::DomainError;
use crate::cluster_scorecard::ValueBasis;
use crate::entity::{cluster, region};
use crate::kpi_values::{KpiFilter, KpiValues};
use crate::metric_catalogue::MetricCatalogue;

/// One cluster's place.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedCluster {
    /// 1 for the best; `None` without a number.
    pub rank: Option<u32>,
    /// The cluster.
    pub cluster: ClusterId,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its region.
    pub region: RegionId,
    /// The region's name.
    pub region_name: String,
    /// The number that counts.
    pub value: Option<f64>,
    /// Its signal.
    pub signal: Option<Signal>,
}

/// A ranking and what it ranks by.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// The metric's unit.
    pub unit: String,
    /// Which direction is better.
    pub direction: Direction,
    /// Every cluster in scope, best first.
    pub clusters: Vec<RankedCluster>,
}

/// Ranking queries.
pub struct ClusterRanking;

impl ClusterRanking {
    /// The clusters of `region` (all when `None`) ranked by `metric` for `period`; equal
    /// numbers share a rank (1, 2, 2, 4).
    #[tracing::instrument(skip(db), err)]
    pub async fn rank<C: ConnectionTrait>(
        db: &C,
        metric: &MetricKey,
        period: Period,
        region: Option<RegionId>,
        basis: ValueBasis,
    ) -> Result<Ranking, DomainError> {
        let Some(definition) = MetricCatalogue::all(db)
            .await?
            .into_iter()
            .find(|m| &m.key == metric)
        else {
            return Err(DomainError::Invalid(format!("there is no metric {metric}")));
        };
        let direction = definition.thresholds.direction();
        let rows = KpiValues::list(
            db,
            &KpiFilter {
                period: Some(period),
                scope_kind: Some(ScopeKind::Cluster),
                metric: Some(metric.clone()),
                region,
                ..KpiFilter::default()
            },
        )
        .await?;
        let values: HashMap<i32, (Option<f64>, Option<Signal>)> = rows
            .iter()
            .map(|row| {
                let value = basis.counted(row);
                let signal = row.thresholds.signal(value);
                (row.scope_id, (value, signal))
            })
            .collect();
        let regions: HashMap<i32, String> = region::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        let mut clusters: Vec<RankedCluster> = cluster::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .filter(|c| region.is_none_or(|r| r.0 == c.region_id))
            .filter(|c| c.founded_on <= period.last_day())
            .map(|c| {
                let (value, signal) = values.get(&c.id).copied().unwrap_or((None, None));
                RankedCluster {
                    rank: None,
                    cluster: ClusterId(c.id),
                    region: RegionId(c.region_id),
                    region_name: regions.get(&c.region_id).cloned().unwrap_or_default(),
                    code: c.code,
                    name: c.name,
                    value,
                    signal,
                }
            })
            .collect();
        clusters
            .sort_by(|a, b| better_first(direction, a.value, b.value).then(a.code.cmp(&b.code)));
        let mut previous: Option<(f64, u32)> = None;
        for (position, entry) in clusters.iter_mut().enumerate() {
            let Some(value) = entry.value else { break };
            let place = u32::try_from(position + 1).unwrap_or(u32::MAX);
            let rank = match previous {
                Some((last, rank)) if last == value => rank,
                _ => place,
            };
            entry.rank = Some(rank);
            previous = Some((value, rank));
        }
        Ok(Ranking {
            unit: definition.row.unit,
            direction,
            clusters,
        })
    }
}

/// Orders numbers best first for `direction`, missing numbers last.
fn better_first(direction: Direction, a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => match direction {
            Direction::HigherIsBetter => b.total_cmp(&a),
            Direction::LowerIsBetter => a.total_cmp(&b),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_better_puts_the_smallest_first_and_missing_last() {
        let mut values = vec![Some(3.0), None, Some(1.0), Some(2.0)];
        values.sort_by(|a, b| better_first(Direction::LowerIsBetter, *a, *b));
        assert_eq!(values, [Some(1.0), Some(2.0), Some(3.0), None]);
        values.sort_by(|a, b| better_first(Direction::HigherIsBetter, *a, *b));
        assert_eq!(values, [Some(3.0), Some(2.0), Some(1.0), None]);
    }
}
