//! The staff validation queue: cluster values of a period with their status and signal.

use serde::{Deserialize, Serialize};

use crate::models::ids::{ClusterId, RegionId};
pub use kpi::{MetricKey, Signal};

/// Where a value stands in validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValueStatus {
    /// Computed, not yet looked at.
    Computed,
    /// Decided before, then changed by a recompute: both numbers are kept.
    Stale,
    /// Accepted by staff.
    Validated,
    /// Refused by staff, with a reason.
    Rejected,
    /// Replaced by a corrected value, with a reason.
    Overridden,
    /// Does not count for this cluster and period, with a reason.
    NotApplicable,
}

impl ValueStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Computed => "computed",
            Self::Stale => "stale",
            Self::Validated => "validated",
            Self::Rejected => "rejected",
            Self::Overridden => "overridden",
            Self::NotApplicable => "not_applicable",
        }
    }

    /// The status of a stored name.
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Computed,
            Self::Stale,
            Self::Validated,
            Self::Rejected,
            Self::Overridden,
            Self::NotApplicable,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }

    /// Whether staff still have to decide on it.
    pub fn awaits_decision(self) -> bool {
        matches!(self, Self::Computed | Self::Stale)
    }
}

/// Which values the queue shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueueShow {
    /// Computed and stale values.
    #[default]
    Awaiting,
    /// Validated, rejected, overridden and not applicable values.
    Decided,
    /// Everything.
    All,
}

impl QueueShow {
    /// The URL word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Awaiting => "awaiting",
            Self::Decided => "decided",
            Self::All => "all",
        }
    }

    /// The stored statuses this choice shows; empty for all.
    pub fn statuses(self) -> Vec<String> {
        let names: &[&str] = match self {
            Self::Awaiting => &["computed", "stale"],
            Self::Decided => &["validated", "rejected", "overridden", "not_applicable"],
            Self::All => &[],
        };
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    /// From the URL word; awaiting for anything else.
    pub fn parse(text: &str) -> Self {
        match text {
            "decided" => Self::Decided,
            "all" => Self::All,
            _ => Self::Awaiting,
        }
    }
}

/// The queue's filters, as in the URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// A period key; the latest period with values when empty.
    pub period: Option<String>,
    /// One region.
    pub region: Option<RegionId>,
    /// One metric group.
    pub group: Option<String>,
    /// Which statuses.
    pub show: QueueShow,
    /// Page number, from 0.
    pub page: u32,
}

/// One cluster value in the queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueRow {
    /// Cluster.
    pub cluster: ClusterId,
    /// Cluster code and name.
    pub cluster_name: String,
    /// Region name.
    pub region_name: String,
    /// Metric.
    pub metric: MetricKey,
    /// Metric name.
    pub metric_name: String,
    /// Metric unit (percent, count, average, hours, money, boolean).
    pub unit: String,
    /// Computed value.
    pub value: Option<f64>,
    /// Numerator.
    pub numerator: Option<f64>,
    /// Denominator.
    pub denominator: Option<f64>,
    /// Status.
    pub status: ValueStatus,
    /// The value staff decided on.
    pub decided_value: Option<f64>,
    /// Why they decided so.
    pub reason: Option<String>,
    /// The signal of the value that counts.
    pub signal: Option<Signal>,
    /// Share of the cluster's expected inputs present for the period (`None`: none due).
    pub completeness: Option<f64>,
}

/// A choice in a filter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The value in the URL.
    pub value: String,
    /// What the user sees.
    pub label: String,
}

/// The queue page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValidationQueue {
    /// The filters as applied (the period resolved).
    pub filter: QueueFilter,
    /// Periods with values, newest first.
    pub periods: Vec<String>,
    /// Regions to choose from.
    pub regions: Vec<Choice>,
    /// Metric groups to choose from.
    pub groups: Vec<String>,
    /// Whether the period is closed.
    pub closed: bool,
    /// Values awaiting a decision in the selection (all pages).
    pub awaiting: u32,
    /// Values in the selection (all pages).
    pub total: u32,
    /// Rows per page.
    pub page_size: u32,
    /// This page's rows.
    pub rows: Vec<QueueRow>,
}

/// What staff decide on one value or a selection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DecisionKind {
    /// Accept.
    Validate,
    /// Refuse, with a reason.
    Reject,
    /// Replace with a corrected value, with a reason.
    Override,
    /// Does not apply, with a reason.
    NotApplicable,
    /// Back to undecided.
    Reopen,
}

/// A decision as the page sends it: one value (metric and cluster) or, in bulk, every value
/// awaiting a decision in a region or metric group for a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionRequest {
    /// The period key.
    pub period: String,
    /// What is decided.
    pub kind: DecisionKind,
    /// The metric (one value).
    pub metric: Option<String>,
    /// The region (bulk).
    pub region: Option<i32>,
    /// The cluster (one value).
    pub cluster: Option<i32>,
    /// The metric group (bulk).
    pub group: Option<String>,
    /// The corrected value, as typed, in the metric's display unit.
    pub value: Option<String>,
    /// Why (required for reject, override and not applicable).
    pub reason: Option<String>,
    /// Validate every awaiting value of the selection.
    pub bulk: bool,
}
