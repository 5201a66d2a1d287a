//! The organization's pulse on the overview: signal counts over every cluster value of a
//! period, the clusters most and least on track, and the trends of key metrics.

use serde::{Deserialize, Serialize};

use crate::models::{chart::ChartSpec, scorecard::SignalCounts};

/// What the pulse asks for; it lives in the overview's URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PulseQuery {
    /// The period key (the newest year with values when absent).
    pub period: Option<String>,
    /// Count only validated and overridden values.
    #[serde(default)]
    pub validated_only: bool,
}

/// A cluster's standing over all its values of the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterStanding {
    /// "C001 · Alpine Founders".
    pub label: String,
    /// Its scorecard for the period.
    pub href: String,
    /// Its signals.
    pub counts: SignalCounts,
    /// "72 % on track".
    pub share_text: String,
}

/// One key metric's trend for the organization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyMetricTrend {
    /// The metric's key.
    pub metric: String,
    /// The chart.
    pub chart: ChartSpec,
}

/// The pulse's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganizationPulse {
    /// The period's key.
    pub period: String,
    /// The periods with values.
    pub periods: Vec<String>,
    /// Only validated values count.
    pub validated_only: bool,
    /// Signals over every cluster value of the period.
    pub counts: SignalCounts,
    /// The clusters most on track, best first.
    pub top: Vec<ClusterStanding>,
    /// The clusters least on track, worst first.
    pub bottom: Vec<ClusterStanding>,
    /// The key metrics' quarterly trends for the organization.
    pub trends: Vec<KeyMetricTrend>,
}
