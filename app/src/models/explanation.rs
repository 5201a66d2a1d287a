//! Why a KPI value is what it is: numbers, definition, the fact rows behind it, history.

use serde::{Deserialize, Serialize};

use crate::models::{
    ids::ClusterId,
    validation::{MetricKey, Signal, ValueStatus},
};
pub use kpi::MetricDefinition;

/// The fact rows of one measure of the definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasureTable {
    /// The fact source.
    pub source: String,
    /// Column names.
    pub fields: Vec<String>,
    /// Rows, as text.
    pub rows: Vec<Vec<String>>,
}

/// One expected input of the cluster's data for the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputPresence {
    /// self_reports, committee_calls or goals.
    pub input: String,
    /// How many were expected.
    pub expected: f64,
    /// How many are present.
    pub present: f64,
}

/// One decision in the value's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When (UTC, ISO 8601).
    pub at: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// Value before.
    pub value_before: Option<f64>,
    /// Value after.
    pub value_after: Option<f64>,
    /// Why.
    pub reason: Option<String>,
}

/// Everything behind one cluster value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValueExplanation {
    /// Metric.
    pub metric: MetricKey,
    /// Metric name.
    pub metric_name: String,
    /// What the metric measures.
    pub description: String,
    /// Unit.
    pub unit: String,
    /// Period key.
    pub period: String,
    /// Cluster.
    pub cluster: ClusterId,
    /// Cluster code and name.
    pub cluster_name: String,
    /// Computed value.
    pub value: Option<f64>,
    /// Numerator.
    pub numerator: Option<f64>,
    /// Denominator.
    pub denominator: Option<f64>,
    /// Status.
    pub status: Option<ValueStatus>,
    /// The decided value.
    pub decided_value: Option<f64>,
    /// Signal.
    pub signal: Option<Signal>,
    /// The definition.
    pub definition: MetricDefinition,
    /// Fact rows per measure.
    pub measures: Vec<MeasureTable>,
    /// Decisions, newest first.
    pub history: Vec<HistoryEntry>,
    /// Share of the cluster's expected inputs present (`None`: nothing was due).
    pub completeness: Option<f64>,
    /// The inputs, one by one.
    pub inputs: Vec<InputPresence>,
}
