//! A cluster's plan for a fiscal year: the optional metrics its leader selected (within
//! the minimum and maximum the admin set) and its targets, which override the metrics'
//! default thresholds for its signals.

use kpi::{ClusterId, Direction, MetricKey, Thresholds};
use sea_orm::{ConnectionTrait, DatabaseConnection, Set, TransactionTrait, Value};

use crate::DomainError;
use crate::entity::setting;
use crate::kpi_revision::KpiRevision;
use crate::metric_catalogue::MetricCatalogue;
use crate::sql::statement;
use sea_orm::EntityTrait;

/// One metric in a cluster's plan for a year.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedTarget {
    /// The metric.
    pub metric: MetricKey,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its group.
    pub group: String,
    /// Obligatory for every cluster.
    pub obligatory: bool,
    /// Which direction is better.
    pub direction: Direction,
    /// The metric's default thresholds.
    pub default: Thresholds,
    /// The cluster's target for the year, if set.
    pub target: Option<Thresholds>,
    /// Selected by the leader (always true for obligatory metrics).
    pub selected: bool,
}

/// A cluster's plan for a fiscal year, with the selection limits.
#[derive(Clone, Debug, PartialEq)]
pub struct YearPlan {
    /// Every active metric.
    pub metrics: Vec<PlannedTarget>,
    /// The fewest optional metrics a cluster must select.
    pub min_optional: usize,
    /// The most optional metrics a cluster may select.
    pub max_optional: usize,
}

/// A change to one metric of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanChange {
    /// The metric.
    pub metric: MetricKey,
    /// Selected (ignored for obligatory metrics, which always are).
    pub selected: bool,
    /// The target (green, amber), or none to use the default thresholds.
    pub target: Option<(f64, f64)>,
}

/// The admin's limits on how many optional metrics a cluster selects per year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectionLimits {
    /// The fewest a cluster must select.
    pub min: usize,
    /// The most a cluster may select.
    pub max: usize,
    /// How many optional metrics are active (the most there can be).
    pub optional: usize,
}

/// Reading and saving cluster plans.
pub struct MetricTargets;

impl MetricTargets {
    /// The plan of `cluster` for fiscal `year`: every active metric with its default
    /// thresholds, the cluster's target and whether it is selected.
    pub async fn plan<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        year: i32,
    ) -> Result<YearPlan, DomainError> {
        let backend = db.get_database_backend();
        let targets = db
            .query_all_raw(statement(
                backend,
                "SELECT metric_id, green, amber FROM metric_targets \
                 WHERE cluster_id = ? AND year = ?",
                [cluster.0.into(), year.into()],
            ))
            .await?;
        let selections = db
            .query_all_raw(statement(
                backend,
                "SELECT metric_id FROM metric_selections WHERE cluster_id = ? AND year = ?",
                [cluster.0.into(), year.into()],
            ))
            .await?;
        let mut target_of = std::collections::HashMap::new();
        for row in targets {
            let id: i32 = row.try_get("", "metric_id")?;
            let green: f64 = row.try_get("", "green")?;
            let amber: f64 = row.try_get("", "amber")?;
            target_of.insert(id, (green, amber));
        }
        let selected: std::collections::HashSet<i32> = selections
            .into_iter()
            .map(|row| row.try_get::<i32>("", "metric_id"))
            .collect::<Result<_, _>>()?;
        let metrics = MetricCatalogue::all(db)
            .await?
            .into_iter()
            .filter(|m| m.row.retired_on.is_none())
            .map(|m| {
                let direction = m.thresholds.direction();
                PlannedTarget {
                    target: target_of
                        .get(&m.row.id)
                        .and_then(|(g, a)| Thresholds::new(direction, *g, *a).ok()),
                    selected: m.row.obligatory || selected.contains(&m.row.id),
                    metric: m.key,
                    name: m.row.name,
                    unit: m.row.unit,
                    group: m.row.group_key,
                    obligatory: m.row.obligatory,
                    direction,
                    default: m.thresholds,
                }
            })
            .collect();
        let limits = selection_limits(db).await?;
        let (min_optional, max_optional) = (limits.min, limits.max);
        Ok(YearPlan {
            metrics,
            min_optional,
            max_optional,
        })
    }

    /// The admin's limits on optional metrics per cluster and year.
    pub async fn limits<C: ConnectionTrait>(db: &C) -> Result<SelectionLimits, DomainError> {
        selection_limits(db).await
    }

    /// Sets the limits to `min` and `max` optional metrics per cluster and year, as admin
    /// `actor` (recorded in the audit log); plans saved before keep their selections.
    /// Refused when `min` exceeds `max` or `max` exceeds the active optional metrics.
    pub async fn set_limits(
        db: &DatabaseConnection,
        actor: &str,
        min: usize,
        max: usize,
        at: chrono::NaiveDateTime,
    ) -> Result<SelectionLimits, DomainError> {
        let current = selection_limits(db).await?;
        let mut problems = Vec::new();
        if min > max {
            problems.push(format!("minimum: {min} is more than the maximum, {max}"));
        }
        if max > current.optional {
            problems.push(format!(
                "maximum: {max} is more than the {} optional metrics there are",
                current.optional
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let txn = db.begin().await?;
        for (key, value) in [("optional_metrics_min", min), ("optional_metrics_max", max)] {
            setting::Entity::insert(setting::ActiveModel {
                key: Set(key.to_owned()),
                value: Set(value.to_string()),
            })
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(setting::Column::Key)
                    .update_column(setting::Column::Value)
                    .to_owned(),
            )
            .exec(&txn)
            .await?;
        }
        crate::account::record(
            &txn,
            None,
            actor,
            "selection_limits_changed",
            Some(format!(
                "{}-{} -> {min}-{max} optional metrics",
                current.min, current.max
            )),
            at,
        )
        .await?;
        txn.commit().await?;
        Ok(SelectionLimits {
            min,
            max,
            optional: current.optional,
        })
    }

    /// Saves the whole plan of `cluster` for `year` at once: every target is checked
    /// against its metric's direction and the number of selected optional metrics
    /// against the limits; refused with one line per problem, all or nothing.
    pub async fn save(
        db: &DatabaseConnection,
        cluster: ClusterId,
        year: i32,
        changes: &[PlanChange],
    ) -> Result<(), DomainError> {
        let catalogue = MetricCatalogue::all(db).await?;
        let mut problems = Vec::new();
        let mut rows = Vec::new();
        for change in changes {
            let Some(metric) = catalogue
                .iter()
                .find(|m| m.key == change.metric && m.row.retired_on.is_none())
            else {
                problems.push(format!("{}: there is no such active metric", change.metric));
                continue;
            };
            if let Some((green, amber)) = change.target
                && let Err(e) = Thresholds::new(metric.thresholds.direction(), green, amber)
            {
                problems.push(format!("{} ({}): {e}", metric.row.name, metric.key));
                continue;
            }
            rows.push((
                metric.row.id,
                change.selected && !metric.row.obligatory,
                change.target,
            ));
        }
        let selected = rows.iter().filter(|(_, s, _)| *s).count();
        let limits = selection_limits(db).await?;
        let (min_optional, max_optional) = (limits.min, limits.max);
        if selected < min_optional || selected > max_optional {
            problems.push(format!(
                "{selected} optional metrics are selected; select between {min_optional} and {max_optional}"
            ));
        }
        if !(2000..=2100).contains(&year) {
            problems.push(format!("{year} is not a plausible fiscal year"));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let txn = db.begin().await?;
        let backend = txn.get_database_backend();
        for table in ["metric_targets", "metric_selections"] {
            txn.execute_raw(statement(
                backend,
                &format!("DELETE FROM {table} WHERE cluster_id = ? AND year = ?"),
                [cluster.0.into(), year.into()],
            ))
            .await?;
        }
        for (metric_id, selected, target) in rows {
            if selected {
                txn.execute_raw(statement(
                    backend,
                    "INSERT INTO metric_selections (cluster_id, year, metric_id) VALUES (?, ?, ?)",
                    [cluster.0.into(), year.into(), metric_id.into()],
                ))
                .await?;
            }
            if let Some((green, amber)) = target {
                let params: [Value; 5] = [
                    cluster.0.into(),
                    year.into(),
                    metric_id.into(),
                    green.into(),
                    amber.into(),
                ];
                txn.execute_raw(statement(
                    backend,
                    "INSERT INTO metric_targets (cluster_id, year, metric_id, green, amber) \
                     VALUES (?, ?, ?, ?, ?)",
                    params,
                ))
                .await?;
            }
        }
        KpiRevision::advance(&txn).await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The admin's limits on optional metrics per cluster and year (settings
/// `optional_metrics_min` and `optional_metrics_max`; 0 and all when unset).
async fn selection_limits<C: ConnectionTrait>(db: &C) -> Result<SelectionLimits, DomainError> {
    let optional = MetricCatalogue::all(db)
        .await?
        .iter()
        .filter(|m| !m.row.obligatory && m.row.retired_on.is_none())
        .count();
    let read = |key: &'static str| async move {
        let row = setting::Entity::find_by_id(key.to_owned()).one(db).await?;
        row.map(|r| {
            r.value.trim().parse::<usize>().map_err(|_| {
                DomainError::Invalid(format!(
                    "setting {key} is {:?}; it must be a whole number",
                    r.value
                ))
            })
        })
        .transpose()
    };
    let min = read("optional_metrics_min").await?.unwrap_or(0);
    let max = read("optional_metrics_max").await?.unwrap_or(optional);
    Ok(SelectionLimits {
        min,
        max: max.max(min),
        optional,
    })
}
