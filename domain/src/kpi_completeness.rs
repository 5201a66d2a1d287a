//! Data completeness per cluster and period: the share of expected inputs that are
//! present (activity self-reports submitted, held committee calls with their attendance
//! recorded, the year's goals recorded), shown beside a scorecard so that missing data is
//! not mistaken for bad performance. The inputs are measures in the engine's own language.

use kpi::definition::Measure;
use kpi::{ClusterId, Period};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::cluster;
use crate::kpi_engine::KpiEngine;
use crate::kpi_engine::computation::run_measure;
use crate::kpi_engine::dialect::Dialect;
use crate::kpi_engine::measure_query::{Output, measure_sql};
use crate::kpi_engine::period_frame::PeriodFrame;

/// One kind of expected input: what is expected and what of it is present.
#[derive(Clone, Debug, Deserialize)]
struct Input {
    key: String,
    /// Rows that are expected; when absent, `expected_per_cluster` of them.
    expected: Option<Measure>,
    #[serde(default)]
    expected_per_cluster: f64,
    present: Measure,
}

/// The expected inputs, as data.
const INPUTS: &str = r#"[
  {"key": "self_reports",
   "expected": {"source": "self_reports", "aggregate": {"fn": "count"},
     "placement": {"rule": "date_in_period", "field": "report_month"},
     "filters": [{"test": "compare", "field": "kind", "op": "eq", "value": "activity"}]},
   "present": {"source": "self_reports", "aggregate": {"fn": "count"},
     "placement": {"rule": "date_in_period", "field": "report_month"},
     "filters": [{"test": "compare", "field": "kind", "op": "eq", "value": "activity"},
                 {"test": "is_empty", "field": "submitted_on", "empty": false}]}},
  {"key": "committee_calls",
   "expected": {"source": "events", "aggregate": {"fn": "count"},
     "placement": {"rule": "date_in_period", "field": "scheduled_start"},
     "filters": [{"test": "compare", "field": "kind", "op": "eq", "value": "committee_call"},
                 {"test": "compare", "field": "status", "op": "eq", "value": "held"}]},
   "present": {"source": "events", "aggregate": {"fn": "count"},
     "placement": {"rule": "date_in_period", "field": "scheduled_start"},
     "filters": [{"test": "compare", "field": "kind", "op": "eq", "value": "committee_call"},
                 {"test": "compare", "field": "status", "op": "eq", "value": "held"},
                 {"test": "exists", "source": "attendances",
                  "placement": {"rule": "date_in_period", "field": "scheduled_start"},
                  "on": [{"field": "event_id", "op": "eq", "outer": "event_id"}]}]}},
  {"key": "goals",
   "expected_per_cluster": 1,
   "present": {"source": "goals", "aggregate": {"fn": "count_distinct", "field": "year"},
     "placement": {"rule": "fiscal_year", "field": "year"}}}
]"#;

/// One input's counts for a cluster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InputCount {
    /// self_reports, committee_calls or goals.
    pub input: String,
    /// How many were expected.
    pub expected: f64,
    /// How many are present.
    pub present: f64,
}

/// A cluster's completeness for a period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClusterCompleteness {
    /// The cluster.
    pub cluster: ClusterId,
    /// Present / expected over all inputs; `None` when nothing was expected.
    pub share: Option<f64>,
    /// Per input.
    pub inputs: Vec<InputCount>,
}

/// Completeness queries.
pub struct KpiCompleteness;

impl KpiCompleteness {
    /// One cluster's completeness for `period`; `None` when it was founded after it.
    pub async fn for_cluster<C: ConnectionTrait>(
        db: &C,
        period: &Period,
        cluster: ClusterId,
    ) -> Result<Option<ClusterCompleteness>, DomainError> {
        Ok(Self::for_clusters(db, period, Some(&[cluster]))
            .await?
            .into_iter()
            .next())
    }

    /// Every cluster's completeness for `period` (clusters founded by its last day).
    pub async fn for_period<C: ConnectionTrait>(
        db: &C,
        period: &Period,
    ) -> Result<Vec<ClusterCompleteness>, DomainError> {
        Self::for_clusters(db, period, None).await
    }

    /// The completeness for `period` of `only` these clusters (all when `None`), of those
    /// founded by its last day; the queries read only those clusters' facts.
    #[tracing::instrument(skip(db), err)]
    pub async fn for_clusters<C: ConnectionTrait>(
        db: &C,
        period: &Period,
        only: Option<&[ClusterId]>,
    ) -> Result<Vec<ClusterCompleteness>, DomainError> {
        let inputs: Vec<Input> = serde_json::from_str(INPUTS)
            .map_err(|e| DomainError::Invalid(format!("completeness inputs: {e}")))?;
        let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
        let mut frame = PeriodFrame::single(*period, fiscal_start);
        frame.clusters = only.map(|ids| ids.iter().map(|c| c.0).collect());
        let bucket = frame.bucket(period);
        let dialect = Dialect(db.get_database_backend());
        let compile = |measure: &Measure| {
            measure_sql(measure, &frame, dialect, Output::Aggregate).ok_or_else(|| {
                DomainError::Invalid("a completeness input cannot be computed".into())
            })
        };
        let mut counted = Vec::new();
        for input in &inputs {
            let expected = match &input.expected {
                Some(measure) => Some(run_measure(db, compile(measure)?, 1.0).await?),
                None => None,
            };
            let present = run_measure(db, compile(&input.present)?, 1.0).await?;
            counted.push((input, expected, present));
        }
        let mut clusters = cluster::Entity::find().all(db).await?;
        clusters.retain(|c| {
            c.founded_on <= period.last_day()
                && only.is_none_or(|ids| ids.contains(&ClusterId(c.id)))
        });
        clusters.sort_by_key(|c| c.id);
        Ok(clusters
            .into_iter()
            .map(|c| {
                let key = (bucket, c.id);
                let inputs: Vec<InputCount> = counted
                    .iter()
                    .map(|(input, expected, present)| InputCount {
                        input: input.key.clone(),
                        expected: expected.as_ref().map_or(input.expected_per_cluster, |e| {
                            e.get(&key).copied().unwrap_or(0.0)
                        }),
                        present: present.get(&key).copied().unwrap_or(0.0),
                    })
                    .collect();
                let expected: f64 = inputs.iter().map(|i| i.expected).sum();
                let present: f64 = inputs.iter().map(|i| i.present.min(i.expected)).sum();
                ClusterCompleteness {
                    cluster: ClusterId(c.id),
                    share: (expected > 0.0).then(|| present / expected),
                    inputs,
                }
            })
            .collect())
    }
}
