//! Reading the organization's structure: regions, clusters, their members and leaders.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait, FromQueryResult};

use crate::{
    DomainError,
    entity::{cluster, setting},
    sql::statement,
};

/// A member of a cluster on a day.
#[derive(Clone, Debug, PartialEq, Eq, FromQueryResult)]
pub struct ClusterMember {
    /// The member's id.
    pub member_id: i32,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
}

/// A cluster's size on a day, with its region: what peer groups are made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, FromQueryResult)]
pub struct ClusterSize {
    /// The cluster's id.
    pub cluster_id: i32,
    /// Its region's id.
    pub region_id: i32,
    /// Distinct members whose membership covers the day.
    pub member_count: i64,
}

/// One cluster as the organization overview shows it, on a given day.
#[derive(Clone, Debug, PartialEq, Eq, FromQueryResult)]
pub struct ClusterSummary {
    /// The cluster's id.
    pub cluster_id: i32,
    /// The cluster's stable code.
    pub code: String,
    /// The cluster's name.
    pub name: String,
    /// The city the cluster meets in.
    pub city: String,
    /// The day the cluster was founded.
    pub founded_on: NaiveDate,
    /// The cluster's region.
    pub region_id: i32,
    /// The region's stable code.
    pub region_code: String,
    /// The region's name.
    pub region_name: String,
    /// Members whose membership in this cluster is active on the day.
    pub member_count: i64,
    /// The holder of the cluster's leader seat on the day, if any.
    pub leader: Option<String>,
}

/// Read-only queries over the organization's structure.
pub struct OrganizationQuery;

impl OrganizationQuery {
    /// Every cluster with its region, active member count and leader on `on`, ordered by
    /// region and cluster name. One statement for all clusters.
    #[tracing::instrument(skip(db), err)]
    pub async fn clusters_on<C: ConnectionTrait>(
        db: &C,
        on: NaiveDate,
    ) -> Result<Vec<ClusterSummary>, DomainError> {
        let sql = "
            WITH active AS (
                SELECT cluster_id, COUNT(DISTINCT member_id) AS member_count
                FROM memberships
                WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                GROUP BY cluster_id
            ),
            leaders AS (
                SELECT bs.cluster_id, m.first_name || ' ' || m.last_name AS leader,
                       ROW_NUMBER() OVER (PARTITION BY bs.cluster_id ORDER BY bt.start_date DESC) AS rn
                FROM board_terms bt
                JOIN board_seats bs ON bs.id = bt.board_seat_id
                JOIN members m ON m.id = bt.member_id
                WHERE bs.is_leader = ? AND bt.start_date <= ?
                  AND (bt.end_date IS NULL OR bt.end_date >= ?)
            )
            SELECT c.id AS cluster_id, c.code, c.name, c.city, c.founded_on,
                   r.id AS region_id, r.code AS region_code, r.name AS region_name,
                   COALESCE(a.member_count, 0) AS member_count, l.leader
            FROM clusters c
            JOIN regions r ON r.id = c.region_id
            LEFT JOIN active a ON a.cluster_id = c.id
            LEFT JOIN leaders l ON l.cluster_id = c.id AND l.rn = 1
            ORDER BY r.name, c.name, c.id";
        let values = [on.into(), on.into(), true.into(), on.into(), on.into()];
        let stmt = statement(db.get_database_backend(), sql, values);
        Ok(ClusterSummary::find_by_statement(stmt).all(db).await?)
    }

    /// Every cluster's member count on `on`, with its region: one grouped pass over the
    /// memberships, without the names and leaders `clusters_on` adds.
    #[tracing::instrument(skip(db), err)]
    pub async fn cluster_sizes_on<C: ConnectionTrait>(
        db: &C,
        on: NaiveDate,
    ) -> Result<Vec<ClusterSize>, DomainError> {
        let sql = "
            SELECT c.id AS cluster_id, c.region_id, COALESCE(a.member_count, 0) AS member_count
            FROM clusters c
            LEFT JOIN (
                SELECT cluster_id, COUNT(DISTINCT member_id) AS member_count
                FROM memberships
                WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                GROUP BY cluster_id
            ) a ON a.cluster_id = c.id
            ORDER BY c.id";
        let stmt = statement(db.get_database_backend(), sql, [on.into(), on.into()]);
        Ok(ClusterSize::find_by_statement(stmt).all(db).await?)
    }

    /// The members of `cluster` on `on` (a membership covering the day), by last and first
    /// name: for staff drilling from a cluster to its members.
    #[tracing::instrument(skip(db), err)]
    pub async fn members_of<C: ConnectionTrait>(
        db: &C,
        cluster: i32,
        on: NaiveDate,
    ) -> Result<Vec<ClusterMember>, DomainError> {
        let sql = "
            SELECT DISTINCT m.id AS member_id, m.first_name, m.last_name
            FROM memberships ms
            JOIN members m ON m.id = ms.member_id
            WHERE ms.cluster_id = ? AND ms.start_date <= ?
              AND (ms.end_date IS NULL OR ms.end_date >= ?)
            ORDER BY m.last_name, m.first_name, m.id";
        let values = [cluster.into(), on.into(), on.into()];
        let stmt = statement(db.get_database_backend(), sql, values);
        Ok(ClusterMember::find_by_statement(stmt).all(db).await?)
    }

    /// The organization's name from the settings ("Your organization" until one is set).
    #[tracing::instrument(skip(db), err)]
    pub async fn name<C: ConnectionTrait>(db: &C) -> Result<String, DomainError> {
        let setting = setting::Entity::find_by_id("organization_name".to_owned())
            .one(db)
            .await?;
        Ok(setting.map_or_else(|| "Your organization".to_owned(), |s| s.value))
    }

    /// Whether any cluster exists yet.
    pub async fn has_clusters<C: ConnectionTrait>(db: &C) -> Result<bool, DomainError> {
        Ok(cluster::Entity::find().one(db).await?.is_some())
    }
}
