//! Reading a cluster's plan for a year.

use leptos::prelude::*;

use crate::{error::AppError, models::plan::ClusterPlan};

/// The plan of `cluster` (a leader's own cluster when left out; staff: the first) for
/// fiscal `year` (the current one when left out). Staff may read any cluster's, a
/// leader only their own.
#[server(endpoint = "plan/get")]
pub async fn get_cluster_plan(
    cluster: Option<i32>,
    year: Option<i32>,
) -> Result<ClusterPlan, AppError> {
    use chrono::Datelike;
    use domain::{
        entity::cluster as cluster_entity,
        kpi_engine::KpiEngine,
        metric_targets::MetricTargets,
        sea_orm::{EntityTrait, QueryOrder},
    };
    use kpi::{ClusterId, Grain, Period, RegionId};

    use crate::{
        i18n::format_threshold,
        models::{plan::PlanRow, validation::Choice},
    };

    let user = crate::auth::require_user()?;
    if !user.role.is_staff() && user.role != crate::models::account::Role::Leader {
        return Err(AppError::Forbidden.respond());
    }
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let clusters: Vec<cluster_entity::Model> = cluster_entity::Entity::find()
        .order_by_asc(cluster_entity::Column::Code)
        .all(&db)
        .await?
        .into_iter()
        .filter(|c| {
            if user.role.is_staff() {
                user.covers_region(RegionId(c.region_id))
            } else {
                user.cluster == Some(ClusterId(c.id))
            }
        })
        .collect();
    let wanted = cluster
        .or(user.cluster.map(|c| c.0))
        .or(clusters.first().map(|c| c.id));
    let Some(id) = wanted else {
        return Err(AppError::NotFound.respond());
    };
    crate::auth::require_cluster(&user, &db, ClusterId(id)).await?;
    let Some(chosen) = clusters.iter().find(|c| c.id == id) else {
        return Err(AppError::NotFound.respond());
    };
    let fiscal_start = KpiEngine::fiscal_year_start(&db).await?;
    let today = chrono::Local::now().date_naive();
    let current = Period::containing(Grain::Year, today, fiscal_start)
        .first_day()
        .year();
    let year = year.unwrap_or(current);
    let plan = MetricTargets::plan(&db, ClusterId(id), year).await?;
    Ok(ClusterPlan {
        cluster: ClusterId(id),
        cluster_name: format!("{} · {}", chosen.code, chosen.name),
        year,
        clusters: clusters
            .iter()
            .map(|c| Choice {
                value: c.id.to_string(),
                label: format!("{} · {}", c.code, c.name),
            })
            .collect(),
        years: (current - 2..=current + 1).rev().collect(),
        min_optional: u32::try_from(plan.min_optional).unwrap_or(0),
        max_optional: u32::try_from(plan.max_optional).unwrap_or(u32::MAX),
        rows: plan
            .metrics
            .into_iter()
            .map(|m| PlanRow {
                default_green: format_threshold(locale, &m.unit, m.default.green()),
                default_amber: format_threshold(locale, &m.unit, m.default.amber()),
                green: m
                    .target
                    .map(|t| format_threshold(locale, &m.unit, t.green()))
                    .unwrap_or_default(),
                amber: m
                    .target
                    .map(|t| format_threshold(locale, &m.unit, t.amber()))
                    .unwrap_or_default(),
                metric: m.metric.to_string(),
                name: m.name,
                unit: m.unit,
                group: m.group,
                obligatory: m.obligatory,
                lower_is_better: m.direction == kpi::Direction::LowerIsBetter,
                selected: m.selected,
            })
            .collect(),
    })
}
