//! A cluster's profile across one metric group, beside the median of its region and the
//! median of its peers (clusters of similar size anywhere): what the radar chart shows.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use kpi::{ClusterId, Direction, MetricKey, Period, Thresholds};
use sea_orm::ConnectionTrait;

use crate::{
    DomainError, cluster_scorecard::ValueBasis, kpi_values::for_period,
    metric_catalogue::MetricCatalogue, organization::OrganizationQuery,
    period_signals::PeriodSignals,
};

/// How far a peer's member count may lie from the cluster's, as a share of it.
pub const PEER_SIZE_BAND: f64 = 0.2;

/// One metric of the profile.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileAxis {
    /// The metric.
    pub metric: MetricKey,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its default thresholds for the period.
    pub thresholds: Thresholds,
    /// The cluster's number.
    pub own: Option<f64>,
    /// The median of the region's clusters with a number.
    pub region_median: Option<f64>,
    /// The median of the peers with a number.
    pub peer_median: Option<f64>,
}

impl ProfileAxis {
    /// `value` as a share of the way to green, 100 at the green threshold, so metrics of
    /// different units share one scale: more is better on every axis, capped at 150.
    pub fn score(&self, value: Option<f64>) -> Option<f64> {
        let value = value?;
        let green = self.thresholds.green();
        let score = match self.thresholds.direction() {
            Direction::HigherIsBetter if green > 0.0 => value / green * 100.0,
            Direction::HigherIsBetter => 100.0,
            Direction::LowerIsBetter if value > 0.0 => green / value * 100.0,
            Direction::LowerIsBetter => 150.0,
        };
        Some(score.clamp(0.0, 150.0))
    }
}

/// A cluster's profile.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterProfile {
    /// The group's metrics, in catalogue order.
    pub axes: Vec<ProfileAxis>,
    /// How many clusters the region has besides this one.
    pub region_clusters: usize,
    /// How many peers (clusters of similar size) there are.
    pub peers: usize,
}

/// The median of `values`; `None` for none.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) / 2.0
    } else {
        values[middle]
    })
}

impl ClusterProfile {
    /// The profile of `cluster` on the metrics of `group` for `period`, peers by their
    /// size on the period's last day (or `today` while it runs); `None` when the cluster
    /// does not exist. The period's numbers come from `kept`.
    #[tracing::instrument(skip(db, kept), err)]
    pub async fn load<C: ConnectionTrait>(
        db: &C,
        kept: &PeriodSignals,
        cluster: ClusterId,
        period: Period,
        group: &str,
        basis: ValueBasis,
        today: NaiveDate,
    ) -> Result<Option<Self>, DomainError> {
        let day = period.last_day().min(today);
        let clusters = OrganizationQuery::cluster_sizes_on(db, day).await?;
        let Some(own) = clusters.iter().find(|c| c.cluster_id == cluster.0) else {
            return Ok(None);
        };
        let size = own.member_count as f64;
        let region: Vec<i32> = clusters
            .iter()
            .filter(|c| c.region_id == own.region_id && c.cluster_id != cluster.0)
            .map(|c| c.cluster_id)
            .collect();
        let peers: Vec<i32> = clusters
            .iter()
            .filter(|c| {
                c.cluster_id != cluster.0
                    && ((c.member_count as f64) - size).abs() <= size * PEER_SIZE_BAND
            })
            .map(|c| c.cluster_id)
            .collect();

        let metrics: Vec<_> = MetricCatalogue::all(db)
            .await?
            .into_iter()
            .filter(|m| m.row.group_key == group && m.row.retired_on.is_none())
            .collect();
        let ids: HashSet<i32> = metrics.iter().map(|m| m.row.id).collect();
        let values: HashMap<(i32, i32), f64> = kept
            .of(db, &period)
            .await?
            .iter()
            .filter(|v| ids.contains(&v.metric_id))
            .filter(|v| basis == ValueBasis::All || v.validated)
            .filter_map(|v| Some(((v.metric_id, v.cluster.0), v.counted?)))
            .collect();
        let numbers = |metric: i32, ids: &[i32]| -> Vec<f64> {
            ids.iter()
                .filter_map(|id| values.get(&(metric, *id)).copied())
                .collect()
        };
        let axes = metrics
            .into_iter()
            .map(|m| {
                let id = m.row.id;
                ProfileAxis {
                    own: values.get(&(id, cluster.0)).copied(),
                    region_median: median(numbers(id, &region)),
                    peer_median: median(numbers(id, &peers)),
                    thresholds: for_period(m.thresholds, &m.row.unit, &period),
                    name: m.row.name.clone(),
                    unit: m.row.unit.clone(),
                    metric: m.key,
                }
            })
            .collect();
        Ok(Some(Self {
            axes,
            region_clusters: region.len(),
            peers: peers.len(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_take_the_middle_or_the_mean_of_the_two_middles() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0]), Some(3.0));
        assert_eq!(median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }

    #[test]
    fn scores_put_green_at_100_whatever_the_direction() {
        let axis = |direction, green, amber| ProfileAxis {
            metric: MetricKey::parse("forum_attendance").expect("key"),
            name: "Forum attendance".into(),
            unit: "percent".into(),
            thresholds: Thresholds::new(direction, green, amber).expect("thresholds"),
            own: None,
            region_median: None,
            peer_median: None,
        };
        let higher = axis(Direction::HigherIsBetter, 0.8, 0.6);
        assert_eq!(higher.score(Some(0.8)), Some(100.0));
        assert_eq!(higher.score(Some(0.4)), Some(50.0));
        assert_eq!(higher.score(Some(2.0)), Some(150.0));
        assert_eq!(higher.score(None), None);
        let lower = axis(Direction::LowerIsBetter, 2.0, 4.0);
        assert_eq!(lower.score(Some(4.0)), Some(50.0));
        assert_eq!(lower.score(Some(1.0)), Some(150.0));
        assert_eq!(lower.score(Some(0.0)), Some(150.0));
    }
}
