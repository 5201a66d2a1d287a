//! A cluster's board as the leader's page shows and changes it.

use serde::{Deserialize, Serialize};

use crate::models::{ids::ClusterId, validation::Choice};

/// A term on a seat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermRow {
    /// The term's id.
    pub id: i32,
    /// The holder's name.
    pub holder: String,
    /// The first day, `YYYY-MM-DD` (the earliest end the form offers).
    pub starts_on: String,
    /// The first day, formatted for the reader.
    pub starts: String,
    /// The last day, formatted for the reader; `None` while open-ended.
    pub ends: Option<String>,
    /// Whether it starts after today (agreed, not yet running).
    pub upcoming: bool,
    /// The successor's name, if one is named.
    pub successor: Option<String>,
}

/// A seat with its holder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeatRow {
    /// The seat's id.
    pub id: i32,
    /// "Treasurer".
    pub title: String,
    /// Whether its holder leads the cluster.
    pub leads: bool,
    /// The running (or next agreed) term; `None`: vacant.
    pub term: Option<TermRow>,
    /// Whether the seat has had terms (then it cannot be removed).
    pub has_history: bool,
}

/// The board page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardPage {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub cluster_label: String,
    /// Clusters the reader may pick (staff only; empty otherwise).
    pub clusters: Vec<Choice>,
    /// The seats, the leading one first.
    pub seats: Vec<SeatRow>,
    /// The cluster's members today, who may hold a seat or succeed.
    pub members: Vec<Choice>,
    /// Today, `YYYY-MM-DD`.
    pub today: String,
}
