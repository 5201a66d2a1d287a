//! The organization overview: regions, clusters, member counts and leaders, as of today.

use leptos::prelude::*;

use crate::{error::AppError, models::organization::OrganizationOverview};

/// Loads every region with its clusters, their active members and leaders today.
#[server(endpoint = "organization/overview")]
pub async fn get_organization_overview() -> Result<OrganizationOverview, AppError> {
    use domain::organization::OrganizationQuery;

    crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let today = chrono::Local::now().date_naive();
    let clusters = OrganizationQuery::clusters_on(&db, today).await?;
    let organization_name = OrganizationQuery::name(&db).await?;
    Ok(ssr::group_by_region(organization_name, today, clusters))
}

#[cfg(feature = "ssr")]
mod ssr {
    use chrono::NaiveDate;
    use domain::organization::ClusterSummary;

    use crate::models::{
        ids::{ClusterId, RegionId},
        organization::{ClusterRow, OrganizationOverview, RegionGroup},
    };

    /// Groups rows ordered by region into regions.
    pub fn group_by_region(
        organization_name: String,
        as_of: NaiveDate,
        rows: Vec<ClusterSummary>,
    ) -> OrganizationOverview {
        let mut regions: Vec<RegionGroup> = Vec::new();
        for row in rows {
            let cluster = ClusterRow {
                id: ClusterId(row.cluster_id),
                code: row.code,
                name: row.name,
                city: row.city,
                member_count: u32::try_from(row.member_count).unwrap_or(u32::MAX),
                leader: row.leader,
            };
            match regions.last_mut() {
                Some(region) if region.id == RegionId(row.region_id) => {
                    region.clusters.push(cluster)
                }
                _ => regions.push(RegionGroup {
                    id: RegionId(row.region_id),
                    code: row.region_code,
                    name: row.region_name,
                    clusters: vec![cluster],
                }),
            }
        }
        OrganizationOverview {
            organization_name,
            as_of,
            regions,
        }
    }
}
