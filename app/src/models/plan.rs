//! A cluster's plan for a fiscal year: selected optional metrics and targets.

use serde::{Deserialize, Serialize};

use crate::models::{ids::ClusterId, validation::Choice};

/// One metric of the plan, thresholds as text in the metric's display unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    /// Metric key.
    pub metric: String,
    /// Metric name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Group.
    pub group: String,
    /// Obligatory for every cluster.
    pub obligatory: bool,
    /// Whether lower is better.
    pub lower_is_better: bool,
    /// Default green threshold.
    pub default_green: String,
    /// Default amber threshold.
    pub default_amber: String,
    /// The cluster's green target; empty when none.
    pub green: String,
    /// The cluster's amber target; empty when none.
    pub amber: String,
    /// Selected for the year.
    pub selected: bool,
}

/// The plan page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterPlan {
    /// The cluster.
    pub cluster: ClusterId,
    /// Its code and name.
    pub cluster_name: String,
    /// The fiscal year (named by the year it starts in).
    pub year: i32,
    /// Clusters the user may plan for (one for a leader).
    pub clusters: Vec<Choice>,
    /// Years to choose from.
    pub years: Vec<i32>,
    /// Fewest optional metrics to select.
    pub min_optional: u32,
    /// Most optional metrics to select.
    pub max_optional: u32,
    /// Every active metric.
    pub rows: Vec<PlanRow>,
}

/// The plan as the page sends it back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanForm {
    /// The cluster.
    pub cluster: i32,
    /// The fiscal year.
    pub year: i32,
    /// One entry per metric.
    pub rows: Vec<PlanRowForm>,
}

/// One metric as the page sends it back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRowForm {
    /// Metric key.
    pub metric: String,
    /// Selected.
    pub selected: bool,
    /// Green target as typed; empty for none.
    pub green: String,
    /// Amber target as typed; empty for none.
    pub amber: String,
}
