//! The validation queue: one page of cluster values of a period, filtered.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::validation::{QueueFilter, ValidationQueue},
};

/// Rows per page of the queue.
pub const PAGE_SIZE: u32 = 100;

/// Cluster values of the filter's period (the newest with values when none is given),
/// ordered by region, cluster and metric; staff only.
#[server(endpoint = "validation/queue")]
pub async fn get_validation_queue(filter: QueueFilter) -> Result<ValidationQueue, AppError> {
    let user = crate::auth::require_staff()?;
    let listed = crate::auth::listed_regions(&user, filter.region)?;
    let db = crate::auth::database()?;
    ssr::load(&db, filter, listed).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::{HashMap, HashSet};

    use domain::{
        entity::{cluster, region},
        kpi_completeness::KpiCompleteness,
        kpi_engine::KpiEngine,
        kpi_validation::KpiValidation,
        kpi_values::{ClusterTally, KpiFilter, KpiValues},
        metric_catalogue::MetricCatalogue,
        metric_editing::METRIC_GROUPS,
        sea_orm::{DatabaseConnection, EntityTrait},
    };
    use kpi::{Period, ScopeKind};

    use super::PAGE_SIZE;
    use crate::{
        error::AppError,
        models::{
            ids::{ClusterId, RegionId},
            validation::{Choice, QueueFilter, QueueRow, ValidationQueue, ValueStatus},
        },
    };

    /// The queue of `filter`, limited to the `listed` regions (`None`: every region).
    pub async fn load(
        db: &DatabaseConnection,
        mut filter: QueueFilter,
        listed: Option<Vec<RegionId>>,
    ) -> Result<ValidationQueue, AppError> {
        let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
        let periods = KpiValues::periods(db).await?;
        let period_key = match filter.period.clone().filter(|p| !p.is_empty()) {
            Some(key) => key,
            None => match periods.first() {
                Some(first) => first.clone(),
                None => return Ok(empty(filter, periods)),
            },
        };
        let period = Period::parse(&period_key, fiscal_start).map_err(|e| {
            AppError::Refused(vec![format!("period {period_key:?}: {e}")]).respond()
        })?;
        if filter
            .group
            .as_deref()
            .is_some_and(|g| !METRIC_GROUPS.contains(&g))
        {
            filter.group = None;
        }
        filter.period = Some(period.key());
        let (group, statuses) = (filter.group.clone(), filter.show.statuses());
        let selected = |clusters: Vec<kpi::ClusterId>| KpiFilter {
            period: Some(period),
            scope_kind: Some(ScopeKind::Cluster),
            group: group.clone(),
            statuses: statuses.clone(),
            clusters,
            ..KpiFilter::default()
        };
        let listed_region = |id: i32| listed.as_ref().is_none_or(|l| l.contains(&RegionId(id)));
        let regions: Vec<_> = region::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .filter(|r| listed_region(r.id))
            .collect();
        let region_names: HashMap<i32, String> =
            regions.iter().map(|r| (r.id, r.name.clone())).collect();
        // The clusters the queue may show, in its order: by region name, then code.
        let mut clusters: Vec<cluster::Model> = cluster::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .filter(|c| region_names.contains_key(&c.region_id))
            .filter(|c| filter.region.is_none_or(|r| r.0 == c.region_id))
            .collect();
        clusters.sort_by(|a, b| {
            (region_names.get(&a.region_id), &a.code, a.id).cmp(&(
                region_names.get(&b.region_id),
                &b.code,
                b.id,
            ))
        });
        // How many rows each cluster has, so only the page's clusters are read.
        let tallies: HashMap<i32, ClusterTally> =
            KpiValues::cluster_tallies(db, &selected(Vec::new()))
                .await?
                .into_iter()
                .map(|t| (t.cluster.0, t))
                .collect();
        let counted: Vec<(&cluster::Model, ClusterTally)> = clusters
            .iter()
            .filter_map(|c| Some((c, *tallies.get(&c.id)?)))
            .collect();
        let total: usize = counted.iter().map(|(_, t)| t.values as usize).sum();
        let awaiting: usize = counted.iter().map(|(_, t)| t.undecided as usize).sum();
        let pages = total.div_ceil(PAGE_SIZE as usize).max(1);
        filter.page = filter.page.min(u32::try_from(pages - 1).unwrap_or(0));
        let start = filter.page as usize * PAGE_SIZE as usize;
        let end = start + PAGE_SIZE as usize;
        // The clusters whose rows overlap the page, and where the page begins in the first.
        let mut page_clusters: Vec<kpi::ClusterId> = Vec::new();
        let mut skip = 0;
        let mut before = 0;
        for (cluster, tally) in &counted {
            let after = before + tally.values as usize;
            if after > start && before < end {
                if page_clusters.is_empty() {
                    skip = start - before;
                }
                page_clusters.push(kpi::ClusterId(cluster.id));
            }
            before = after;
        }
        let catalogue = MetricCatalogue::all(db).await?;
        let metric_order: HashMap<&str, usize> = catalogue
            .iter()
            .enumerate()
            .map(|(i, m)| (m.key.as_str(), i))
            .collect();
        let cluster_order: HashMap<i32, usize> = page_clusters
            .iter()
            .enumerate()
            .map(|(i, c)| (c.0, i))
            .collect();
        let mut rows = if page_clusters.is_empty() {
            Vec::new()
        } else {
            KpiValues::list(db, &selected(page_clusters.clone())).await?
        };
        rows.sort_by_key(|row| {
            (
                cluster_order.get(&row.scope_id).copied(),
                metric_order.get(row.metric.as_str()).copied(),
            )
        });
        // Completeness only of the clusters this page shows: it reads their facts alone.
        let completeness: HashMap<i32, Option<f64>> =
            KpiCompleteness::for_clusters(db, &period, Some(&page_clusters))
                .await?
                .into_iter()
                .map(|c| (c.cluster.0, c.share))
                .collect();
        let clusters: HashMap<i32, &cluster::Model> = clusters.iter().map(|c| (c.id, c)).collect();
        let metrics: HashMap<&str, (&str, &str)> = catalogue
            .iter()
            .map(|m| (m.key.as_str(), (m.row.name.as_str(), m.row.unit.as_str())))
            .collect();
        let page_rows = rows
            .into_iter()
            .skip(skip)
            .take(PAGE_SIZE as usize)
            .filter_map(|row| {
                let cluster = clusters.get(&row.scope_id)?;
                let (metric_name, unit) = metrics.get(row.metric.as_str()).copied()?;
                Some(QueueRow {
                    cluster: ClusterId(cluster.id),
                    cluster_name: format!("{} · {}", cluster.code, cluster.name),
                    region_name: region_names
                        .get(&cluster.region_id)
                        .cloned()
                        .unwrap_or_default(),
                    metric: kpi::MetricKey::parse(&row.metric).ok()?,
                    metric_name: metric_name.to_owned(),
                    unit: unit.to_owned(),
                    value: row.value,
                    numerator: row.numerator,
                    denominator: row.denominator,
                    status: ValueStatus::parse(&row.status)?,
                    decided_value: row.decided_value,
                    reason: row.decision_reason,
                    signal: row.signal,
                    completeness: completeness.get(&cluster.id).copied().flatten(),
                })
            })
            .collect();
        let closed: HashSet<String> = KpiValidation::closed_periods(db)
            .await?
            .into_iter()
            .collect();
        Ok(ValidationQueue {
            closed: closed.contains(&period_key_of(&filter)),
            filter,
            periods,
            regions: regions
                .into_iter()
                .map(|r| Choice {
                    value: r.id.to_string(),
                    label: r.name,
                })
                .collect(),
            groups: METRIC_GROUPS.iter().map(|g| (*g).to_owned()).collect(),
            awaiting: u32::try_from(awaiting).unwrap_or(u32::MAX),
            total: u32::try_from(total).unwrap_or(u32::MAX),
            page_size: PAGE_SIZE,
            rows: page_rows,
        })
    }

    fn period_key_of(filter: &QueueFilter) -> String {
        filter.period.clone().unwrap_or_default()
    }

    fn empty(filter: QueueFilter, periods: Vec<String>) -> ValidationQueue {
        ValidationQueue {
            filter,
            periods,
            regions: Vec::new(),
            groups: METRIC_GROUPS.iter().map(|g| (*g).to_owned()).collect(),
            closed: false,
            awaiting: 0,
            total: 0,
            page_size: PAGE_SIZE,
            rows: Vec::new(),
        }
    }
}
