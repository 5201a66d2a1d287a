//! Computing metrics over a period frame: one query per measure for every cluster and
//! period at once, then clusters' numerators and denominators combined per the metric's
//! kind and rolled up to regions and the organization as sums (never averages of ratios).

use std::collections::HashMap;

use chrono::NaiveDate;
use kpi::definition::MetricDefinition;
use kpi::{ClusterId, Grain, MetricKey, RegionId, Scope};
use sea_orm::ConnectionTrait;

use super::dialect::Dialect;
use super::measure_query::{Output, measure_sql};
use super::month_base::{FromMonths, MonthBase};
use super::period_frame::PeriodFrame;
use crate::DomainError;

/// A metric ready to compute: its row id, key and checked definition.
#[derive(Clone, Debug)]
pub struct PlannedMetric {
    /// The `metrics` row id.
    pub id: i32,
    /// The metric's key.
    pub key: MetricKey,
    /// How it is computed.
    pub definition: MetricDefinition,
    /// Computed for years only.
    pub yearly_only: bool,
}

/// A cluster as the roll-up needs it.
#[derive(Clone, Copy, Debug)]
pub struct ClusterPlace {
    /// The cluster.
    pub id: i32,
    /// Its region.
    pub region_id: i32,
    /// Periods that end before this day have no values for the cluster.
    pub founded_on: NaiveDate,
}

/// One computed value.
#[derive(Clone, Debug, PartialEq)]
pub struct ComputedValue {
    /// The `metrics` row id.
    pub metric_id: i32,
    /// The period's grain.
    pub grain: Grain,
    /// The period's key.
    pub period_key: String,
    /// Whom the value is about.
    pub scope: Scope,
    /// The value; `None` when there is nothing to divide by, or a component has none.
    pub value: Option<f64>,
    /// What was divided (or counted).
    pub numerator: Option<f64>,
    /// What it was divided by (`None` for counts and sums).
    pub denominator: Option<f64>,
}

/// A measure's values by period bucket and cluster.
pub(crate) type MeasureValues = HashMap<(i32, i32), f64>;

/// Runs one measure query: values by period bucket and cluster, times `factor`.
pub(crate) async fn run_measure<C: ConnectionTrait>(
    db: &C,
    sql: String,
    factor: f64,
) -> Result<MeasureValues, DomainError> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(crate::sql::statement(backend, &sql, []))
        .await?;
    let mut values = MeasureValues::with_capacity(rows.len());
    for row in rows {
        let bucket: i32 = row.try_get("", "bucket")?;
        let cluster: Option<i32> = row.try_get("", "cluster_id")?;
        let v: Option<f64> = row.try_get("", "v")?;
        // Facts with no cluster (a global event) are credited to none.
        if let Some(cluster) = cluster {
            values.insert((bucket, cluster), v.unwrap_or(0.0) * factor);
        }
    }
    Ok(values)
}

/// Numerator and denominator of one scope, summed over its clusters.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Parts {
    /// What is divided (or counted).
    pub numerator: f64,
    /// What it is divided by (`None` for counts and sums).
    pub denominator: Option<f64>,
}

/// The stored parts of the clusters a frame limited to some clusters leaves out, by metric
/// id and then (bucket, cluster): a region's and the organization's sums need them all.
pub type StoredParts = HashMap<i32, HashMap<(i32, i32), Parts>>;

impl Parts {
    fn add(&mut self, other: Parts) {
        self.numerator += other.numerator;
        self.denominator = match (self.denominator, other.denominator) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
    }

    fn value(self) -> Option<f64> {
        let value = match self.denominator {
            None => self.numerator,
            Some(d) if d != 0.0 => self.numerator / d,
            Some(_) => return None,
        };
        value.is_finite().then_some(value)
    }
}

/// Computes `metrics` over `frame` for every cluster, region and the organization, with
/// up to `concurrency` measure queries at once. Composites may combine metrics of the same
/// call, in any order. A frame limited to some clusters takes the other clusters' parts
/// from `stored`. Measures that follow from their months are derived from `months` when
/// given.
pub async fn compute_frame<C: ConnectionTrait>(
    db: &C,
    metrics: &[PlannedMetric],
    frame: &PeriodFrame,
    clusters: &[ClusterPlace],
    concurrency: usize,
    stored: Option<&StoredParts>,
    months: Option<&MonthBase>,
) -> Result<Vec<ComputedValue>, DomainError> {
    compute_frames(
        db,
        metrics,
        &[(frame, stored)],
        clusters,
        concurrency,
        months,
    )
    .await
}

/// A measure whose values over one frame are derived from the months.
struct Derivation {
    /// The job key of the month query.
    base: String,
    how: FromMonths,
    factor: f64,
    /// Which frame.
    frame: usize,
}

/// [`compute_frame`] for several frames (each with its stored parts) at once: the measure
/// queries of every frame run in one pool, so a slow query of one frame overlaps the
/// others' instead of leaving connections idle at the end of each frame.
pub async fn compute_frames<C: ConnectionTrait>(
    db: &C,
    metrics: &[PlannedMetric],
    frames: &[(&PeriodFrame, Option<&StoredParts>)],
    clusters: &[ClusterPlace],
    concurrency: usize,
    months: Option<&MonthBase>,
) -> Result<Vec<ComputedValue>, DomainError> {
    let dialect = Dialect(db.get_database_backend());
    let mut jobs = HashMap::new();
    let mut derived = HashMap::new();
    let mut planned = Vec::with_capacity(frames.len());
    for (index, (frame, _)) in frames.iter().enumerate() {
        let simple: Vec<&PlannedMetric> = metrics
            .iter()
            .filter(|m| applicable(m, frame) && m.definition.components().is_empty())
            .collect();
        let mut plans = Vec::with_capacity(simple.len());
        for metric in &simple {
            plans.push(measure_jobs(
                metric,
                (frame, index),
                dialect,
                months,
                &mut jobs,
                &mut derived,
            )?);
        }
        planned.push((simple, plans));
    }
    let started = std::time::Instant::now();
    let queries = jobs.len();
    let mut results = run_jobs(db, jobs, concurrency).await?;
    tracing::debug!(
        kpi.frames = frames.len(),
        kpi.queries = queries,
        duration_ms = started.elapsed().as_millis() as u64,
        "measures queried"
    );
    if let Some(months) = months {
        let empty = MeasureValues::new();
        let values: Vec<(String, MeasureValues)> = derived
            .into_iter()
            .map(|(key, d)| {
                let base = results.get(&d.base).unwrap_or(&empty);
                (key, months.derive(base, d.how, frames[d.frame].0, d.factor))
            })
            .collect();
        results.extend(values);
    }
    let mut out = Vec::new();
    for ((frame, stored), (simple, plans)) in frames.iter().zip(planned) {
        out.extend(combine(
            metrics, frame, clusters, *stored, simple, &plans, &results,
        ));
    }
    Ok(out)
}

/// Whether `metric` has values over `frame` (yearly-only metrics in years only).
fn applicable(metric: &PlannedMetric, frame: &PeriodFrame) -> bool {
    !metric.yearly_only || frame.grain == Grain::Year
}

/// The values of `frame` from the measured `results`: simple metrics per cluster, rolled
/// up, then composites.
fn combine(
    metrics: &[PlannedMetric],
    frame: &PeriodFrame,
    clusters: &[ClusterPlace],
    stored: Option<&StoredParts>,
    simple: Vec<&PlannedMetric>,
    plans: &[(Vec<String>, Option<String>)],
    results: &HashMap<String, MeasureValues>,
) -> Vec<ComputedValue> {
    let mut out = Vec::new();
    // Values by metric, for composites: (period key, scope) -> value.
    let mut by_metric: HashMap<MetricKey, HashMap<(i32, Scope), Option<f64>>> = HashMap::new();
    let period_keys: HashMap<i32, String> = frame
        .periods
        .iter()
        .map(|p| (frame.bucket(p), p.key()))
        .collect();

    for (metric, plan) in simple.into_iter().zip(plans) {
        let mut parts = cluster_parts(metric, plan, results);
        if let Some(others) = stored.and_then(|s| s.get(&metric.id)) {
            parts.extend(others);
        }
        let mut values = HashMap::new();
        for (bucket, scope, part) in roll_up(frame, clusters, &parts, no_facts(&metric.definition))
        {
            let value = part.value();
            values.insert((bucket, scope), value);
            out.push(ComputedValue {
                metric_id: metric.id,
                grain: frame.grain,
                period_key: period_keys.get(&bucket).cloned().unwrap_or_default(),
                scope,
                value,
                numerator: Some(part.numerator),
                denominator: part.denominator,
            });
        }
        by_metric.insert(metric.key.clone(), values);
    }

    // Composites, in dependency order: a pass computes those whose components are ready.
    let mut pending: Vec<&PlannedMetric> = metrics
        .iter()
        .filter(|m| applicable(m, frame) && !m.definition.components().is_empty())
        .collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut waiting = Vec::new();
        for metric in pending {
            let MetricDefinition::Composite { components, scale } = &metric.definition else {
                continue;
            };
            let inputs: Option<Vec<_>> = components
                .iter()
                .map(|c| by_metric.get(&c.metric).map(|values| (values, c.weight)))
                .collect();
            let Some(inputs) = inputs else {
                waiting.push(metric);
                continue;
            };
            let mut values = HashMap::new();
            for (bucket, scope) in scopes(frame, clusters) {
                let key = (bucket, scope);
                let value = inputs
                    .iter()
                    .map(|(values, weight)| values.get(&key).copied().flatten().map(|v| v * weight))
                    .sum::<Option<f64>>()
                    .map(|sum| sum * scale)
                    .filter(|v| v.is_finite());
                values.insert(key, value);
                out.push(ComputedValue {
                    metric_id: metric.id,
                    grain: frame.grain,
                    period_key: period_keys.get(&bucket).cloned().unwrap_or_default(),
                    scope,
                    value,
                    numerator: None,
                    denominator: None,
                });
            }
            by_metric.insert(metric.key.clone(), values);
        }
        if waiting.len() == before {
            // Components that are not computed here (retired, or yearly only): no values.
            break;
        }
        pending = waiting;
    }
    out
}

/// A cluster's parts when it has no facts: counts are 0, ratios and averages have nothing
/// to divide by (no value), booleans are 0 (`0 / 1`).
fn no_facts(definition: &MetricDefinition) -> Parts {
    match definition {
        MetricDefinition::Count { .. }
        | MetricDefinition::DistinctCount { .. }
        | MetricDefinition::Sum { .. }
        | MetricDefinition::Composite { .. } => Parts::default(),
        MetricDefinition::Average { .. } | MetricDefinition::Ratio { .. } => Parts {
            numerator: 0.0,
            denominator: Some(0.0),
        },
        MetricDefinition::Boolean { .. } => Parts {
            numerator: 0.0,
            denominator: Some(1.0),
        },
    }
}

/// Every (period, scope) of the frame that has values: clusters founded by the period's
/// end, their regions and the organization.
fn scopes(frame: &PeriodFrame, clusters: &[ClusterPlace]) -> Vec<(i32, Scope)> {
    let mut all = Vec::new();
    for period in &frame.periods {
        let last = period.last_day();
        let key = frame.bucket(period);
        let mut regions: Vec<i32> = Vec::new();
        let mut any = false;
        for cluster in clusters.iter().filter(|c| c.founded_on <= last) {
            all.push((key, Scope::Cluster(ClusterId(cluster.id))));
            if !regions.contains(&cluster.region_id) {
                regions.push(cluster.region_id);
            }
            any = true;
        }
        regions.sort_unstable();
        all.extend(
            regions
                .into_iter()
                .map(|r| (key, Scope::Region(RegionId(r)))),
        );
        if any {
            all.push((key, Scope::Organization));
        }
    }
    all
}

/// The measure queries a metric needs over a frame: one key (its SQL and factor) per
/// measure, and for an average the key of its row count. Equal keys give equal results,
/// so metrics that share a measure (the cluster's members on the last day, say) share
/// one query. A measure that follows from `months` gets its values in `derived`, derived
/// from the results of a month query instead of a query of its own.
fn measure_jobs(
    metric: &PlannedMetric,
    (frame, index): (&PeriodFrame, usize),
    dialect: Dialect,
    months: Option<&MonthBase>,
    jobs: &mut HashMap<String, (String, f64)>,
    derived: &mut HashMap<String, Derivation>,
) -> Result<(Vec<String>, Option<String>), DomainError> {
    let mut add = |measure: &kpi::definition::Measure, output: Output| {
        let factor = match output {
            Output::Aggregate => measure
                .per_period
                .map_or(1.0, |f| f.factor(frame.grain.months())),
            Output::RowsWithValue => 1.0,
        };
        let sql = measure_sql(measure, frame, dialect, output).ok_or_else(|| {
            DomainError::Invalid(format!(
                "metric {}: cannot compile its definition",
                metric.key
            ))
        })?;
        let key = format!("{factor}|{sql}");
        if jobs.contains_key(&key) || derived.contains_key(&key) {
            return Ok(key);
        }
        match months.and_then(|m| m.month_sql(measure, output, frame)) {
            Some((month_sql, how)) => {
                let base = format!("1|{month_sql}");
                jobs.entry(base.clone()).or_insert((month_sql, 1.0));
                derived.insert(
                    key.clone(),
                    Derivation {
                        base,
                        how,
                        factor,
                        frame: index,
                    },
                );
            }
            None => {
                jobs.insert(key.clone(), (sql, factor));
            }
        }
        Ok::<_, DomainError>(key)
    };
    let mut keys = Vec::new();
    for measure in metric.definition.measures() {
        keys.push(add(measure, Output::Aggregate)?);
    }
    let rows = match &metric.definition {
        MetricDefinition::Average { measure } => Some(add(measure, Output::RowsWithValue)?),
        _ => None,
    };
    Ok((keys, rows))
}

/// Runs every job, `concurrency` at a time, the longest statements first: links and many
/// periods make both long statements and slow queries, and a slow query started last
/// would run alone at the end.
async fn run_jobs<C: ConnectionTrait>(
    db: &C,
    jobs: HashMap<String, (String, f64)>,
    concurrency: usize,
) -> Result<HashMap<String, MeasureValues>, DomainError> {
    use futures::{StreamExt, TryStreamExt};
    let mut jobs: Vec<(String, (String, f64))> = jobs.into_iter().collect();
    jobs.sort_by(|a, b| b.1.0.len().cmp(&a.1.0.len()).then_with(|| a.0.cmp(&b.0)));
    futures::stream::iter(jobs)
        .map(|(key, (sql, factor))| async move {
            let started = std::time::Instant::now();
            let values = run_measure(db, sql, factor).await?;
            tracing::trace!(
                duration_ms = started.elapsed().as_millis() as u64,
                kpi.query = %key,
                "measure queried"
            );
            Ok::<_, DomainError>((key, values))
        })
        .buffer_unordered(concurrency.max(1))
        .try_collect()
        .await
}

/// Each cluster's numerator and denominator per period, from the metric's measured values.
fn cluster_parts(
    metric: &PlannedMetric,
    (measure_keys, rows_key): &(Vec<String>, Option<String>),
    results: &HashMap<String, MeasureValues>,
) -> HashMap<(i32, i32), Parts> {
    let empty = MeasureValues::new();
    let measured: Vec<&MeasureValues> = measure_keys
        .iter()
        .map(|key| results.get(key).unwrap_or(&empty))
        .collect();
    let rows = rows_key
        .as_ref()
        .map(|key| results.get(key).unwrap_or(&empty));

    let mut keys: Vec<(i32, i32)> = measured.iter().flat_map(|m| m.keys()).copied().collect();
    if let Some(rows) = rows {
        keys.extend(rows.keys());
    }
    keys.sort_unstable();
    keys.dedup();
    let value_of = |i: usize, key: &(i32, i32)| measured[i].get(key).copied().unwrap_or(0.0);

    let mut parts = HashMap::with_capacity(keys.len());
    for key in keys {
        let part = match &metric.definition {
            MetricDefinition::Count { .. }
            | MetricDefinition::DistinctCount { .. }
            | MetricDefinition::Sum { .. } => Parts {
                numerator: value_of(0, &key),
                denominator: None,
            },
            MetricDefinition::Average { .. } => Parts {
                numerator: value_of(0, &key),
                denominator: Some(rows.and_then(|r| r.get(&key)).copied().unwrap_or(0.0)),
            },
            MetricDefinition::Ratio {
                numerator,
                denominator,
            } => {
                let mut values = (0..measured.len()).map(|i| value_of(i, &key));
                let n = numerator.evaluate(&mut values);
                let d = denominator.evaluate(&mut values);
                Parts {
                    numerator: n,
                    denominator: Some(d),
                }
            }
            // Booleans are decided below, for every cluster, facts or not.
            MetricDefinition::Boolean { .. } | MetricDefinition::Composite { .. } => continue,
        };
        parts.insert(key, part);
    }
    if let MetricDefinition::Boolean { conditions } = &metric.definition {
        return boolean_parts(conditions, &measured);
    }
    // A ratio's clusters with no facts at all have a zero denominator: no entry, no value.
    parts
}

/// A boolean's parts: `1 / 1` or `0 / 1` per cluster and period with facts; clusters with
/// none get `0 / 1` in the roll-up.
fn boolean_parts(
    conditions: &[kpi::definition::Condition],
    measured: &[&MeasureValues],
) -> HashMap<(i32, i32), Parts> {
    let mut keys: Vec<&(i32, i32)> = measured.iter().flat_map(|m| m.keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .map(|key| {
            let holds = conditions.iter().enumerate().all(|(i, condition)| {
                let value = measured[i].get(key).copied().unwrap_or(0.0);
                condition.op.holds(value, condition.value)
            });
            (
                *key,
                Parts {
                    numerator: if holds { 1.0 } else { 0.0 },
                    denominator: Some(1.0),
                },
            )
        })
        .collect()
}

/// Cluster, region and organization parts for every period of the frame; a cluster with
/// no facts gets `empty`.
fn roll_up(
    frame: &PeriodFrame,
    clusters: &[ClusterPlace],
    parts: &HashMap<(i32, i32), Parts>,
    empty: Parts,
) -> Vec<(i32, Scope, Parts)> {
    let mut out = Vec::new();
    for period in &frame.periods {
        let key = frame.bucket(period);
        let last = period.last_day();
        let mut regions: HashMap<i32, Parts> = HashMap::new();
        let mut organization: Option<Parts> = None;
        for cluster in clusters.iter().filter(|c| c.founded_on <= last) {
            let part = parts.get(&(key, cluster.id)).copied().unwrap_or(empty);
            out.push((key, Scope::Cluster(ClusterId(cluster.id)), part));
            regions.entry(cluster.region_id).or_default().add(part);
            organization.get_or_insert_with(Parts::default).add(part);
        }
        let mut regions: Vec<_> = regions.into_iter().collect();
        regions.sort_unstable_by_key(|(id, _)| *id);
        for (region, part) in regions {
            out.push((key, Scope::Region(RegionId(region)), part));
        }
        if let Some(part) = organization {
            out.push((key, Scope::Organization, part));
        }
    }
    out
}
