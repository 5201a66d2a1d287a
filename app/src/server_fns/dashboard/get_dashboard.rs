//! Opening a dashboard on a scope and period.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::dashboard::{DashboardQuery, DashboardView},
};

/// Dashboard `query.id` with its widgets, opened on the organization, a region or a
/// cluster (which decides the region) and a period (the newest when none is named), with
/// the choices of each for the page's filters. Staff only; a region or cluster outside a
/// region-limited user's regions is refused.
#[server(endpoint = "dashboards/get")]
pub async fn get_dashboard(query: DashboardQuery) -> Result<DashboardView, AppError> {
    use domain::{
        dashboards::{DashboardId, Dashboards},
        entity::cluster,
        metric_catalogue::MetricCatalogue,
        organization::OrganizationQuery,
        sea_orm::{ColumnTrait, EntityTrait, QueryFilter},
    };
    use kpi::{ClusterId, RegionId};

    use crate::{
        i18n::{Msg, t},
        models::validation::Choice,
        server_fns::{
            cluster_choice::cluster_choices_in,
            period_choice::resolve_period_if_any,
            region_choice::{regions_by_name, requested_region},
        },
    };

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let dashboard = match query.id {
        Some(id) => Dashboards::get(&db, DashboardId(id)).await?,
        None => None,
    }
    .ok_or_else(|| AppError::NotFound.respond())?;

    let regions: Vec<_> = regions_by_name(&db)
        .await?
        .into_iter()
        .filter(|r| user.covers_region(RegionId(r.id)))
        .collect();
    let cluster = match super::requested_cluster(query.cluster.as_deref())? {
        Some(id) => {
            crate::auth::require_cluster(&user, &db, ClusterId(id)).await?;
            cluster::Entity::find_by_id(id).one(&db).await?
        }
        None => None,
    };
    // A region chosen after a cluster (the filter form sends both) opens that region.
    let asked_region: Option<i32> = query.region.as_deref().and_then(|r| r.parse().ok());
    let cluster = cluster.filter(|c| asked_region.is_none_or(|r| r == c.region_id));
    let region = match &cluster {
        Some(c) => regions.iter().find(|r| r.id == c.region_id),
        None => requested_region(&regions, query.region.as_deref())?,
    };
    let organization_name = OrganizationQuery::name(&db).await?;
    let id = dashboard.id.0;
    let validated = if query.validated_only {
        "&validated=1"
    } else {
        ""
    };
    let period = resolve_period_if_any(&db, query.period).await?;
    let (period_key, periods) = match period {
        Some(p) => (p.key, p.periods),
        None => (String::new(), Vec::new()),
    };
    let period_query = crate::models::chart::query_value(&period_key);
    let scope_href =
        |scope: &str| format!("/dashboard?id={id}{scope}&period={period_query}{validated}");
    // The scopes above the one shown, each a link: the organization, then a cluster's region.
    let mut breadcrumb = Vec::new();
    if cluster.is_some() || region.is_some() {
        breadcrumb.push(Choice {
            value: scope_href(""),
            label: organization_name.clone(),
        });
    }
    let scope_name = match (&cluster, region) {
        (Some(c), region) => {
            if let Some(r) = region {
                breadcrumb.push(Choice {
                    value: scope_href(&format!("&region={}", r.id)),
                    label: r.name.clone(),
                });
            }
            format!("{} · {}", c.code, c.name)
        }
        (None, Some(r)) => r.name.clone(),
        (None, None) => organization_name,
    };

    let scorecard_href = cluster.as_ref().map(|c| {
        format!(
            "/scorecard?cluster={}&period={period_query}{validated}",
            c.id
        )
    });
    let clusters = cluster_choices_in(&db, &user, region.map(|r| r.id)).await?;
    let none = |msg| Choice {
        value: String::new(),
        label: t(locale, msg).to_owned(),
    };
    // The clusters widgets are pinned to, named whichever region the page shows.
    let mut pinned_ids: Vec<i32> = Vec::new();
    for widget in &dashboard.widgets {
        if let domain::dashboards::WidgetScope::Cluster(id) = widget.scope
            && !pinned_ids.contains(&id.0)
        {
            pinned_ids.push(id.0);
        }
    }
    let pinned_clusters: Vec<Choice> = if pinned_ids.is_empty() {
        Vec::new()
    } else {
        let found: std::collections::HashMap<i32, cluster::Model> = cluster::Entity::find()
            .filter(cluster::Column::Id.is_in(pinned_ids.iter().copied()))
            .all(&db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        // In the order the widgets name them.
        pinned_ids
            .iter()
            .filter_map(|id| found.get(id))
            .map(|c| Choice {
                value: crate::models::dashboard::WidgetScope::Cluster(ClusterId(c.id)).as_value(),
                label: format!("{} · {}", c.code, c.name),
            })
            .collect()
    };
    let metrics = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .filter(|m| m.row.retired_on.is_none())
        .map(|m| Choice {
            value: m.key.to_string(),
            label: m.row.name,
        })
        .collect();
    Ok(DashboardView {
        id,
        name: dashboard.name,
        shipped: dashboard.shipped_key.is_some(),
        widgets: dashboard.widgets.iter().map(super::shown_widget).collect(),
        metrics,
        regions: std::iter::once(none(Msg::DashboardWholeOrganization))
            .chain(regions.iter().map(|r| Choice {
                value: r.id.to_string(),
                label: r.name.clone(),
            }))
            .collect(),
        region: region.map(|r| r.id.to_string()).unwrap_or_default(),
        clusters: std::iter::once(none(Msg::DashboardNoCluster))
            .chain(clusters)
            .collect(),
        cluster: cluster.map(|c| c.id.to_string()).unwrap_or_default(),
        scope_name,
        breadcrumb,
        period: period_key,
        periods,
        validated_only: query.validated_only,
        scorecard_href,
        pinned_clusters,
    })
}
