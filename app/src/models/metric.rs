//! The metric catalogue as staff see and edit it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::models::validation::MetricKey;

/// One metric in the catalogue list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricSummary {
    /// Key.
    pub key: MetricKey,
    /// Name.
    pub name: String,
    /// What it measures.
    pub description: String,
    /// Group.
    pub group: String,
    /// Unit.
    pub unit: String,
    /// Obligatory for every cluster (else optional).
    pub obligatory: bool,
    /// Accountable staff user.
    pub owner: Option<String>,
    /// Definition version.
    pub version: i32,
    /// Retired from this day.
    pub retired_on: Option<NaiveDate>,
    /// Whether lower is better.
    pub lower_is_better: bool,
    /// Green threshold (stored unit: fractions for percentages).
    pub green: f64,
    /// Amber threshold.
    pub amber: f64,
}

/// The editor's fields. Thresholds are text in the metric's display unit (percent for
/// percentages) as the user types them, in their locale.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MetricForm {
    /// Key (fixed once created).
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Group.
    pub group: String,
    /// Unit.
    pub unit: String,
    /// `true` when lower is better.
    pub lower_is_better: bool,
    /// Green threshold.
    pub green: String,
    /// Amber threshold.
    pub amber: String,
    /// Obligatory.
    pub obligatory: bool,
    /// Only yearly values.
    pub yearly_only: bool,
    /// Owner.
    pub owner: String,
    /// Definition as JSON.
    pub definition: String,
    /// Whether the metric is retired (read only; the retire button changes it).
    pub retired: bool,
}

/// What a save did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricSaved {
    /// The metric.
    pub key: MetricKey,
    /// Its version now.
    pub version: i32,
    /// Values computed by the recompute that followed.
    pub values: u32,
    /// Seconds the recompute took.
    pub seconds: f64,
}
