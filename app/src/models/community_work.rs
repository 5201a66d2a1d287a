//! Service projects and partnerships as the leader's page shows and records them.

use serde::{Deserialize, Serialize};

use crate::models::{ids::ClusterId, validation::Choice};

/// Which kind of community work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WorkKind {
    /// A community service project; it counts when completed.
    #[default]
    ServiceProject,
    /// A partnership with an outside organization; it counts while active.
    Partnership,
}

/// A recorded project or partnership.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkRow {
    /// Project or partnership.
    pub kind: WorkKind,
    /// Its id (unique within its kind).
    pub id: i32,
    /// The project's or partner's name.
    pub name: String,
    /// The first day, `YYYY-MM-DD` (the earliest end the form offers).
    pub started_on: String,
    /// The first day, formatted for the reader.
    pub started: String,
    /// The day it was completed or ends, formatted for the reader; `None` while ongoing.
    pub ended: Option<String>,
}

/// The community work page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommunityWorkPage {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub cluster_label: String,
    /// Clusters the reader may pick (staff only; empty otherwise).
    pub clusters: Vec<Choice>,
    /// Every project and partnership, ongoing first.
    pub items: Vec<WorkRow>,
    /// Today, `YYYY-MM-DD`.
    pub today: String,
}

/// A project or partnership as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkForm {
    /// The cluster.
    pub cluster: i32,
    /// Project or partnership.
    pub kind: WorkKind,
    /// The project's or partner's name.
    pub name: String,
    /// The first day, `YYYY-MM-DD`.
    pub started_on: String,
    /// The day it was completed or ends, `YYYY-MM-DD`; empty while ongoing.
    pub ended_on: String,
}
