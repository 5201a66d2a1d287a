//! Reading a region view: the region's clusters × one metric group's signals.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::region_view::{RegionView, RegionViewQuery},
};

/// The signals of every cluster of the query's region on the metrics of its group, for its
/// period, as a heatmap and per cluster. Staff only: it is a staff dashboard.
#[server(endpoint = "region/view")]
pub async fn get_region_view(query: RegionViewQuery) -> Result<RegionView, AppError> {
    use std::collections::HashMap;

    use domain::{
        entity::cluster,
        kpi_values::{KpiFilter, KpiValues},
        metric_catalogue::MetricCatalogue,
        sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder},
    };
    use kpi::{RegionId, ScopeKind};

    use crate::{
        charts::heatmap::{HeatCell, heatmap, height as heatmap_height, signal_words},
        i18n::{Msg, chart_tooltip, format_metric_value, heatmap_title, signal_word, t},
        models::{
            chart::{ChartDownload, ChartKind, ChartSpec, DataTable, TableCell, query_value},
            ids::ClusterId,
            region_view::RegionCluster,
            scorecard::SignalCounts,
            validation::{Choice, Signal},
        },
        pages::validation::queue::group_label,
        server_fns::{
            period_choice::{PeriodChoice, resolve_period},
            region_choice::{regions_by_name, requested_region},
        },
    };

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let refused = |what: String| AppError::Refused(vec![what]).respond();

    let (regions, others): (Vec<_>, Vec<_>) = regions_by_name(&db)
        .await?
        .into_iter()
        .partition(|r| user.covers_region(RegionId(r.id)));
    // A region outside the user's is refused as such, not as unknown.
    let asked: Option<i32> = query.region.as_deref().and_then(|r| r.parse().ok());
    if others.iter().any(|r| Some(r.id) == asked) {
        return Err(AppError::Forbidden.respond());
    }
    let chosen = match requested_region(&regions, query.region.as_deref())? {
        Some(region) => region,
        None => regions
            .first()
            .ok_or_else(|| AppError::NotFound.respond())?,
    };
    let group = query
        .group
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| "cluster".to_owned());
    let catalogue = MetricCatalogue::all(&db).await?;
    let groups: Vec<String> = catalogue.iter().fold(Vec::new(), |mut seen, m| {
        if !seen.contains(&m.row.group_key) {
            seen.push(m.row.group_key.clone());
        }
        seen
    });
    if !groups.contains(&group) {
        return Err(refused(format!(
            "group {group:?}: use one of {}",
            groups.join(", ")
        )));
    }
    let metrics: Vec<_> = catalogue
        .iter()
        .filter(|m| m.row.group_key == group && m.row.retired_on.is_none())
        .collect();
    let PeriodChoice {
        key: period_key,
        period,
        periods,
    } = resolve_period(&db, query.period).await?;
    let clusters = cluster::Entity::find()
        .filter(cluster::Column::RegionId.eq(chosen.id))
        .order_by_asc(cluster::Column::Code)
        .all(&db)
        .await?;
    let rows = KpiValues::list(
        &db,
        &KpiFilter {
            period: Some(period),
            scope_kind: Some(ScopeKind::Cluster),
            region: Some(RegionId(chosen.id)),
            group: Some(group.clone()),
            ..KpiFilter::default()
        },
    )
    .await?;
    let values: HashMap<(i32, &str), _> = rows
        .iter()
        .filter(|row| !query.validated_only || row.is_validated())
        .map(|row| ((row.scope_id, row.metric.as_str()), row))
        .collect();

    let mut cells = Vec::new();
    let mut links = Vec::new();
    let mut table_rows = Vec::with_capacity(clusters.len());
    let mut lines = Vec::with_capacity(clusters.len());
    let mut total = SignalCounts::default();
    let validated = if query.validated_only {
        "&validated=1"
    } else {
        ""
    };
    for (row_index, c) in clusters.iter().enumerate() {
        let label = format!("{} · {}", c.code, c.name);
        let mut counts = SignalCounts::default();
        let mut table_row = vec![TableCell::Text(label.clone())];
        for (column, metric) in metrics.iter().enumerate() {
            let stored = values.get(&(c.id, metric.key.as_str()));
            let value = stored.and_then(|row| row.counted());
            let signal = stored
                .and_then(|row| row.signal)
                .filter(|_| value.is_some());
            for tally in [&mut counts, &mut total] {
                match signal {
                    Some(Signal::Green) => tally.green += 1,
                    Some(Signal::Amber) => tally.amber += 1,
                    Some(Signal::Red) => tally.red += 1,
                    None => tally.none += 1,
                }
            }
            let text = value.map(|v| format_metric_value(locale, &metric.row.unit, v));
            table_row.push(TableCell::Number {
                value,
                text: match (&text, signal) {
                    (Some(text), Some(_)) => format!("{text} ({})", signal_word(locale, signal)),
                    (Some(text), None) => text.clone(),
                    (None, _) => String::new(),
                },
            });
            if let Some(signal) = signal {
                let what = format!("{} · {}", c.code, metric.row.name);
                let shown =
                    text.map(|text| format!("{text}, {}", signal_word(locale, Some(signal))));
                cells.push(HeatCell {
                    column,
                    row: row_index,
                    signal,
                    tooltip: chart_tooltip(locale, &what, shown.as_deref()),
                });
                links.push(Some(format!(
                    "/scorecard?cluster={}&period={}&metric={}{validated}#trend",
                    c.id,
                    query_value(&period_key),
                    query_value(metric.key.as_str())
                )));
            }
        }
        table_rows.push(table_row);
        lines.push(RegionCluster {
            cluster: ClusterId(c.id),
            label,
            counts,
            scorecard_href: format!(
                "/scorecard?cluster={}&period={}{validated}",
                c.id,
                query_value(&period_key)
            ),
        });
    }

    let words = signal_words(locale);
    let columns: Vec<String> = metrics.iter().map(|m| m.row.name.clone()).collect();
    let row_labels: Vec<String> = clusters.iter().map(|c| c.code.clone()).collect();
    let mut table_columns = vec![t(locale, Msg::ColumnCluster).to_owned()];
    table_columns.extend(columns.iter().cloned());
    let heatmap = ChartSpec {
        kind: ChartKind::Heatmap,
        title: heatmap_title(
            locale,
            group_label(locale, &group),
            &chosen.name,
            &period_key,
        ),
        option: heatmap(&columns, &row_labels, &cells, &words),
        links,
        height: Some(heatmap_height(clusters.len())),
        table: DataTable {
            columns: table_columns,
            rows: table_rows,
        },
        download: Some(ChartDownload {
            path: "/exports/charts/region-heatmap".into(),
            query: format!(
                "region={}&period={}&group={}{validated}",
                chosen.id,
                query_value(&period_key),
                query_value(&group)
            ),
        }),
    };
    Ok(RegionView {
        region: chosen.id.to_string(),
        region_name: chosen.name.clone(),
        regions: regions
            .iter()
            .map(|r| Choice {
                value: r.id.to_string(),
                label: r.name.clone(),
            })
            .collect(),
        period: period_key,
        periods,
        groups: groups
            .iter()
            .map(|g| Choice {
                value: g.clone(),
                label: group_label(locale, g).to_owned(),
            })
            .collect(),
        group,
        validated_only: query.validated_only,
        counts: total,
        clusters: lines,
        heatmap,
    })
}
