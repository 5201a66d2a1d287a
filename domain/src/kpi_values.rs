//! Reading stored KPI values with what a reader needs beside the number: the metric, the
//! period and scope, the validation status and the signal from the cluster's target for
//! the year, else the metric's thresholds (pro-rated for counts and hours).

use std::collections::HashMap;

use chrono::Datelike;

use kpi::{ClusterId, Grain, MetricKey, Period, RegionId, ScopeKind, Signal, Thresholds};
use sea_orm::{ConnectionTrait, Value};
use serde::Serialize;

use crate::DomainError;
use crate::kpi_engine::KpiEngine;
use crate::metric_catalogue::{CatalogueMetric, MetricCatalogue};
use crate::sql::{Packed, exact_number, packed_rows, statement};

/// Which stored values to read.
#[derive(Clone, Debug, Default)]
pub struct KpiFilter {
    /// One period (all periods when `None`).
    pub period: Option<Period>,
    /// Only these periods (no restriction when empty): a scorecard's trend and
    /// comparisons, without the cluster's every other period.
    pub periods: Vec<Period>,
    /// One level of scope (all when `None`).
    pub scope_kind: Option<ScopeKind>,
    /// One metric (all when `None`).
    pub metric: Option<MetricKey>,
    /// Only clusters of this region, and this region itself.
    pub region: Option<RegionId>,
    /// Only this cluster.
    pub cluster: Option<ClusterId>,
    /// Only these clusters' values (no restriction when empty): a region's clusters
    /// without the subquery of `region`, so the metric's own index serves the read.
    pub clusters: Vec<ClusterId>,
    /// Only metrics of this group (`business`, `engagement`, `community`…).
    pub group: Option<String>,
    /// Only values with one of these statuses (all when empty).
    pub statuses: Vec<String>,
    /// Only periods of this grain (all when `None`).
    pub grain: Option<Grain>,
}

/// One stored value, ready to show or export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiValueRow {
    /// The metric's key.
    pub metric: String,
    /// The period's key (2025, 2025-Q3, 2025-07).
    pub period: String,
    /// month, quarter or year.
    pub grain: String,
    /// cluster, region or organization.
    pub scope_kind: String,
    /// The cluster's or region's id (0 for the organization).
    pub scope_id: i32,
    /// The computed value (`None`: no data, for instance nothing to divide by).
    pub value: Option<f64>,
    /// What was divided or counted.
    pub numerator: Option<f64>,
    /// What it was divided by.
    pub denominator: Option<f64>,
    /// computed, validated, rejected, overridden, stale or not_applicable.
    pub status: String,
    /// The value staff decided on (validated or overridden), if any.
    pub decided_value: Option<f64>,
    /// Why staff decided as they did (rejected, overridden, not applicable).
    pub decision_reason: Option<String>,
    /// green, amber or red for the value that counts; `None` without a value.
    pub signal: Option<Signal>,
    /// The thresholds the signal came from (the cluster's target, else the metric's
    /// defaults), pro-rated to the period.
    #[serde(skip)]
    pub thresholds: Thresholds,
}

impl KpiValueRow {
    /// The number that counts: the decided value when overridden, none when rejected or
    /// not applicable, else the computed value.
    pub fn counted(&self) -> Option<f64> {
        counted_value(&self.status, self.value, self.decided_value)
    }

    /// Whether staff have validated or overridden the value (and it has not gone stale).
    pub fn is_validated(&self) -> bool {
        is_validated_status(&self.status)
    }
}

/// One cluster value's number and signal, without the rest of its row: for tallies and
/// medians over every cluster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterSignal {
    /// The cluster.
    pub cluster: ClusterId,
    /// The metric's id.
    pub metric_id: i32,
    /// The number that counts, as [`KpiValueRow::counted`].
    pub counted: Option<f64>,
    /// The signal of the number that counts, as [`KpiValueRow::signal`].
    pub signal: Option<Signal>,
    /// Staff validated or overrode it.
    pub validated: bool,
}

/// Whether `status` means staff validated or overrode the value.
fn is_validated_status(status: &str) -> bool {
    matches!(status, "validated" | "overridden")
}

/// The number that counts for a stored value with `status`.
fn counted_value(status: &str, value: Option<f64>, decided: Option<f64>) -> Option<f64> {
    match status {
        "overridden" => decided,
        "not_applicable" | "rejected" => None,
        _ => value,
    }
}

/// Units whose yearly thresholds are pro-rated for quarters and months.
fn accumulates(unit: &str) -> bool {
    matches!(unit, "count" | "hours" | "money")
}

/// A metric's yearly `thresholds` for `period`: pro-rated for quarters and months when
/// its unit accumulates (counts, hours, money), as they are otherwise.
pub fn for_period(thresholds: Thresholds, unit: &str, period: &Period) -> Thresholds {
    if accumulates(unit) && period.grain() != Grain::Year {
        thresholds.pro_rated(period.months())
    } else {
        thresholds
    }
}

/// The catalogue's metrics, retired ones too, by id: what stored rows name.
async fn catalogue_by_id<C: ConnectionTrait>(
    db: &C,
) -> Result<HashMap<i32, CatalogueMetric>, DomainError> {
    Ok(MetricCatalogue::all(db)
        .await?
        .into_iter()
        .map(|m| (m.row.id, m))
        .collect())
}

/// The `FROM kpi_values WHERE …` part selecting what `filter` asks for, and its
/// parameters; refused when the filter names a metric the catalogue does not have.
fn conditions(
    filter: &KpiFilter,
    catalogue: &HashMap<i32, CatalogueMetric>,
) -> Result<(String, Vec<Value>), DomainError> {
    let mut sql = String::from(" FROM kpi_values WHERE 1 = 1");
    let mut params: Vec<Value> = Vec::new();
    if let Some(period) = &filter.period {
        sql.push_str(" AND period_key = ?");
        params.push(period.key().into());
    }
    if !filter.periods.is_empty() {
        sql.push_str(&format!(
            " AND period_key IN ({})",
            vec!["?"; filter.periods.len()].join(", ")
        ));
        params.extend(filter.periods.iter().map(|p| Value::from(p.key())));
    }
    if let Some(kind) = filter.scope_kind {
        sql.push_str(" AND scope_kind = ?");
        params.push(kind.as_str().into());
    }
    if let Some(metric) = &filter.metric {
        let Some(id) = catalogue
            .values()
            .find(|m| &m.key == metric)
            .map(|m| m.row.id)
        else {
            return Err(DomainError::Invalid(format!("there is no metric {metric}")));
        };
        sql.push_str(" AND metric_id = ?");
        params.push(id.into());
    }
    if let Some(region) = filter.region {
        sql.push_str(
            " AND ((scope_kind = 'cluster' AND scope_id IN \
             (SELECT id FROM clusters WHERE region_id = ?)) \
             OR (scope_kind = 'region' AND scope_id = ?))",
        );
        params.push(region.0.into());
        params.push(region.0.into());
    }
    if let Some(cluster) = filter.cluster {
        sql.push_str(" AND scope_kind = 'cluster' AND scope_id = ?");
        params.push(cluster.0.into());
    }
    if !filter.clusters.is_empty() {
        sql.push_str(&format!(
            " AND scope_kind = 'cluster' AND scope_id IN ({})",
            vec!["?"; filter.clusters.len()].join(", ")
        ));
        params.extend(filter.clusters.iter().map(|c| Value::from(c.0)));
    }
    if let Some(group) = &filter.group {
        // The group's metrics by id: a subquery here made SQLite walk every cluster value.
        let mut ids: Vec<i32> = catalogue
            .values()
            .filter(|m| &m.row.group_key == group)
            .map(|m| m.row.id)
            .collect();
        ids.sort_unstable();
        if ids.is_empty() {
            sql.push_str(" AND 1 = 0");
        } else {
            sql.push_str(&format!(
                " AND metric_id IN ({})",
                vec!["?"; ids.len()].join(", ")
            ));
            params.extend(ids.into_iter().map(Value::from));
        }
    }
    if let Some(grain) = filter.grain {
        sql.push_str(" AND grain = ?");
        params.push(grain.as_str().into());
    }
    if !filter.statuses.is_empty() {
        sql.push_str(&format!(
            " AND status IN ({})",
            vec!["?"; filter.statuses.len()].join(", ")
        ));
        params.extend(filter.statuses.iter().map(|s| Value::from(s.clone())));
    }
    Ok((sql, params))
}

/// How many values `filter` selects of one cluster, and how many of them await a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClusterTally {
    /// The cluster.
    pub cluster: ClusterId,
    /// Its values the filter selects.
    pub values: u32,
    /// Of those, computed or stale ones: what staff have yet to decide.
    pub undecided: u32,
}

/// Read queries over stored KPI values.
pub struct KpiValues;

impl KpiValues {
    /// Per cluster, how many cluster values `filter` selects and how many await a
    /// decision: a queue pages through clusters with this and reads only the page's rows.
    #[tracing::instrument(skip(db), err)]
    pub async fn cluster_tallies<C: ConnectionTrait>(
        db: &C,
        filter: &KpiFilter,
    ) -> Result<Vec<ClusterTally>, DomainError> {
        let catalogue = catalogue_by_id(db).await?;
        let (conditions, params) = conditions(filter, &catalogue)?;
        // Grouped by an expression, so SQLite finds the rows by the period's index and
        // sorts them rather than walking every cluster value in cluster order.
        let sql = format!(
            "SELECT scope_id + 0 AS cluster_id, COUNT(*) AS n_values, \
             SUM(CASE WHEN status IN ('computed', 'stale') THEN 1 ELSE 0 END) AS n_undecided\
             {conditions} AND scope_kind = 'cluster' GROUP BY scope_id + 0"
        );
        let rows = db
            .query_all_raw(statement(db.get_database_backend(), &sql, params))
            .await?;
        rows.into_iter()
            .map(|row| {
                let values: i64 = row.try_get("", "n_values")?;
                let undecided: i64 = row.try_get("", "n_undecided")?;
                Ok(ClusterTally {
                    cluster: ClusterId(row.try_get("", "cluster_id")?),
                    values: u32::try_from(values).unwrap_or(u32::MAX),
                    undecided: u32::try_from(undecided).unwrap_or(u32::MAX),
                })
            })
            .collect()
    }

    /// The number and signal of every cluster value of `period`, read without the columns
    /// a page of values needs: the organization's pulse tallies some 20,000 of them, a
    /// cluster's profile takes medians over them.
    #[tracing::instrument(skip(db), err)]
    pub async fn cluster_signals<C: ConnectionTrait>(
        db: &C,
        period: &Period,
    ) -> Result<Vec<ClusterSignal>, DomainError> {
        let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
        let year = period.fiscal_year(fiscal_start).first_day().year();
        // Each metric's thresholds for the period, and the clusters' targets of its year.
        let defaults: HashMap<i32, (Thresholds, String)> = MetricCatalogue::all(db)
            .await?
            .into_iter()
            .map(|m| {
                let thresholds = for_period(m.thresholds, &m.row.unit, period);
                (m.row.id, (thresholds, m.row.unit))
            })
            .collect();
        let targets = Targets::load(db, None, Some(year)).await?;
        let backend = db.get_database_backend();
        let sql = packed_rows(
            backend,
            &[
                Packed::Plain("metric_id"),
                Packed::Plain("scope_id"),
                Packed::Number("value"),
                Packed::Plain("status"),
                Packed::Number("decided_value"),
            ],
            "FROM kpi_values WHERE scope_kind = 'cluster' AND period_key = ?",
        );
        let packed: String = db
            .query_one_raw(statement(backend, &sql, [period.key().into()]))
            .await?
            .map(|row| row.try_get("", "packed"))
            .transpose()?
            .unwrap_or_default();
        type Row = (i32, i32, Option<String>, String, Option<String>);
        let rows: Vec<Row> = if packed.is_empty() {
            Vec::new()
        } else {
            serde_json::from_str(&packed)
                .map_err(|e| DomainError::Invalid(format!("packed cluster values: {e}")))?
        };
        let mut out = Vec::with_capacity(rows.len());
        for (metric_id, cluster, value, status, decided_value) in rows {
            let Some((thresholds, unit)) = defaults.get(&metric_id) else {
                continue;
            };
            let thresholds = match targets.get(cluster, year, metric_id) {
                Some(target) => for_period(target, unit, period),
                None => *thresholds,
            };
            let counted = counted_value(
                &status,
                exact_number(value.as_deref())?,
                exact_number(decided_value.as_deref())?,
            );
            out.push(ClusterSignal {
                cluster: ClusterId(cluster),
                metric_id,
                counted,
                signal: thresholds.signal(counted),
                validated: is_validated_status(&status),
            });
        }
        Ok(out)
    }

    /// The values `filter` selects, ordered by metric, period, scope kind and id.
    #[tracing::instrument(skip(db), err)]
    pub async fn list<C: ConnectionTrait>(
        db: &C,
        filter: &KpiFilter,
    ) -> Result<Vec<KpiValueRow>, DomainError> {
        Ok(Self::read(db, filter, None).await?.0)
    }

    /// One page of the values `filter` selects (`limit` rows from `offset`, in the order
    /// of [`Self::list`]) and how many it selects in all.
    #[tracing::instrument(skip(db), err)]
    pub async fn page<C: ConnectionTrait>(
        db: &C,
        filter: &KpiFilter,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<KpiValueRow>, u64), DomainError> {
        Self::read(db, filter, Some((offset, limit))).await
    }

    /// The rows of `filter`, all or a `(offset, limit)` window, with the total selected.
    async fn read<C: ConnectionTrait>(
        db: &C,
        filter: &KpiFilter,
        window: Option<(u64, u64)>,
    ) -> Result<(Vec<KpiValueRow>, u64), DomainError> {
        let backend = db.get_database_backend();
        let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
        let catalogue = catalogue_by_id(db).await?;
        let (mut sql, mut params) = conditions(filter, &catalogue)?;
        let mut total = None;
        if let Some((offset, limit)) = window {
            let count = format!("SELECT COUNT(*) AS n{sql}");
            let found = db
                .query_one_raw(statement(backend, &count, params.clone()))
                .await?
                .map(|row| row.try_get::<i64>("", "n"))
                .transpose()?
                .unwrap_or(0);
            total = Some(u64::try_from(found).unwrap_or(0));
            sql.push_str(" ORDER BY metric_id, grain, period_key, scope_kind, scope_id");
            sql.push_str(" LIMIT ? OFFSET ?");
            params.push(i64::try_from(limit).unwrap_or(i64::MAX).into());
            params.push(i64::try_from(offset).unwrap_or(i64::MAX).into());
        } else {
            sql.push_str(" ORDER BY metric_id, grain, period_key, scope_kind, scope_id");
        }
        let sql = format!(
            "SELECT metric_id, grain, period_key, scope_kind, scope_id, value, numerator, \
             denominator, status, decided_value, decision_reason{sql}"
        );
        let rows = db.query_all_raw(statement(backend, &sql, params)).await?;
        let targets = if filter
            .scope_kind
            .is_none_or(|kind| kind == ScopeKind::Cluster)
        {
            let year = filter
                .period
                .map(|p| p.fiscal_year(fiscal_start).first_day().year());
            Targets::load(db, filter.cluster, year).await?
        } else {
            Targets::default()
        };

        let mut out = Vec::with_capacity(rows.len());
        // Rows come ordered by period within a metric: parse each key once per run.
        let mut last_period: Option<(String, Period, i32)> = None;
        for row in rows {
            let metric_id: i32 = row.try_get("", "metric_id")?;
            let Some(metric) = catalogue.get(&metric_id) else {
                continue;
            };
            let grain_name: String = row.try_get("", "grain")?;
            let period_key: String = row.try_get("", "period_key")?;
            let scope_kind: String = row.try_get("", "scope_kind")?;
            let scope_id: i32 = row.try_get("", "scope_id")?;
            let value: Option<f64> = row.try_get("", "value")?;
            let status: String = row.try_get("", "status")?;
            let decided_value: Option<f64> = row.try_get("", "decided_value")?;
            let (period, year) = match &last_period {
                Some((key, period, year)) if *key == period_key => (*period, *year),
                _ => {
                    let period = Period::parse(&period_key, fiscal_start).map_err(|e| {
                        DomainError::Invalid(format!("stored period {period_key}: {e}"))
                    })?;
                    // Targets are set per fiscal year, named by the year it starts in.
                    let year = period.fiscal_year(fiscal_start).first_day().year();
                    last_period = Some((period_key.clone(), period, year));
                    (period, year)
                }
            };
            let mut thresholds = metric.thresholds;
            if scope_kind == "cluster"
                && let Some(target) = targets.get(scope_id, year, metric_id)
            {
                thresholds = target;
            }
            let thresholds = for_period(thresholds, &metric.row.unit, &period);
            let counted = counted_value(&status, value, decided_value);
            out.push(KpiValueRow {
                metric: metric.key.to_string(),
                period: period_key,
                grain: grain_name,
                scope_kind,
                scope_id,
                value,
                numerator: row.try_get("", "numerator")?,
                denominator: row.try_get("", "denominator")?,
                status,
                decided_value,
                decision_reason: row.try_get("", "decision_reason")?,
                signal: thresholds.signal(counted),
                thresholds,
            });
        }
        let total = total.unwrap_or(out.len() as u64);
        Ok((out, total))
    }
}

impl KpiValues {
    /// The keys of every period with stored values, newest first within each grain
    /// (years, then quarters, then months).
    pub async fn periods<C: ConnectionTrait>(db: &C) -> Result<Vec<String>, DomainError> {
        let rows = db
            .query_all_raw(statement(
                db.get_database_backend(),
                "SELECT DISTINCT period_key FROM kpi_values \
                 WHERE metric_id = (SELECT MIN(metric_id) FROM kpi_values) \
                 AND scope_kind = 'organization'",
                [],
            ))
            .await?;
        let mut keys = rows
            .into_iter()
            .map(|row| row.try_get::<String>("", "period_key"))
            .collect::<Result<Vec<_>, _>>()?;
        let rank = |key: &str| match key.len() {
            4 => 0,
            _ if key.contains('Q') => 1,
            _ => 2,
        };
        keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| b.cmp(a)));
        Ok(keys)
    }
}

/// Cluster targets per year and metric, overriding the default thresholds.
#[derive(Default)]
struct Targets(HashMap<(i32, i32, i32), Thresholds>);

impl Targets {
    /// The targets of `cluster` (every cluster when `None`) for the fiscal year starting
    /// in `year` (every year when `None`).
    async fn load<C: ConnectionTrait>(
        db: &C,
        cluster: Option<ClusterId>,
        year: Option<i32>,
    ) -> Result<Self, DomainError> {
        let backend = db.get_database_backend();
        let mut sql = String::from(
            "SELECT t.cluster_id, t.year, t.metric_id, t.green, t.amber, m.lower_is_better \
             FROM metric_targets t JOIN metrics m ON m.id = t.metric_id WHERE 1 = 1",
        );
        let mut params: Vec<Value> = Vec::new();
        if let Some(cluster) = cluster {
            sql.push_str(" AND t.cluster_id = ?");
            params.push(cluster.0.into());
        }
        if let Some(year) = year {
            sql.push_str(" AND t.year = ?");
            params.push(year.into());
        }
        let rows = db.query_all_raw(statement(backend, &sql, params)).await?;
        let mut targets = HashMap::new();
        for row in rows {
            let lower: bool = row.try_get("", "lower_is_better")?;
            let direction = if lower {
                kpi::Direction::LowerIsBetter
            } else {
                kpi::Direction::HigherIsBetter
            };
            let green: f64 = row.try_get("", "green")?;
            let amber: f64 = row.try_get("", "amber")?;
            if let Ok(thresholds) = Thresholds::new(direction, green, amber) {
                targets.insert(
                    (
                        row.try_get("", "cluster_id")?,
                        row.try_get("", "year")?,
                        row.try_get("", "metric_id")?,
                    ),
                    thresholds,
                );
            }
        }
        Ok(Self(targets))
    }

    fn get(&self, cluster: i32, year: i32, metric: i32) -> Option<Thresholds> {
        self.0.get(&(cluster, year, metric)).copied()
    }
}
