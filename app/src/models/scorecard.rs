//! A cluster's scorecard as the page shows it: every metric with its number, signal,
//! target, what it takes to reach the next signal, comparisons and a trend.

use serde::{Deserialize, Serialize};

use crate::models::{
    chart::ChartSpec,
    ids::{ClusterId, RegionId},
    validation::{Choice, Signal},
};

/// What the scorecard page asks for; everything lives in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScorecardQuery {
    /// The cluster (staff: any; leaders and members: their own, the default).
    pub cluster: Option<i32>,
    /// The period key (the newest year with values when absent).
    pub period: Option<String>,
    /// Count only validated and overridden values.
    #[serde(default)]
    pub validated_only: bool,
    /// The metric whose trend is charted (the first with a number when absent).
    #[serde(default)]
    pub metric: Option<String>,
}

/// One point of a trend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// The period's key.
    pub period: String,
    /// The number that counts, if any.
    pub value: Option<f64>,
    /// The number formatted for the reader.
    pub text: String,
}

/// One metric's line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScorecardLine {
    /// The metric's key.
    pub metric: String,
    /// Its name.
    pub name: String,
    /// Obligatory (else chosen by the leader).
    pub obligatory: bool,
    /// The number, formatted; empty without data.
    pub value_text: String,
    /// The signal; `None` without data.
    pub signal: Option<Signal>,
    /// The stored status (computed, validated…), if a value is stored.
    pub status: Option<String>,
    /// The target, e.g. "≥ 80 %".
    pub target_text: String,
    /// The green threshold in the number's own scale (for the trend's target line).
    pub green: f64,
    /// What it takes to reach the next signal, e.g. "4 more to reach green".
    pub gap_text: Option<String>,
    /// The change against the period before, e.g. "+3.5 %"; `None` without both numbers.
    pub previous_change: Option<Change>,
    /// The change against the same period a year before.
    pub last_year_change: Option<Change>,
    /// The periods up to this one, oldest first.
    pub trend: Vec<TrendPoint>,
    /// Where staff see how the number came about.
    pub explain_href: Option<String>,
    /// The scorecard with this metric's trend charted.
    pub chart_href: String,
}

/// A change between two numbers, with whether it is for the better.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// "+3" or "-1.5 %".
    pub text: String,
    /// Better, worse or unchanged, by the metric's direction.
    pub trend: Direction,
}

/// Whether a change is good news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// For the better.
    Better,
    /// For the worse.
    Worse,
    /// No change.
    Same,
}

/// The metrics of one group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScorecardGroup {
    /// The group's key (cluster, cluster_leader, community).
    pub group: String,
    /// Its lines, in catalogue order.
    pub lines: Vec<ScorecardLine>,
}

/// One expected input's completeness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompletenessInput {
    /// self_reports, committee_calls or goals.
    pub input: String,
    /// "3 of 4".
    pub text: String,
}

/// How many lines have each signal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalCounts {
    /// Green lines.
    pub green: u32,
    /// Amber lines.
    pub amber: u32,
    /// Red lines.
    pub red: u32,
    /// Lines without data.
    pub none: u32,
}

/// The scorecard page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterScorecard {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub cluster_label: String,
    /// Its region.
    pub region: RegionId,
    /// The region's name.
    pub region_name: String,
    /// The period's key.
    pub period: String,
    /// The periods with values, newest first within each grain.
    pub periods: Vec<String>,
    /// Clusters the reader may open (staff only; empty otherwise).
    pub clusters: Vec<Choice>,
    /// Only validated values count.
    pub validated_only: bool,
    /// Signal counts over all lines.
    pub counts: SignalCounts,
    /// "Data 83 % complete"; `None` when nothing was expected.
    pub completeness: Option<String>,
    /// Per expected input.
    pub completeness_inputs: Vec<CompletenessInput>,
    /// The lines by group.
    pub groups: Vec<ScorecardGroup>,
    /// The metric whose trend is charted.
    pub charted_metric: Option<String>,
    /// That metric's trend as a chart, with its table and downloads.
    pub trend_chart: Option<ChartSpec>,
    /// That metric's value against its thresholds as a gauge.
    pub gauge_chart: Option<ChartSpec>,
    /// The cluster's profile across that metric's group, against its region and peers.
    pub profile_chart: Option<ChartSpec>,
    /// The cluster's members on the period's last day, each opening their participation
    /// (staff only: names are personal data; `None` for everyone else).
    pub members: Option<Vec<MemberLink>>,
}

/// A member, linked to their participation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberLink {
    /// "Ada Lovelace".
    pub name: String,
    /// `/member?id=…&period=…`.
    pub href: String,
}
