//! What the fact planners look rows up by: clusters by code, members by number, and who has
//! ever been a member of which cluster, read once per file, with the refusals every kind
//! gives for a code or number the organization does not have.

use std::collections::{HashMap, HashSet};

use sea_orm::{ConnectionTrait, EntityTrait};

use crate::DomainError;
use crate::entity::{cluster, member, membership};

/// Clusters, members and memberships as a planner checks a file against them.
pub(crate) struct FactDirectory {
    clusters: HashMap<String, i32>,
    members: HashMap<String, i32>,
    belongs: HashSet<(i32, i32)>,
}

impl FactDirectory {
    /// The clusters only, for kinds that name no member.
    pub async fn clusters<C: ConnectionTrait>(db: &C) -> Result<Self, DomainError> {
        Ok(Self {
            clusters: cluster::Entity::find()
                .all(db)
                .await?
                .into_iter()
                .map(|c| (c.code, c.id))
                .collect(),
            members: HashMap::new(),
            belongs: HashSet::new(),
        })
    }

    /// The clusters, the members and who has ever been a member of which cluster.
    pub async fn people<C: ConnectionTrait>(db: &C) -> Result<Self, DomainError> {
        let mut directory = Self::clusters(db).await?;
        directory.members = member::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.member_number, m.id))
            .collect();
        directory.belongs = membership::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.member_id, m.cluster_id))
            .collect();
        Ok(directory)
    }

    /// The cluster with `code`, or why there is none.
    pub fn cluster(&self, code: &str) -> Result<i32, &'static str> {
        if code.is_empty() {
            return Err("required");
        }
        self.clusters
            .get(code)
            .copied()
            .ok_or("no cluster has this code")
    }

    /// Whether `member` has ever been a member of `cluster`.
    pub fn belongs(&self, member: i32, cluster: i32) -> bool {
        self.belongs.contains(&(member, cluster))
    }

    /// The number of member `id` (empty when unknown): rare, for naming a member in a
    /// problem, so it searches rather than keeping a second map.
    pub fn number_of(&self, id: i32) -> String {
        self.members
            .iter()
            .find(|(_, member)| **member == id)
            .map(|(number, _)| number.clone())
            .unwrap_or_default()
    }

    /// The member with `number`, once a member of `cluster` when that is known, or why
    /// not.
    pub fn member_of(&self, number: &str, cluster: Option<i32>) -> Result<i32, &'static str> {
        if number.is_empty() {
            return Err("required");
        }
        let member = self
            .members
            .get(number)
            .copied()
            .ok_or("no member has this number: import the member first")?;
        match cluster {
            Some(cluster) if !self.belongs(member, cluster) => {
                Err("has never been a member of this cluster")
            }
            _ => Ok(member),
        }
    }
}
