//! The stored numerators and denominators of the clusters an incremental recompute leaves
//! out. A change to one cluster's facts recomputes that cluster only; its region and the
//! organization are sums over all clusters, so the others' parts are read back instead of
//! recomputed from their facts.

use std::collections::{HashMap, HashSet};

use kpi::Grain;
use sea_orm::ConnectionTrait;

use super::computation::{ClusterPlace, Parts, PlannedMetric, StoredParts};
use super::period_frame::PeriodFrame;
use crate::{DomainError, sql::statement};

/// The stored parts of every cluster not in `only`, for the metrics of `frame` that sum
/// over clusters (composites are recombined from them); `None` when any such cluster's
/// row is missing (a metric never computed, a cluster new to a period): then only a
/// recompute of every cluster gives right sums.
pub async fn others<C: ConnectionTrait>(
    db: &C,
    metrics: &[PlannedMetric],
    frame: &PeriodFrame,
    clusters: &[ClusterPlace],
    only: &[i32],
) -> Result<Option<StoredParts>, DomainError> {
    let summed: Vec<i32> = metrics
        .iter()
        .filter(|m| m.definition.components().is_empty())
        .filter(|m| !m.yearly_only || frame.grain == Grain::Year)
        .map(|m| m.id)
        .collect();
    let mut stored = StoredParts::new();
    if summed.is_empty() || frame.periods.is_empty() {
        return Ok(Some(stored));
    }
    let buckets: HashMap<String, i32> = frame
        .periods
        .iter()
        .map(|p| (p.key(), frame.bucket(p)))
        .collect();
    let only: HashSet<i32> = only.iter().copied().collect();
    let ids: Vec<String> = summed.iter().map(i32::to_string).collect();
    // Period keys are ours (`Period::key`), never user text.
    let keys: Vec<String> = buckets.keys().map(|k| format!("'{k}'")).collect();
    let rows = db
        .query_all_raw(statement(
            db.get_database_backend(),
            &format!(
                "SELECT metric_id, period_key, scope_id, numerator, denominator FROM kpi_values \
                 WHERE period_key IN ({}) AND scope_kind = 'cluster' AND metric_id IN ({})",
                keys.join(", "),
                ids.join(", ")
            ),
            [],
        ))
        .await?;
    for row in rows {
        let cluster: i32 = row.try_get("", "scope_id")?;
        if only.contains(&cluster) {
            continue;
        }
        let period: String = row.try_get("", "period_key")?;
        let Some(bucket) = buckets.get(&period) else {
            continue;
        };
        let numerator: Option<f64> = row.try_get("", "numerator")?;
        stored
            .entry(row.try_get("", "metric_id")?)
            .or_default()
            .insert(
                (*bucket, cluster),
                Parts {
                    numerator: numerator.unwrap_or(0.0),
                    denominator: row.try_get("", "denominator")?,
                },
            );
    }
    let complete = summed.iter().all(|metric| {
        let parts = stored.get(metric);
        frame.periods.iter().all(|period| {
            let bucket = frame.bucket(period);
            let last = period.last_day();
            clusters
                .iter()
                .filter(|c| c.founded_on <= last && !only.contains(&c.id))
                .all(|c| parts.is_some_and(|p| p.contains_key(&(bucket, c.id))))
        })
    });
    Ok(complete.then_some(stored))
}
