//! One widget's chart, drawn from the same server functions as the staff pages, so a
//! widget shows exactly what the explorer, region view, scorecard or leaderboard shows.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::dashboard::{WidgetOutcome, WidgetQuery},
};

/// The chart of `query.widget` at its scope and period (the dashboard's, or those the
/// widget is pinned to: a scope, a period, or the period before or a year before):
/// - trend: the cluster's line (its scorecard), or the region's or organization's over
///   the periods of the period's grain (the metric explorer);
/// - ranking: the clusters of the region (or of the cluster's region, or all) by the
///   metric (the leaderboard);
/// - gauge and radar: the cluster's value against its thresholds and its profile across
///   the metric's group (the scorecard), when a cluster is chosen;
/// - heatmap: the regions by period (the explorer) for the organization, the region's
///   clusters by the metrics of the group (the region view) for a region or cluster.
///
/// Staff only, as every function it draws on checks.
#[server(endpoint = "dashboards/widget")]
pub async fn get_widget_chart(query: WidgetQuery) -> Result<WidgetOutcome, AppError> {
    use domain::{entity::cluster, metric_catalogue::MetricCatalogue, sea_orm::EntityTrait};

    use crate::{
        models::{
            chart::ChartKind, dashboard::WidgetScope, leaderboard::LeaderboardQuery,
            metric_explorer::ExplorerQuery, region_view::RegionViewQuery,
            scorecard::ScorecardQuery,
        },
        server_fns::{
            explorer::get_metric_explorer::get_metric_explorer,
            region::get_region_view::get_region_view,
            scorecard::{
                get_cluster_scorecard::get_cluster_scorecard, get_leaderboard::get_leaderboard,
            },
        },
    };

    crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let WidgetQuery {
        dashboard,
        widget,
        region,
        cluster: cluster_text,
        period,
        validated_only,
    } = query;
    // A pinned widget looks at its own scope and period instead of the dashboard's.
    let (region, cluster_text) = match widget.scope {
        WidgetScope::Dashboard => (region, cluster_text),
        WidgetScope::Organization => (None, None),
        WidgetScope::Region(id) => (Some(id.to_string()), None),
        WidgetScope::Cluster(id) => (None, Some(id.to_string())),
    };
    let fiscal_start = domain::kpi_engine::KpiEngine::fiscal_year_start(&db).await?;
    let period = ssr::pinned_period(fiscal_start, &widget.period, period)?;
    let metric = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .find(|m| m.key.as_str() == widget.metric && m.row.retired_on.is_none())
        .ok_or_else(|| {
            AppError::Refused(vec![format!(
                "metric {:?} is not in the catalogue",
                widget.metric
            )])
            .respond()
        })?;
    let cluster = super::requested_cluster(cluster_text.as_deref())?;
    // A cluster decides the region.
    let region = match cluster {
        Some(id) => cluster::Entity::find_by_id(id)
            .one(&db)
            .await?
            .map(|c| c.region_id.to_string()),
        None => region.filter(|r| !r.is_empty()),
    };
    let period = Some(period).filter(|p| !p.is_empty());
    // The explorer's periods are those of the chosen period's grain.
    let grain = match period.as_deref() {
        Some(key) => {
            let parsed = kpi::Period::parse(key, fiscal_start)
                .map_err(|e| AppError::Refused(vec![format!("period {key:?}: {e}")]).respond())?;
            Some(parsed.grain().as_str())
        }
        None => None,
    };
    let scorecard = |cluster: i32| {
        get_cluster_scorecard(ScorecardQuery {
            cluster: Some(cluster),
            period: period.clone(),
            validated_only,
            metric: Some(widget.metric.clone()),
        })
    };
    let explorer = || {
        get_metric_explorer(ExplorerQuery {
            metric: Some(widget.metric.clone()),
            grain: grain.map(str::to_owned),
            region: region.clone(),
            validated_only,
        })
    };
    let chart = match (widget.chart, cluster) {
        (ChartKind::Trend, Some(cluster)) => {
            let card = scorecard(cluster).await?;
            card.trend_chart
                .filter(|_| card.charted_metric.as_deref() == Some(widget.metric.as_str()))
        }
        (ChartKind::Trend, None) => Some(explorer().await?.trend),
        (ChartKind::Ranking, _) => Some(
            get_leaderboard(LeaderboardQuery {
                metric: Some(widget.metric.clone()),
                period: period.clone(),
                region: region.clone(),
                validated_only,
            })
            .await?
            .chart,
        ),
        (ChartKind::Gauge | ChartKind::Radar, None) => return Ok(WidgetOutcome::NeedsCluster),
        (ChartKind::Gauge, Some(cluster)) => {
            let card = scorecard(cluster).await?;
            card.gauge_chart
                .filter(|_| card.charted_metric.as_deref() == Some(widget.metric.as_str()))
        }
        (ChartKind::Radar, Some(cluster)) => {
            let card = scorecard(cluster).await?;
            card.profile_chart
                .filter(|_| card.charted_metric.as_deref() == Some(widget.metric.as_str()))
        }
        (ChartKind::Heatmap, _) if region.is_none() => Some(explorer().await?.heatmap),
        (ChartKind::Heatmap, _) => Some(
            get_region_view(RegionViewQuery {
                region: region.clone(),
                period: period.clone(),
                group: Some(metric.row.group_key.clone()),
                validated_only,
            })
            .await?
            .heatmap,
        ),
    };
    let current_period = period.unwrap_or_default();
    Ok(chart.map_or(WidgetOutcome::NotTracked, |mut spec| {
        spec.links = spec
            .links
            .into_iter()
            .map(|link| link.map(|l| drill_within(l, dashboard, &current_period, validated_only)))
            .collect();
        WidgetOutcome::Chart(spec)
    }))
}

/// Where a click on a widget's chart leads: the same dashboard on the cluster, region or
/// period the mirrored page's link names (the period shown when it names none), so
/// drilling down stays on the dashboard and its breadcrumb leads back; a link naming none
/// of them stays as it is.
#[cfg(feature = "ssr")]
fn drill_within(link: String, dashboard: i32, period: &str, validated_only: bool) -> String {
    let query = link.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or_default();
    let mut scope = String::new();
    let mut named_period = false;
    for (key, value) in query.split('&').filter_map(|pair| pair.split_once('=')) {
        if matches!(key, "cluster" | "region" | "period") && !value.is_empty() {
            named_period |= key == "period";
            scope.push_str(&format!("&{key}={value}"));
        }
    }
    if scope.is_empty() {
        return link;
    }
    if !named_period && !period.is_empty() {
        scope.push_str(&format!(
            "&period={}",
            crate::models::chart::query_value(period)
        ));
    }
    let validated = if validated_only { "&validated=1" } else { "" };
    format!("/dashboard?id={dashboard}{scope}{validated}")
}

#[cfg(feature = "ssr")]
mod ssr {
    use kpi::FiscalYearStart;

    use crate::{error::AppError, models::dashboard::WidgetPeriod};

    /// The key of the period a widget pinned by `pin` shows on a dashboard showing
    /// `shown` (empty for the newest, which stays so for the relative pins).
    pub fn pinned_period(
        fiscal_start: FiscalYearStart,
        pin: &WidgetPeriod,
        shown: String,
    ) -> Result<String, AppError> {
        let shift: fn(&kpi::Period) -> kpi::Period = match pin {
            WidgetPeriod::Dashboard => return Ok(shown),
            WidgetPeriod::Fixed(key) => return Ok(key.clone()),
            WidgetPeriod::Previous => kpi::Period::previous,
            WidgetPeriod::YearEarlier => kpi::Period::same_period_last_year,
        };
        if shown.is_empty() {
            return Ok(shown);
        }
        let period = kpi::Period::parse(&shown, fiscal_start)
            .map_err(|e| AppError::Refused(vec![format!("period {shown:?}: {e}")]).respond())?;
        Ok(shift(&period).key())
    }
}
