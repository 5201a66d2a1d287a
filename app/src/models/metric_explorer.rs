//! The metric explorer: one metric across every cluster (or region) and period, as a
//! heatmap of signals and the trend of the whole scope.

use serde::{Deserialize, Serialize};

use crate::models::{chart::ChartSpec, validation::Choice};

/// What the explorer asks for; everything lives in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplorerQuery {
    /// The metric key (the catalogue's first metric when absent).
    pub metric: Option<String>,
    /// `year`, `quarter` (the default) or `month`.
    pub grain: Option<String>,
    /// A region id: its clusters are the rows; absent: the regions are.
    pub region: Option<String>,
    /// Count only validated and overridden values.
    #[serde(default)]
    pub validated_only: bool,
}

/// The explorer's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricExplorer {
    /// The metric's key.
    pub metric: String,
    /// Its name.
    pub metric_name: String,
    /// What it measures.
    pub description: String,
    /// The metrics to choose from.
    pub metrics: Vec<Choice>,
    /// The grain of the periods.
    pub grain: String,
    /// The grains to choose from.
    pub grains: Vec<Choice>,
    /// The region's id; empty for all regions.
    pub region: String,
    /// The region's name, when one is chosen.
    pub region_name: Option<String>,
    /// The regions to choose from (the first choice is all regions).
    pub regions: Vec<Choice>,
    /// Only validated values count.
    pub validated_only: bool,
    /// Rows (clusters or regions) × periods by signal.
    pub heatmap: ChartSpec,
    /// The scope's own value over the same periods.
    pub trend: ChartSpec,
}
