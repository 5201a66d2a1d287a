//! A cluster's profile as a radar: its metrics of one group on the way-to-green scale,
//! beside the region's median and the median of clusters of similar size.

use domain::cluster_profile::ClusterProfile;
use kpi::ClusterId;

use crate::{
    charts::radar::{RadarLine, radar},
    i18n::{Locale, Msg, format_metric_value, profile_title, t},
    models::chart::{ChartDownload, ChartKind, ChartSpec, DataTable, TableCell, query_value},
    pages::validation::queue::group_label,
};

/// What the profile chart is drawn from.
pub struct ProfileChart<'a> {
    /// The reader's locale.
    pub locale: Locale,
    /// The profile.
    pub profile: &'a ClusterProfile,
    /// The cluster's code, the radar's own line.
    pub cluster_code: &'a str,
    /// The cluster.
    pub cluster: ClusterId,
    /// The metric group.
    pub group: &'a str,
    /// The period's key.
    pub period_key: &'a str,
    /// The charted metric, kept in the download's query.
    pub metric: &'a str,
    /// Only validated values count.
    pub validated_only: bool,
}

/// The radar and its table (the numbers in their own units).
pub fn profile_chart(input: ProfileChart<'_>) -> ChartSpec {
    let ProfileChart {
        locale,
        profile,
        cluster_code,
        cluster,
        group,
        period_key,
        metric,
        validated_only,
    } = input;
    let axes: Vec<String> = profile.axes.iter().map(|a| a.name.clone()).collect();
    let line = |name: String,
                pick: fn(&domain::cluster_profile::ProfileAxis) -> Option<f64>,
                colour,
                filled| RadarLine {
        name,
        scores: profile.axes.iter().map(|a| a.score(pick(a))).collect(),
        colour,
        filled,
    };
    let lines = [
        line(cluster_code.to_owned(), |a| a.own, "--brand-primary", true),
        line(
            t(locale, Msg::RegionMedian).to_owned(),
            |a| a.region_median,
            "--brand-accent",
            false,
        ),
        line(
            t(locale, Msg::PeerMedian).to_owned(),
            |a| a.peer_median,
            "--color-text-muted",
            false,
        ),
    ];
    let cell = |unit: &str, value: Option<f64>| TableCell::Number {
        value,
        text: value
            .map(|v| format_metric_value(locale, unit, v))
            .unwrap_or_default(),
    };
    let rows = profile
        .axes
        .iter()
        .map(|a| {
            vec![
                TableCell::Text(a.name.clone()),
                cell(&a.unit, a.own),
                cell(&a.unit, a.region_median),
                cell(&a.unit, a.peer_median),
            ]
        })
        .collect();
    let validated = if validated_only { "&validated=1" } else { "" };
    ChartSpec {
        kind: ChartKind::Radar,
        title: profile_title(locale, group_label(locale, group), profile.peers),
        option: radar(&axes, &lines),
        links: Vec::new(),
        height: Some(420),
        table: DataTable {
            columns: vec![
                t(locale, Msg::ColumnMetric).to_owned(),
                t(locale, Msg::ColumnThisCluster).to_owned(),
                t(locale, Msg::RegionMedian).to_owned(),
                t(locale, Msg::PeerMedian).to_owned(),
            ],
            rows,
        },
        download: Some(ChartDownload {
            path: "/exports/charts/scorecard-profile".into(),
            query: format!(
                "cluster={}&period={}&metric={}{validated}",
                cluster.0,
                query_value(period_key),
                query_value(metric)
            ),
        }),
    }
}
