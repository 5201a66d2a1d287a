//! Inter-cluster programs as the host leader's page shows and records them.

use serde::{Deserialize, Serialize};

use crate::models::{ids::ClusterId, validation::Choice};

/// Whether a program is still to come, took place or was called off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProgramStatus {
    /// Still to come.
    #[default]
    Planned,
    /// It took place (only then it counts).
    Held,
    /// Called off.
    Cancelled,
}

/// A hosted program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramRow {
    /// The event's id.
    pub id: i32,
    /// Its title.
    pub title: String,
    /// When it starts, formatted for the reader.
    pub starts: String,
    /// Planned, held or cancelled.
    pub status: ProgramStatus,
    /// Attendances recorded (they come with the attendance imports).
    pub attendances: u64,
    /// Whether it has started (only then it can be marked held).
    pub started: bool,
}

/// The programs page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramsPage {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub cluster_label: String,
    /// Clusters the reader may pick (staff only; empty otherwise).
    pub clusters: Vec<Choice>,
    /// The newest programs.
    pub programs: Vec<ProgramRow>,
    /// Now, `YYYY-MM-DDTHH:MM`, for the form.
    pub now: String,
}

/// A program as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgramForm {
    /// The hosting cluster.
    pub cluster: i32,
    /// Its title.
    pub title: String,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The start, `HH:MM`.
    pub start: String,
    /// Planned, held or cancelled.
    pub status: ProgramStatus,
}
