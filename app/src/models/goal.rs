//! A cluster's goals as the leader's page shows and sets them.

use serde::{Deserialize, Serialize};

use crate::models::{ids::ClusterId, validation::Choice};

/// One goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalRow {
    /// The goal's id.
    pub id: i32,
    /// What the cluster sets out to do.
    pub title: String,
    /// The day it was recorded, formatted for the reader.
    pub recorded: String,
    /// Whether it was recorded by the deadline.
    pub on_time: bool,
    /// Whether it was achieved.
    pub achieved: bool,
}

/// The goals page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalsPage {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub cluster_label: String,
    /// Clusters the reader may pick (staff only; empty otherwise).
    pub clusters: Vec<Choice>,
    /// The fiscal year shown.
    pub year: i32,
    /// The fiscal years goals can be set for (the running one and the next).
    pub years: Vec<i32>,
    /// The year's goal-setting deadline, formatted for the reader.
    pub deadline: String,
    /// Whether the deadline has passed (a goal recorded now is late).
    pub deadline_passed: bool,
    /// The year's goals, in the order they were recorded.
    pub goals: Vec<GoalRow>,
}
