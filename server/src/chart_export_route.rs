//! `GET /exports/charts/{chart}.{csv|xlsx}`: the numbers behind a chart, as the reader saw
//! them. The page's own server function computes them, so the download has the screen's
//! filters, its role checks and its refusals, and cannot drift from what is on screen.

use std::collections::HashMap;

use app::{
    error::AppError,
    models::{
        chart::ChartSpec, leaderboard::LeaderboardQuery, metric_explorer::ExplorerQuery,
        organization_pulse::PulseQuery, region_view::RegionViewQuery, scorecard::ScorecardQuery,
    },
    server_fns::{
        explorer::get_metric_explorer::get_metric_explorer,
        organization::get_organization_pulse::get_organization_pulse,
        region::get_region_view::get_region_view,
        scorecard::{
            get_cluster_scorecard::get_cluster_scorecard, get_leaderboard::get_leaderboard,
        },
    },
};
use axum::{
    body::Body,
    extract::{Path, Query, State},
    http::{Request, StatusCode},
    response::{IntoResponse, Response},
};

use crate::page_function;
use crate::state::AppState;
use crate::table_file::{self, TableFormat};

/// The charts whose numbers can be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DownloadableChart {
    /// `/leaderboard`'s ranking bar.
    Leaderboard,
    /// `/scorecard`'s trend of the charted metric.
    ScorecardTrend,
    /// `/scorecard`'s gauge of the charted metric.
    ScorecardGauge,
    /// `/scorecard`'s radar of the cluster's profile.
    ScorecardProfile,
    /// `/region`'s heatmap of clusters × metrics.
    RegionHeatmap,
    /// `/explorer`'s heatmap of regions or clusters × periods.
    ExplorerHeatmap,
    /// `/explorer`'s trend of the scope.
    ExplorerTrend,
    /// The overview's quarterly trend of one key metric.
    OverviewTrend,
}

impl DownloadableChart {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "leaderboard" => Some(Self::Leaderboard),
            "scorecard-trend" => Some(Self::ScorecardTrend),
            "scorecard-gauge" => Some(Self::ScorecardGauge),
            "scorecard-profile" => Some(Self::ScorecardProfile),
            "region-heatmap" => Some(Self::RegionHeatmap),
            "explorer-heatmap" => Some(Self::ExplorerHeatmap),
            "explorer-trend" => Some(Self::ExplorerTrend),
            "overview-trend" => Some(Self::OverviewTrend),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Leaderboard => "leaderboard",
            Self::ScorecardTrend => "scorecard-trend",
            Self::ScorecardGauge => "scorecard-gauge",
            Self::ScorecardProfile => "scorecard-profile",
            Self::RegionHeatmap => "region-heatmap",
            Self::ExplorerHeatmap => "explorer-heatmap",
            Self::ExplorerTrend => "explorer-trend",
            Self::OverviewTrend => "overview-trend",
        }
    }
}

/// The download of one chart's numbers.
pub async fn chart_download(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    request: Request<Body>,
) -> Response {
    let Some((name, extension)) = file.rsplit_once('.') else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (Some(chart), Some(format)) = (
        DownloadableChart::parse(name),
        TableFormat::from_extension(extension),
    ) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (parts, _) = request.into_parts();
    let text = |key: &str| query.get(key).filter(|v| !v.is_empty()).cloned();
    let validated_only = query.get("validated").is_some_and(|v| v == "1");

    let spec: Result<Option<ChartSpec>, AppError> =
        page_function::call(parts, &state, || async move {
            match chart {
                DownloadableChart::Leaderboard => get_leaderboard(LeaderboardQuery {
                    metric: text("metric"),
                    period: text("period"),
                    region: text("region"),
                    validated_only,
                })
                .await
                .map(|board| Some(board.chart)),
                DownloadableChart::RegionHeatmap => get_region_view(RegionViewQuery {
                    region: text("region"),
                    period: text("period"),
                    group: text("group"),
                    validated_only,
                })
                .await
                .map(|view| Some(view.heatmap)),
                DownloadableChart::ExplorerHeatmap | DownloadableChart::ExplorerTrend => {
                    get_metric_explorer(ExplorerQuery {
                        metric: text("metric"),
                        grain: text("grain"),
                        region: text("region"),
                        validated_only,
                    })
                    .await
                    .map(|explorer| {
                        Some(if chart == DownloadableChart::ExplorerTrend {
                            explorer.trend
                        } else {
                            explorer.heatmap
                        })
                    })
                }
                DownloadableChart::OverviewTrend => {
                    let metric = text("metric");
                    get_organization_pulse(PulseQuery {
                        period: text("period"),
                        validated_only,
                    })
                    .await
                    .map(|pulse| {
                        pulse?
                            .trends
                            .into_iter()
                            .find(|trend| Some(&trend.metric) == metric.as_ref())
                            .map(|trend| trend.chart)
                    })
                }
                DownloadableChart::ScorecardTrend
                | DownloadableChart::ScorecardGauge
                | DownloadableChart::ScorecardProfile => {
                    let cluster = match text("cluster").map(|c| c.parse::<i32>()) {
                        Some(Ok(id)) => Some(id),
                        Some(Err(_)) => {
                            return Err(AppError::Refused(vec![
                                "cluster: not a cluster id".into(),
                            ]));
                        }
                        None => None,
                    };
                    get_cluster_scorecard(ScorecardQuery {
                        cluster,
                        period: text("period"),
                        validated_only,
                        metric: text("metric"),
                    })
                    .await
                    .map(|card| match chart {
                        DownloadableChart::ScorecardGauge => card.gauge_chart,
                        DownloadableChart::ScorecardProfile => card.profile_chart,
                        _ => card.trend_chart,
                    })
                }
            }
        })
        .await;
    let spec = match spec {
        Ok(Some(spec)) => spec,
        Ok(None) => return (StatusCode::NOT_FOUND, "no chart for this choice").into_response(),
        Err(error) => return page_function::refusal(&error),
    };
    table_file::attachment(&spec.table, format, sheet_name(&spec.title), chart.name())
}

/// A sheet name from a chart title: at most 31 characters and none of `[]:*?/\`, as
/// Excel requires.
fn sheet_name(title: &str) -> &str {
    let cut = title
        .char_indices()
        .find(|(i, c)| *i >= 31 || "[]:*?/\\".contains(*c))
        .map_or(title.len(), |(i, _)| i);
    let name = title[..cut].trim();
    if name.is_empty() { "Data" } else { name }
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_obey_excel() {
        assert_eq!(
            sheet_name("Forum attendance over time"),
            "Forum attendance over time"
        );
        assert_eq!(sheet_name("a/b"), "a");
        assert_eq!(sheet_name("[x]"), "Data");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
