//! Committee calls as the leader's page shows and records them.

use serde::{Deserialize, Serialize};

use crate::models::{ids::ClusterId, validation::Choice};

/// A committee and who sits on it today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    /// The committee's id.
    pub committee: i32,
    /// Its name.
    pub name: String,
    /// Its members: id and name.
    pub members: Vec<Choice>,
}

/// A recorded call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallRow {
    /// The committee's name.
    pub committee: String,
    /// When, formatted for the reader.
    pub when: String,
    /// Held, else cancelled.
    pub held: bool,
    /// "3 of 4 joined, 2 on time".
    pub summary: String,
}

/// The committee-calls page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitteeCallsPage {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub cluster_label: String,
    /// Clusters the reader may pick (staff only; empty otherwise).
    pub clusters: Vec<Choice>,
    /// The cluster's committees with today's members.
    pub rosters: Vec<Roster>,
    /// The newest calls.
    pub calls: Vec<CallRow>,
    /// Today, `YYYY-MM-DD`, the latest day the form offers.
    pub today: String,
}

/// One member's attendance as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttendeeForm {
    /// The member's id.
    pub member: i32,
    /// When they joined, `HH:MM`; empty when not recorded.
    pub joined: String,
}

/// A call as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CallForm {
    /// The cluster.
    pub cluster: i32,
    /// The committee's id.
    pub committee: i32,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The start, `HH:MM`.
    pub start: String,
    /// Held, else cancelled.
    pub held: bool,
    /// Who joined.
    #[serde(default)]
    pub attendees: Vec<AttendeeForm>,
}
