//! Award applications as the leader's page shows and records them.

use serde::{Deserialize, Serialize};

use crate::models::{ids::ClusterId, validation::Choice};

/// A recorded application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AwardRow {
    /// The application's id (to decide or remove it).
    pub id: i32,
    /// The award's name.
    pub award: String,
    /// The day submitted, formatted for the reader.
    pub submitted: String,
    /// Who applied: a member's name, or the cluster in words.
    pub applicant: String,
    /// pending, won or lost.
    pub outcome: String,
}

/// The awards page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AwardsPage {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub cluster_label: String,
    /// Clusters the reader may pick (staff only; empty otherwise).
    pub clusters: Vec<Choice>,
    /// The cluster's members today, who may apply in their own name.
    pub members: Vec<Choice>,
    /// The newest applications.
    pub applications: Vec<AwardRow>,
    /// Today, `YYYY-MM-DD`, the latest day the form offers.
    pub today: String,
}

/// An application as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AwardForm {
    /// The cluster.
    pub cluster: i32,
    /// The award's name.
    pub award: String,
    /// The day submitted, `YYYY-MM-DD`.
    pub submitted_on: String,
    /// The member who applied, as an id; empty when the cluster applied.
    pub member: String,
}
