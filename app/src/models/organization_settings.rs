//! The organization-wide settings an admin keeps in the app.

use serde::{Deserialize, Serialize};

/// How many optional metrics a cluster selects per year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionLimitsForm {
    /// The fewest a cluster must select.
    pub min: u32,
    /// The most a cluster may select.
    pub max: u32,
}

/// The settings page's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationSettings {
    /// The limits now.
    pub limits: SelectionLimitsForm,
    /// How many optional metrics are active (the most a limit can be).
    pub optional_metrics: u32,
}
