//! The leaderboard: clusters ranked by one metric for a period.

use serde::{Deserialize, Serialize};

use crate::models::{
    chart::ChartSpec,
    ids::ClusterId,
    validation::{Choice, Signal},
};

/// What the leaderboard page asks for; everything lives in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderboardQuery {
    /// The metric key (the first obligatory metric when absent).
    pub metric: Option<String>,
    /// The period key (the newest year with values when absent).
    pub period: Option<String>,
    /// A region id, or `all` for the whole organization; absent: the reader's own region
    /// (staff: the whole organization).
    pub region: Option<String>,
    /// Count only validated and overridden values.
    #[serde(default)]
    pub validated_only: bool,
}

/// One cluster's place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeaderboardEntry {
    /// 1 for the best; `None` without a number.
    pub rank: Option<u32>,
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub label: String,
    /// Its region's name.
    pub region_name: String,
    /// The number, formatted; empty without data.
    pub value_text: String,
    /// The signal.
    pub signal: Option<Signal>,
    /// The bar's length, 0 to 1, relative to the largest number shown.
    pub bar: f64,
    /// The reader's own cluster.
    pub own: bool,
    /// The cluster's scorecard, where the reader may open it.
    pub scorecard_href: Option<String>,
}

/// The leaderboard page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leaderboard {
    /// The metric's key.
    pub metric: String,
    /// Its name.
    pub metric_name: String,
    /// The period's key.
    pub period: String,
    /// The periods with values, newest first within each grain.
    pub periods: Vec<String>,
    /// The metrics to rank by.
    pub metrics: Vec<Choice>,
    /// The regions, with `all` for the organization first.
    pub regions: Vec<Choice>,
    /// The chosen scope: a region id or `all`.
    pub region: String,
    /// Only validated values count.
    pub validated_only: bool,
    /// "Your cluster ranks 4th of 50 in North."
    pub own_summary: Option<String>,
    /// The clusters, best first.
    pub entries: Vec<LeaderboardEntry>,
    /// The same ranking as a bar chart, with its table and downloads.
    pub chart: ChartSpec,
}
