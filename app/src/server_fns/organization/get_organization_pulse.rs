//! The organization's pulse: how every cluster value of a period stands, the clusters
//! most and least on track, and the quarterly trends of the key metrics.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::organization_pulse::{OrganizationPulse, PulseQuery},
};

/// How many clusters the top and bottom lists show.
#[cfg(feature = "ssr")]
const STANDINGS_SHOWN: usize = 5;

/// How many quarters the key metrics' trends show.
#[cfg(feature = "ssr")]
const QUARTERS_SHOWN: usize = 8;

/// How many key metrics the overview charts when the `overview_metrics` setting names none.
#[cfg(feature = "ssr")]
const KEY_METRICS: usize = 4;

/// The pulse for the query's period, or none before the first recompute (a fresh install
/// has no values, and its overview must still open). Staff only: it is the staff's
/// morning dashboard.
#[server(endpoint = "organization/pulse")]
pub async fn get_organization_pulse(
    query: PulseQuery,
) -> Result<Option<OrganizationPulse>, AppError> {
    use std::collections::{BTreeSet, HashMap};

    use domain::{
        entity::{cluster, setting},
        kpi_engine::KpiEngine,
        kpi_values::{KpiFilter, KpiValueRow, KpiValues},
        metric_catalogue::MetricCatalogue,
        sea_orm::EntityTrait,
    };
    use kpi::ScopeKind;

    use crate::{
        i18n::{Msg, share_on_track, t},
        models::{
            chart::{ChartDownload, query_value},
            organization_pulse::{ClusterStanding, KeyMetricTrend},
            scorecard::SignalCounts,
            validation::Signal,
        },
        server_fns::{
            period_choice::{PeriodChoice, resolve_period_if_any},
            scope_trend::{ScopeTrend, scope_trend},
        },
    };

    crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let kept = crate::auth::period_signals()?;
    let locale = crate::providers::locale::request_locale();
    let Some(PeriodChoice {
        key: period_key,
        period,
        periods,
    }) = resolve_period_if_any(&db, query.period).await?
    else {
        return Ok(None);
    };
    let counted = |row: &KpiValueRow| {
        if query.validated_only && !row.is_validated() {
            None
        } else {
            row.counted()
        }
    };
    let validated = if query.validated_only {
        "&validated=1"
    } else {
        ""
    };

    // Every cluster value of the period, tallied per cluster and in all.
    let signals = kept.of(&db, &period).await?;
    let mut total = SignalCounts::default();
    let mut per_cluster: HashMap<i32, SignalCounts> = HashMap::new();
    for value in signals.iter() {
        let signal = value
            .signal
            .filter(|_| value.validated || !query.validated_only);
        let tally = per_cluster.entry(value.cluster.0).or_default();
        for counts in [tally, &mut total] {
            match signal {
                Some(Signal::Green) => counts.green += 1,
                Some(Signal::Amber) => counts.amber += 1,
                Some(Signal::Red) => counts.red += 1,
                None => counts.none += 1,
            }
        }
    }

    // Clusters by their share of green among signalled values; fewer reds break ties.
    let clusters: HashMap<i32, cluster::Model> = cluster::Entity::find()
        .all(&db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let share = |c: &SignalCounts| {
        let signalled = c.green + c.amber + c.red;
        (signalled > 0).then(|| f64::from(c.green) / f64::from(signalled))
    };
    let mut ranked: Vec<(i32, SignalCounts, f64)> = per_cluster
        .iter()
        .filter_map(|(id, c)| Some((*id, *c, share(c)?)))
        .collect();
    ranked.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then(a.1.red.cmp(&b.1.red))
            .then(a.0.cmp(&b.0))
    });
    let standing = |(id, counts, share): &(i32, SignalCounts, f64)| {
        let label = clusters
            .get(id)
            .map_or_else(|| id.to_string(), |c| format!("{} · {}", c.code, c.name));
        ClusterStanding {
            label,
            href: format!(
                "/scorecard?cluster={id}&period={}{validated}",
                query_value(&period_key)
            ),
            counts: *counts,
            share_text: share_on_track(locale, *share),
        }
    };
    let top: Vec<ClusterStanding> = ranked.iter().take(STANDINGS_SHOWN).map(standing).collect();
    let bottom: Vec<ClusterStanding> = ranked
        .iter()
        .rev()
        .take(STANDINGS_SHOWN.min(ranked.len().saturating_sub(top.len())))
        .map(standing)
        .collect();

    // The key metrics: the `overview_metrics` setting (keys, comma-separated), else the
    // catalogue's first obligatory metrics.
    let catalogue: Vec<_> = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .filter(|m| m.row.retired_on.is_none())
        .collect();
    let chosen = setting::Entity::find_by_id("overview_metrics".to_owned())
        .one(&db)
        .await?
        .map(|s| s.value);
    let key_metrics: Vec<_> = match chosen {
        Some(keys) => keys
            .split(',')
            .filter_map(|key| catalogue.iter().find(|m| m.key.as_str() == key.trim()))
            .collect(),
        None => catalogue
            .iter()
            .filter(|m| m.row.obligatory)
            .take(KEY_METRICS)
            .collect(),
    };
    let organization_rows: Vec<KpiValueRow> = KpiValues::list(
        &db,
        &KpiFilter {
            scope_kind: Some(ScopeKind::Organization),
            grain: Some(kpi::Grain::Quarter),
            ..KpiFilter::default()
        },
    )
    .await?;
    let quarters: BTreeSet<&str> = organization_rows
        .iter()
        .filter(|row| counted(row).is_some())
        .filter(|row| key_metrics.iter().any(|m| m.key.as_str() == row.metric))
        .map(|row| row.period.as_str())
        .collect();
    let skip = quarters.len().saturating_sub(QUARTERS_SHOWN);
    let quarters: Vec<String> = quarters.into_iter().skip(skip).map(str::to_owned).collect();
    let fiscal_start = KpiEngine::fiscal_year_start(&db).await?;
    let organization = t(locale, Msg::NavOrganization);
    let trends = key_metrics
        .iter()
        .map(|metric| {
            let values: HashMap<String, f64> = organization_rows
                .iter()
                .filter(|row| row.metric == metric.key.as_str())
                .filter_map(|row| Some((row.period.clone(), counted(row)?)))
                .collect();
            let metric_query = query_value(metric.key.as_str());
            let link = |quarter: &str| {
                format!(
                    "/leaderboard?metric={metric_query}&period={}{validated}",
                    query_value(quarter)
                )
            };
            KeyMetricTrend {
                metric: metric.key.as_str().to_owned(),
                chart: scope_trend(ScopeTrend {
                    locale,
                    metric,
                    scope_name: organization,
                    title: metric.row.name.clone(),
                    periods: &quarters,
                    values: &values,
                    link: &link,
                    download: ChartDownload {
                        path: "/exports/charts/overview-trend".into(),
                        query: format!(
                            "metric={metric_query}&period={}{validated}",
                            query_value(&period_key)
                        ),
                    },
                    fiscal_start,
                }),
            }
        })
        .collect();

    Ok(Some(OrganizationPulse {
        period: period_key,
        periods,
        validated_only: query.validated_only,
        counts: total,
        top,
        bottom,
        trends,
    }))
}
