//! Reading the metric explorer: one metric over every region (or every cluster of one
//! region) and the periods of one grain.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::metric_explorer::{ExplorerQuery, MetricExplorer},
};

/// How many periods of a grain the explorer shows, newest last: three years of quarters,
/// a year of months, every year.
#[cfg(feature = "ssr")]
fn periods_shown(grain: &str) -> usize {
    match grain {
        "quarter" => 12,
        "month" => 12,
        _ => usize::MAX,
    }
}

/// The metric's signals for each row and period as a heatmap (a click opens the region,
/// or the cluster's scorecard with this metric's trend), and the scope's own value over
/// the same periods with the green band. Staff only: it is a staff dashboard.
#[server(endpoint = "explorer/get")]
pub async fn get_metric_explorer(query: ExplorerQuery) -> Result<MetricExplorer, AppError> {
    use std::collections::{BTreeSet, HashMap};

    use domain::{
        entity::cluster,
        kpi_engine::KpiEngine,
        kpi_values::{KpiFilter, KpiValues},
        metric_catalogue::MetricCatalogue,
        sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder},
    };
    use kpi::{Grain, ScopeKind};

    use crate::{
        charts::heatmap::{HeatCell, heatmap, height as heatmap_height, signal_words},
        i18n::{
            Msg, chart_tooltip, explorer_heatmap_title, explorer_trend_title, format_metric_value,
            signal_word, t,
        },
        models::{
            chart::{ChartDownload, ChartKind, ChartSpec, DataTable, TableCell, query_value},
            validation::Choice,
        },
        server_fns::{
            region_choice::{regions_by_name, requested_region},
            scope_trend::{ScopeTrend, scope_trend},
        },
    };

    crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let refused = |what: String| AppError::Refused(vec![what]).respond();

    let catalogue: Vec<_> = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .filter(|m| m.row.retired_on.is_none())
        .collect();
    let metric = match query.metric.as_deref().filter(|m| !m.is_empty()) {
        Some(key) => catalogue
            .iter()
            .find(|m| m.key.as_str() == key)
            .ok_or_else(|| refused(format!("metric {key:?} is not in the catalogue")))?,
        None => catalogue
            .first()
            .ok_or_else(|| AppError::NotFound.respond())?,
    };
    let grain = query
        .grain
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| "quarter".to_owned());
    if !["year", "quarter", "month"].contains(&grain.as_str()) {
        return Err(refused(format!(
            "periods {grain:?}: use year, quarter or month"
        )));
    }
    let regions = regions_by_name(&db).await?;
    let chosen = requested_region(&regions, query.region.as_deref())?;
    let grain_of = match grain.as_str() {
        "year" => Grain::Year,
        "month" => Grain::Month,
        _ => Grain::Quarter,
    };
    // The grain's periods by key: with them the metric's own index finds each value
    // (metric, period, scope) directly instead of walking the metric's every value (27,000
    // on the demo; 20-30 ms, against about 1 ms).
    let fiscal_start = KpiEngine::fiscal_year_start(&db).await?;
    let grain_periods: Vec<kpi::Period> = KpiValues::periods(&db)
        .await?
        .iter()
        .filter_map(|key| kpi::Period::parse(key, fiscal_start).ok())
        .filter(|period| period.grain() == grain_of)
        .collect();
    // The chosen region's clusters by id (a region filter's subquery would make the
    // planner walk every metric of each cluster), or every region, of the metric and grain.
    let filter = |scope_kind: ScopeKind, clusters: Vec<kpi::ClusterId>| KpiFilter {
        scope_kind: Some(scope_kind),
        metric: Some(metric.key.clone()),
        grain: Some(grain_of),
        periods: grain_periods.clone(),
        clusters,
        ..KpiFilter::default()
    };
    let (row_kind, trend_kind) = match chosen {
        Some(_) => (ScopeKind::Cluster, ScopeKind::Region),
        None => (ScopeKind::Region, ScopeKind::Organization),
    };
    let counted = |row: &domain::kpi_values::KpiValueRow| {
        if query.validated_only && !row.is_validated() {
            None
        } else {
            row.counted()
        }
    };
    // The chosen region's clusters by code: the heatmap's rows.
    let region_clusters: Option<Vec<cluster::Model>> = match chosen {
        Some(region) => Some(
            cluster::Entity::find()
                .filter(cluster::Column::RegionId.eq(region.id))
                .order_by_asc(cluster::Column::Code)
                .all(&db)
                .await?,
        ),
        None => None,
    };
    let rows: Vec<_> = match &region_clusters {
        // A region without clusters has no rows (an empty list would mean every cluster).
        Some(clusters) if clusters.is_empty() => Vec::new(),
        Some(clusters) => {
            let ids = clusters.iter().map(|c| kpi::ClusterId(c.id)).collect();
            KpiValues::list(&db, &filter(row_kind, ids)).await?
        }
        None => KpiValues::list(&db, &filter(row_kind, Vec::new())).await?,
    };
    let trend_rows: Vec<_> = KpiValues::list(&db, &filter(trend_kind, Vec::new()))
        .await?
        .into_iter()
        .filter(|row| chosen.is_none_or(|region| row.scope_id == region.id))
        .collect();

    // The newest periods of the grain that have a number, oldest first.
    let all_periods: BTreeSet<&str> = rows
        .iter()
        .chain(&trend_rows)
        .filter(|row| counted(row).is_some())
        .map(|row| row.period.as_str())
        .collect();
    let skip = all_periods.len().saturating_sub(periods_shown(&grain));
    let periods: Vec<String> = all_periods
        .into_iter()
        .skip(skip)
        .map(str::to_owned)
        .collect();
    let column_of: HashMap<&str, usize> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();

    // The rows: a region's clusters by code, or the regions by name.
    let row_scopes: Vec<(i32, String, String)> = match &region_clusters {
        Some(clusters) => clusters
            .iter()
            .map(|c| (c.id, c.code.clone(), format!("{} · {}", c.code, c.name)))
            .collect(),
        None => regions
            .iter()
            // Codes on the chart's axis leave a phone room for the cells.
            .map(|r| (r.id, r.code.clone(), r.name.clone()))
            .collect(),
    };
    let by_scope: HashMap<(i32, &str), &domain::kpi_values::KpiValueRow> = rows
        .iter()
        .map(|row| ((row.scope_id, row.period.as_str()), row))
        .collect();

    let unit = metric.row.unit.as_str();
    let metric_query = query_value(metric.key.as_str());
    let validated = if query.validated_only {
        "&validated=1"
    } else {
        ""
    };
    let mut cells = Vec::new();
    let mut links = Vec::new();
    let mut table_rows = Vec::with_capacity(row_scopes.len());
    for (row_index, (id, _, label)) in row_scopes.iter().enumerate() {
        let mut table_row = vec![TableCell::Text(label.clone())];
        for period in &periods {
            let stored = by_scope.get(&(*id, period.as_str()));
            let value = stored.and_then(|row| counted(row));
            let signal = stored
                .and_then(|row| row.signal)
                .filter(|_| value.is_some());
            let text = value.map(|v| format_metric_value(locale, unit, v));
            table_row.push(TableCell::Number {
                value,
                text: match (&text, signal) {
                    (Some(text), Some(_)) => format!("{text} ({})", signal_word(locale, signal)),
                    (Some(text), None) => text.clone(),
                    (None, _) => String::new(),
                },
            });
            if let (Some(signal), Some(column)) = (signal, column_of.get(period.as_str())) {
                let what = format!("{label} · {period}");
                let shown =
                    text.map(|text| format!("{text}, {}", signal_word(locale, Some(signal))));
                cells.push(HeatCell {
                    column: *column,
                    row: row_index,
                    signal,
                    tooltip: chart_tooltip(locale, &what, shown.as_deref()),
                });
                links.push(Some(match chosen {
                    Some(_) => format!(
                        "/scorecard?cluster={id}&period={}&metric={metric_query}{validated}#trend",
                        query_value(period)
                    ),
                    None => format!(
                        "/explorer?metric={metric_query}&grain={grain}&region={id}{validated}"
                    ),
                }));
            }
        }
        table_rows.push(table_row);
    }

    let words = signal_words(locale);
    let row_labels: Vec<String> = row_scopes
        .iter()
        .map(|(_, short, _)| short.clone())
        .collect();
    let first_column = if chosen.is_some() {
        Msg::ColumnCluster
    } else {
        Msg::ColumnRegion
    };
    let mut table_columns = vec![t(locale, first_column).to_owned()];
    table_columns.extend(periods.iter().cloned());
    let download_query = format!(
        "metric={metric_query}&grain={grain}&region={}{validated}",
        chosen.map(|r| r.id.to_string()).unwrap_or_default()
    );
    let region_name = chosen.map(|r| r.name.clone());
    let heatmap = ChartSpec {
        kind: ChartKind::Heatmap,
        title: explorer_heatmap_title(locale, &metric.row.name, region_name.as_deref()),
        option: heatmap(&periods, &row_labels, &cells, &words),
        links,
        height: Some(heatmap_height(row_scopes.len())),
        table: DataTable {
            columns: table_columns,
            rows: table_rows,
        },
        download: Some(ChartDownload {
            path: "/exports/charts/explorer-heatmap".into(),
            query: download_query.clone(),
        }),
    };

    // The scope's own line, with the green band of this grain (counts pro-rated).
    let scope_name = region_name
        .clone()
        .unwrap_or_else(|| t(locale, Msg::NavOrganization).to_owned());
    let trend_values: HashMap<String, f64> = trend_rows
        .iter()
        .filter_map(|row| Some((row.period.clone(), counted(row)?)))
        .collect();
    let trend_link = |period: &str| match chosen {
        Some(region) => format!(
            "/region?region={}&period={}&group={}{validated}",
            region.id,
            query_value(period),
            query_value(&metric.row.group_key)
        ),
        None => format!(
            "/leaderboard?metric={metric_query}&period={}{validated}",
            query_value(period)
        ),
    };
    let trend = scope_trend(ScopeTrend {
        locale,
        metric,
        scope_name: &scope_name,
        title: explorer_trend_title(locale, &metric.row.name, &scope_name),
        periods: &periods,
        values: &trend_values,
        link: &trend_link,
        download: ChartDownload {
            path: "/exports/charts/explorer-trend".into(),
            query: download_query,
        },
        fiscal_start,
    });

    let grains = [
        ("year", Msg::GrainYears),
        ("quarter", Msg::GrainQuarters),
        ("month", Msg::GrainMonths),
    ]
    .into_iter()
    .map(|(value, label)| Choice {
        value: value.to_owned(),
        label: t(locale, label).to_owned(),
    })
    .collect();
    let mut region_choices = vec![Choice {
        value: String::new(),
        label: t(locale, Msg::AllRegionsChoice).to_owned(),
    }];
    region_choices.extend(regions.iter().map(|r| Choice {
        value: r.id.to_string(),
        label: r.name.clone(),
    }));
    Ok(MetricExplorer {
        metric: metric.key.as_str().to_owned(),
        metric_name: metric.row.name.clone(),
        description: metric.row.description.clone(),
        metrics: catalogue
            .iter()
            .map(|m| Choice {
                value: m.key.as_str().to_owned(),
                label: m.row.name.clone(),
            })
            .collect(),
        grain,
        grains,
        region: chosen.map(|r| r.id.to_string()).unwrap_or_default(),
        region_name,
        regions: region_choices,
        validated_only: query.validated_only,
        heatmap,
        trend,
    })
}
