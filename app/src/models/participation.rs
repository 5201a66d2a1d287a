//! A member's own participation in a period, as their portal page shows it.

use serde::{Deserialize, Serialize};

use crate::models::validation::Signal;

/// One participation metric for the member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipationMetric {
    /// The metric's key.
    pub metric: String,
    /// Its name.
    pub name: String,
    /// The member's number, formatted; empty without data.
    pub value_text: String,
    /// What was counted, e.g. "2 of 3".
    pub basis_text: Option<String>,
    /// The signal of the member's number.
    pub signal: Option<Signal>,
    /// The cluster's number, formatted; empty without data.
    pub cluster_text: String,
}

/// One event the member was invited to or attended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipationEvent {
    /// When, formatted for the reader.
    pub when: String,
    /// Its title.
    pub title: String,
    /// The kind, in words.
    pub kind: String,
    /// Attended, missed, cancelled…, in words.
    pub outcome: String,
    /// The member attended.
    pub attended: bool,
    /// The names of the metrics it counts in.
    pub counts_in: Vec<String>,
}

/// The participation page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyParticipation {
    /// The member's cluster, "C001 · Alpine Founders".
    pub cluster_label: String,
    /// The period's key.
    pub period: String,
    /// The periods with values, newest first within each grain.
    pub periods: Vec<String>,
    /// The member's metrics.
    pub metrics: Vec<ParticipationMetric>,
    /// The events, newest first.
    pub events: Vec<ParticipationEvent>,
    /// More events happened than the page lists.
    pub events_truncated: bool,
    /// Whose participation this is, when staff look at a member's (`None`: the reader's
    /// own).
    pub subject: Option<ParticipationSubject>,
}

/// The member staff are looking at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipationSubject {
    /// The member's id.
    pub member: i32,
    /// Their name.
    pub name: String,
    /// Their cluster's scorecard for the period, the step back up.
    pub cluster_href: String,
}
