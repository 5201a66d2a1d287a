//! Reading a leaderboard: clusters ranked by one metric.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::leaderboard::{Leaderboard, LeaderboardQuery},
};

/// The clusters of the query's region (or the organization) ranked by its metric for its
/// period. Every signed-in user may read cluster aggregates; the reader's own cluster is
/// marked, and scorecard links go only where the reader may follow.
#[server(endpoint = "leaderboard/get")]
pub async fn get_leaderboard(query: LeaderboardQuery) -> Result<Leaderboard, AppError> {
    use domain::{
        cluster_ranking::ClusterRanking,
        cluster_scorecard::ValueBasis,
        entity::region,
        metric_catalogue::MetricCatalogue,
        sea_orm::{EntityTrait, QueryOrder},
    };
    use kpi::{MetricKey, RegionId};

    use crate::server_fns::period_choice::{PeriodChoice, resolve_period};
    use crate::{
        i18n::{Msg, format_metric_value, own_rank, t},
        models::{leaderboard::LeaderboardEntry, validation::Choice},
    };

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let refused = |what: String| AppError::Refused(vec![what]).respond();

    let own = crate::auth::own_cluster(&db, &user).await?;

    let catalogue: Vec<_> = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .filter(|m| m.row.retired_on.is_none())
        .collect();
    let metric = match query.metric.filter(|m| !m.is_empty()) {
        Some(text) => {
            MetricKey::parse(&text).map_err(|e| refused(format!("metric {text:?}: {e}")))?
        }
        None => catalogue
            .iter()
            .find(|m| m.row.obligatory)
            .map(|m| m.key.clone())
            .ok_or_else(|| AppError::NotFound.respond())?,
    };
    let Some(chosen) = catalogue.iter().find(|m| m.key == metric) else {
        return Err(refused(format!("there is no metric {metric}")));
    };

    let PeriodChoice {
        key: period_key,
        period,
        periods,
    } = resolve_period(&db, query.period).await?;

    let regions = region::Entity::find()
        .order_by_asc(region::Column::Name)
        .all(&db)
        .await?;
    let scope = match query.region.as_deref() {
        Some("all") | Some("") => None,
        Some(text) => {
            let id: i32 = text
                .parse()
                .map_err(|_| refused(format!("region {text:?} is not a region")))?;
            if !regions.iter().any(|r| r.id == id) {
                return Err(AppError::NotFound.respond());
            }
            Some(RegionId(id))
        }
        None => own.map(|(_, region)| region),
    };
    let basis = if query.validated_only {
        ValueBasis::ValidatedOnly
    } else {
        ValueBasis::All
    };
    let ranking = ClusterRanking::rank(&db, &metric, period, scope, basis).await?;

    let largest = ranking
        .clusters
        .iter()
        .filter_map(|c| c.value)
        .map(f64::abs)
        .fold(0.0, f64::max);
    let ranked = ranking.clusters.iter().filter(|c| c.rank.is_some()).count();
    let scope_name = scope
        .and_then(|s| regions.iter().find(|r| r.id == s.0))
        .map_or_else(
            || t(locale, Msg::TheOrganization).to_owned(),
            |r| r.name.clone(),
        );
    let own_summary = own.and_then(|(cluster, _)| {
        let entry = ranking.clusters.iter().find(|c| c.cluster == cluster)?;
        Some(own_rank(locale, entry.rank, ranked, &scope_name))
    });
    let staff = user.role.is_staff();
    // Where a reader may follow each cluster, for the rows and the bars alike: staff to
    // any scorecard, others to their own cluster's only.
    let scorecard_links: Vec<Option<String>> = ranking
        .clusters
        .iter()
        .map(|c| {
            if staff {
                Some(format!(
                    "/scorecard?cluster={}&period={period_key}",
                    c.cluster.0
                ))
            } else if own.is_some_and(|(cluster, _)| cluster == c.cluster) {
                Some(format!("/scorecard?period={period_key}"))
            } else {
                None
            }
        })
        .collect();
    let thresholds = domain::kpi_values::for_period(chosen.thresholds, &chosen.row.unit, &period);
    let chart = ranking_chart(RankingChart {
        locale,
        ranking: &ranking,
        metric_name: &chosen.row.name,
        period_key: &period_key,
        own: own.map(|(cluster, _)| cluster),
        thresholds,
        links: scorecard_links.clone(),
        download_query: download_query(&metric, &period_key, scope, query.validated_only),
    });
    let entries = ranking
        .clusters
        .into_iter()
        .zip(scorecard_links)
        .map(|(c, scorecard_href)| {
            let mine = own.is_some_and(|(cluster, _)| cluster == c.cluster);
            LeaderboardEntry {
                rank: c.rank,
                label: format!("{} · {}", c.code, c.name),
                region_name: c.region_name,
                value_text: c
                    .value
                    .map(|v| format_metric_value(locale, &ranking.unit, v))
                    .unwrap_or_default(),
                signal: c.signal,
                bar: match c.value {
                    Some(v) if largest > 0.0 => (v.abs() / largest).clamp(0.0, 1.0),
                    _ => 0.0,
                },
                own: mine,
                scorecard_href,
                cluster: c.cluster,
            }
        })
        .collect();

    let mut region_choices = vec![Choice {
        value: "all".into(),
        label: t(locale, Msg::WholeOrganization).into(),
    }];
    region_choices.extend(regions.iter().map(|r| Choice {
        value: r.id.to_string(),
        label: r.name.clone(),
    }));
    Ok(Leaderboard {
        metric: metric.to_string(),
        metric_name: chosen.row.name.clone(),
        period: period_key,
        periods,
        metrics: catalogue
            .iter()
            .map(|m| Choice {
                value: m.key.to_string(),
                label: m.row.name.clone(),
            })
            .collect(),
        regions: region_choices,
        region: scope.map_or_else(|| "all".to_owned(), |r| r.0.to_string()),
        validated_only: query.validated_only,
        own_summary,
        entries,
        chart,
    })
}

/// What the ranking chart is drawn from.
#[cfg(feature = "ssr")]
struct RankingChart<'a> {
    locale: crate::i18n::Locale,
    ranking: &'a domain::cluster_ranking::Ranking,
    metric_name: &'a str,
    period_key: &'a str,
    own: Option<kpi::ClusterId>,
    thresholds: kpi::Thresholds,
    /// Where a click on each bar leads, as the rows link.
    links: Vec<Option<String>>,
    download_query: String,
}

/// The ranking as a bar chart: best first, the reader's cluster highlighted, the green
/// threshold as a line; a click follows the bar's link (the cluster's scorecard where
/// the reader may open it).
#[cfg(feature = "ssr")]
fn ranking_chart(input: RankingChart<'_>) -> crate::models::chart::ChartSpec {
    use crate::charts::{
        chart_value,
        ranking_bar::{RankedBar, TargetLine, ranking_bar},
    };
    use crate::i18n::{
        Msg, chart_tooltip, format_metric_value, green_at, ranking_title, signal_word, t,
    };
    use crate::models::chart::{ChartDownload, ChartKind, ChartSpec, DataTable, TableCell};

    let RankingChart {
        locale,
        ranking,
        metric_name,
        period_key,
        own,
        thresholds,
        links,
        download_query,
    } = input;
    let unit = ranking.unit.as_str();
    let mut bars = Vec::with_capacity(ranking.clusters.len());
    let mut rows = Vec::with_capacity(ranking.clusters.len());
    for c in &ranking.clusters {
        let name = format!("{} · {}", c.code, c.name);
        let text = c.value.map(|v| format_metric_value(locale, unit, v));
        let mine = own == Some(c.cluster);
        bars.push(RankedBar {
            label: c.code.clone(),
            tooltip: chart_tooltip(locale, &name, text.as_deref()),
            value: c.value.map(|v| chart_value(unit, v)),
            highlighted: mine,
        });
        rows.push(vec![
            TableCell::Number {
                value: c.rank.map(f64::from),
                text: c.rank.map(|r| r.to_string()).unwrap_or_else(|| "–".into()),
            },
            TableCell::Text(name),
            TableCell::Text(c.region_name.clone()),
            TableCell::Number {
                value: c.value,
                text: text.unwrap_or_default(),
            },
            TableCell::Text(signal_word(locale, c.signal).to_owned()),
        ]);
    }
    let higher = thresholds.direction() == kpi::Direction::HigherIsBetter;
    let target = TargetLine {
        value: chart_value(unit, thresholds.green()),
        label: green_at(
            locale,
            higher,
            &format_metric_value(locale, unit, thresholds.green()),
        ),
    };
    ChartSpec {
        kind: ChartKind::Ranking,
        title: ranking_title(locale, metric_name, period_key),
        option: ranking_bar(&bars, Some(&target)),
        links,
        height: None,
        table: DataTable {
            columns: [
                Msg::ColumnRank,
                Msg::ColumnCluster,
                Msg::ColumnRegion,
                Msg::ColumnValue,
                Msg::ColumnSignal,
            ]
            .into_iter()
            .map(|m| t(locale, m).to_owned())
            .collect(),
            rows,
        },
        download: Some(ChartDownload {
            path: "/exports/charts/leaderboard".into(),
            query: download_query,
        }),
    }
}

/// The leaderboard's query string, for its downloads.
#[cfg(feature = "ssr")]
fn download_query(
    metric: &kpi::MetricKey,
    period_key: &str,
    scope: Option<kpi::RegionId>,
    validated_only: bool,
) -> String {
    use crate::models::chart::query_value;
    let region = scope.map_or_else(|| "all".to_owned(), |r| r.0.to_string());
    let mut query = format!(
        "metric={}&period={}&region={region}",
        query_value(metric.as_str()),
        query_value(period_key)
    );
    if validated_only {
        query.push_str("&validated=1");
    }
    query
}
