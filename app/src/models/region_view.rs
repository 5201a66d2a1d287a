//! The region view: a region's clusters × one metric group's signals as a heatmap, with
//! each cluster's signal counts.

use serde::{Deserialize, Serialize};

use crate::models::{
    chart::ChartSpec, ids::ClusterId, scorecard::SignalCounts, validation::Choice,
};

/// What the region view asks for; everything lives in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionViewQuery {
    /// The region id (the first region by name when absent).
    pub region: Option<String>,
    /// The period key (the newest year with values when absent).
    pub period: Option<String>,
    /// The metric group (`cluster` when absent).
    pub group: Option<String>,
    /// Count only validated and overridden values.
    #[serde(default)]
    pub validated_only: bool,
}

/// One cluster's line under the heatmap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionCluster {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub label: String,
    /// Its signals over the group's metrics.
    pub counts: SignalCounts,
    /// Its scorecard for the period.
    pub scorecard_href: String,
}

/// The region view's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionView {
    /// The region's id.
    pub region: String,
    /// Its name.
    pub region_name: String,
    /// The regions to choose from.
    pub regions: Vec<Choice>,
    /// The period's key.
    pub period: String,
    /// The periods with values.
    pub periods: Vec<String>,
    /// The metric group.
    pub group: String,
    /// The groups to choose from.
    pub groups: Vec<Choice>,
    /// Only validated values count.
    pub validated_only: bool,
    /// Signals over every cell.
    pub counts: SignalCounts,
    /// The clusters, by code.
    pub clusters: Vec<RegionCluster>,
    /// Clusters × metrics by signal.
    pub heatmap: ChartSpec,
}
