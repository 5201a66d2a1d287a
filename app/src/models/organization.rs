//! The organization overview: regions with their clusters, member counts and leaders.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ClusterId, RegionId};

/// One cluster on the overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterRow {
    /// Its id.
    pub id: ClusterId,
    /// Its stable code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The city it meets in.
    pub city: String,
    /// Members active on the overview's day.
    pub member_count: u32,
    /// The leader on the overview's day, if the seat is filled.
    pub leader: Option<String>,
}

impl ClusterRow {
    /// What a search looks in: name, city, code and leader, lower-cased.
    pub fn search_text(&self) -> String {
        let leader = self.leader.as_deref().unwrap_or_default();
        format!("{} {} {} {leader}", self.name, self.city, self.code).to_lowercase()
    }
}

/// One region with its clusters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionGroup {
    /// Its id.
    pub id: RegionId,
    /// Its stable code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its clusters, by name.
    pub clusters: Vec<ClusterRow>,
}

impl RegionGroup {
    /// Members of all its clusters.
    pub fn member_count(&self) -> u32 {
        self.clusters.iter().map(|c| c.member_count).sum()
    }
}

/// The whole organization on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationOverview {
    /// The organization's name.
    pub organization_name: String,
    /// The day the counts are for.
    pub as_of: NaiveDate,
    /// Regions by name.
    pub regions: Vec<RegionGroup>,
}

impl OrganizationOverview {
    /// Clusters in all regions.
    pub fn cluster_count(&self) -> usize {
        self.regions.iter().map(|r| r.clusters.len()).sum()
    }

    /// Members in all regions.
    pub fn member_count(&self) -> u32 {
        self.regions.iter().map(RegionGroup::member_count).sum()
    }
}
