//! The staff queue of submitted self-reports.

use leptos::prelude::*;

use crate::{error::AppError, models::self_report::ReportQueue};

/// Reports on one page.
pub const PAGE_SIZE: u32 = 50;

/// One page of the reports waiting for staff, newest first, optionally of one region.
/// Staff only.
#[server(endpoint = "self-reports/queue")]
pub async fn get_report_queue(
    region: Option<i32>,
    page: Option<u32>,
) -> Result<ReportQueue, AppError> {
    use domain::{
        entity::region as region_entity, sea_orm::EntityTrait, self_reporting::SelfReporting,
    };
    use kpi::RegionId;

    use crate::models::{self_report::QueuedReportRow, validation::Choice};

    let user = crate::auth::require_staff()?;
    let listed = crate::auth::listed_regions(&user, region.map(RegionId))?;
    let db = crate::auth::database()?;
    let page = page.unwrap_or(0);
    let (queued, total) = SelfReporting::queue(
        &db,
        listed.as_deref(),
        u64::from(page),
        u64::from(PAGE_SIZE),
    )
    .await?;
    let rows = queued
        .into_iter()
        .map(|q| QueuedReportRow {
            id: q.report.id,
            member_name: q.member_name,
            cluster_name: q.cluster_name,
            month: q.report.report_month.format("%Y-%m").to_string(),
            kind: super::get_my_reports::ssr::kind(q.report.kind),
            hours: q.report.hours,
            description: q.report.description,
            submitted_on: q.report.submitted_on.map(|d| d.to_string()),
        })
        .collect();
    let regions = region_entity::Entity::find()
        .all(&db)
        .await?
        .into_iter()
        .filter(|r| user.covers_region(RegionId(r.id)))
        .map(|r| Choice {
            value: r.id.to_string(),
            label: r.name,
        })
        .collect();
    Ok(ReportQueue {
        region,
        regions,
        rows,
        page,
        page_size: PAGE_SIZE,
        total: u32::try_from(total).unwrap_or(u32::MAX),
    })
}
