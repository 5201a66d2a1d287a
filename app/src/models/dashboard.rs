//! Dashboards staff build: the list, one dashboard with its widgets and the scope and
//! period it is opened with, and what one widget draws.

use serde::{Deserialize, Serialize};

use crate::models::{
    chart::{ChartKind, ChartSpec},
    ids::{ClusterId, RegionId},
    validation::Choice,
};

/// How much of the dashboard's width a widget takes; on a phone every widget is full.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WidgetWidth {
    /// A third.
    Third,
    /// A half.
    Half,
    /// The whole width.
    Full,
}

impl WidgetWidth {
    /// Every width, narrowest first.
    pub const ALL: [Self; 3] = [Self::Third, Self::Half, Self::Full];

    /// A stable name for CSS hooks, forms and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Third => "third",
            Self::Half => "half",
            Self::Full => "full",
        }
    }

    /// The width named `name` ([`WidgetWidth::as_str`]).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.as_str() == name)
    }
}

/// Where a widget looks: the dashboard's scope, or one scope it is pinned to. Sent and
/// kept as its text ([`WidgetScope::as_value`]), so forms and URLs carry it as one field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum WidgetScope {
    /// Whatever the dashboard is opened on.
    #[default]
    Dashboard,
    /// The whole organization.
    Organization,
    /// One region.
    Region(RegionId),
    /// One cluster.
    Cluster(ClusterId),
}

impl WidgetScope {
    /// Its text: "", "organization", "region:ID" or "cluster:ID".
    pub fn as_value(self) -> String {
        match self {
            Self::Dashboard => String::new(),
            Self::Organization => "organization".to_owned(),
            Self::Region(id) => format!("region:{id}"),
            Self::Cluster(id) => format!("cluster:{id}"),
        }
    }

    /// The scope named by `value` ([`WidgetScope::as_value`]).
    pub fn parse(value: &str) -> Option<Self> {
        let id = |text: &str| text.parse::<i32>().ok();
        match value.split_once(':') {
            None if value.is_empty() => Some(Self::Dashboard),
            None if value == "organization" => Some(Self::Organization),
            Some(("region", text)) => id(text).map(|id| Self::Region(RegionId(id))),
            Some(("cluster", text)) => id(text).map(|id| Self::Cluster(ClusterId(id))),
            _ => None,
        }
    }
}

impl From<WidgetScope> for String {
    fn from(scope: WidgetScope) -> Self {
        scope.as_value()
    }
}

impl TryFrom<String> for WidgetScope {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or_else(|| format!("{value:?} is not a scope"))
    }
}

/// Which period a widget shows: the dashboard's, one relative to it (to compare), or one
/// period it is pinned to. Sent and kept as its text ([`WidgetPeriod::as_value`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum WidgetPeriod {
    /// Whatever the dashboard is opened on.
    #[default]
    Dashboard,
    /// The period before the dashboard's, of the same grain.
    Previous,
    /// The same period a year before the dashboard's.
    YearEarlier,
    /// One period, by its key (`2025`, `2025-Q3`, `2025-07`).
    Fixed(String),
}

impl WidgetPeriod {
    /// Its text: "", "previous", "year_earlier" or "period:KEY".
    pub fn as_value(&self) -> String {
        match self {
            Self::Dashboard => String::new(),
            Self::Previous => "previous".to_owned(),
            Self::YearEarlier => "year_earlier".to_owned(),
            Self::Fixed(key) => format!("period:{key}"),
        }
    }

    /// The period named by `value` ([`WidgetPeriod::as_value`]).
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "" => Some(Self::Dashboard),
            "previous" => Some(Self::Previous),
            "year_earlier" => Some(Self::YearEarlier),
            _ => value
                .strip_prefix("period:")
                .filter(|key| !key.is_empty())
                .map(|key| Self::Fixed(key.to_owned())),
        }
    }
}

impl From<WidgetPeriod> for String {
    fn from(period: WidgetPeriod) -> Self {
        period.as_value()
    }
}

impl TryFrom<String> for WidgetPeriod {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or_else(|| format!("{value:?} is not a period"))
    }
}

/// One widget: a chart of one metric at a width, on the dashboard's scope and period or
/// on those it is pinned to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetConfig {
    /// The chart.
    pub chart: ChartKind,
    /// The metric's key.
    pub metric: String,
    /// The width.
    pub width: WidgetWidth,
    /// The scope it shows.
    #[serde(default)]
    pub scope: WidgetScope,
    /// The period it shows.
    #[serde(default)]
    pub period: WidgetPeriod,
}

/// A dashboard in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardSummary {
    /// Its id.
    pub id: i32,
    /// Its name.
    pub name: String,
    /// Whether it shipped with the product (and can be restored).
    pub shipped: bool,
    /// How many charts it holds.
    pub widget_count: usize,
    /// "Changed by … on …", or none while a shipped one is as it shipped.
    pub changed: Option<String>,
}

/// The dashboards page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardList {
    /// Every dashboard, the shipped ones first.
    pub dashboards: Vec<DashboardSummary>,
    /// Whether the reader may restore the shipped ones (admins).
    pub can_restore: bool,
}

impl DashboardList {
    /// The dashboards as the list's download has them, in the reader's `locale`: name,
    /// whether it shipped, its charts and who changed it last.
    pub fn download_table(&self, locale: crate::i18n::Locale) -> crate::models::chart::DataTable {
        use crate::i18n::{Msg, t};
        use crate::models::chart::{DataTable, TableCell};

        let yes_no = |flag: bool| t(locale, if flag { Msg::Yes } else { Msg::No }).to_owned();
        DataTable {
            columns: [
                Msg::DashboardNameLabel,
                Msg::DashboardShipped,
                Msg::ColumnCharts,
                Msg::ColumnChanged,
            ]
            .into_iter()
            .map(|msg| t(locale, msg).to_owned())
            .collect(),
            rows: self
                .dashboards
                .iter()
                .map(|d| {
                    vec![
                        TableCell::Text(d.name.clone()),
                        TableCell::Text(yes_no(d.shipped)),
                        TableCell::Number {
                            value: Some(d.widget_count as f64),
                            text: d.widget_count.to_string(),
                        },
                        TableCell::Text(d.changed.clone().unwrap_or_default()),
                    ]
                })
                .collect(),
        }
    }
}

/// Which dashboard, with which scope and period, from the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardQuery {
    /// The dashboard.
    pub id: Option<i32>,
    /// A region's id; none for the organization.
    pub region: Option<String>,
    /// A cluster's id; it decides the region.
    pub cluster: Option<String>,
    /// The period's key; none for the newest.
    pub period: Option<String>,
    /// Only validated values count.
    #[serde(default)]
    pub validated_only: bool,
}

/// One dashboard, opened on a scope and period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardView {
    /// Its id.
    pub id: i32,
    /// Its name.
    pub name: String,
    /// Whether it shipped with the product.
    pub shipped: bool,
    /// Its widgets, in order.
    pub widgets: Vec<WidgetConfig>,
    /// The metrics a widget may chart, for the editor.
    pub metrics: Vec<Choice>,
    /// The regions, the whole organization first (value "").
    pub regions: Vec<Choice>,
    /// The region chosen ("" for the organization).
    pub region: String,
    /// The clusters of the chosen region (or every one the reader may see), none first.
    pub clusters: Vec<Choice>,
    /// The cluster chosen ("" for none).
    pub cluster: String,
    /// The scope's name, for the heading: the organization's, a region's or a cluster's.
    pub scope_name: String,
    /// The breadcrumb above the heading: organization, then region, with their links.
    pub breadcrumb: Vec<Choice>,
    /// The period's key.
    pub period: String,
    /// Every period with values.
    pub periods: Vec<String>,
    /// Only validated values count.
    pub validated_only: bool,
    /// The chosen cluster's scorecard, which lists its members to drill into.
    pub scorecard_href: Option<String>,
    /// The clusters widgets are pinned to (value `cluster:ID`), for their captions and
    /// the editor, whichever region the dashboard is opened on.
    pub pinned_clusters: Vec<Choice>,
}

/// What one widget draws, asked for by the dashboard page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetQuery {
    /// The dashboard, where a click on the chart leads.
    pub dashboard: i32,
    /// The widget.
    pub widget: WidgetConfig,
    /// The region's id, if one is chosen.
    pub region: Option<String>,
    /// The cluster's id, if one is chosen.
    pub cluster: Option<String>,
    /// The period's key.
    pub period: String,
    /// Only validated values count.
    pub validated_only: bool,
}

/// What a widget shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WidgetOutcome {
    /// Its chart.
    Chart(ChartSpec),
    /// A gauge or radar with no cluster chosen: it shows one cluster.
    NeedsCluster,
    /// The chosen cluster does not track the metric (an optional metric it did not select).
    NotTracked,
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test stops at the first failure")]
mod tests {
    use super::*;

    #[test]
    fn pins_read_back_from_their_text() {
        for scope in [
            WidgetScope::Dashboard,
            WidgetScope::Organization,
            WidgetScope::Region(RegionId(3)),
            WidgetScope::Cluster(ClusterId(117)),
        ] {
            assert_eq!(WidgetScope::parse(&scope.as_value()), Some(scope));
        }
        for period in [
            WidgetPeriod::Dashboard,
            WidgetPeriod::Previous,
            WidgetPeriod::YearEarlier,
            WidgetPeriod::Fixed("2025-Q3".into()),
        ] {
            assert_eq!(WidgetPeriod::parse(&period.as_value()), Some(period));
        }
        for bad in ["region", "region:", "cluster:x", "world"] {
            assert_eq!(WidgetScope::parse(bad), None, "{bad}");
        }
        assert_eq!(WidgetPeriod::parse("period:"), None);
        assert_eq!(WidgetPeriod::parse("last"), None);
    }

    #[test]
    fn a_widget_saved_before_pins_follows_the_dashboard() {
        let widget: WidgetConfig =
            serde_json::from_str(r#"{"chart":"Trend","metric":"forum_attendance","width":"Half"}"#)
                .unwrap();
        assert_eq!(widget.scope, WidgetScope::Dashboard);
        assert_eq!(widget.period, WidgetPeriod::Dashboard);
        let json = serde_json::to_string(&WidgetConfig {
            scope: WidgetScope::Region(RegionId(2)),
            period: WidgetPeriod::YearEarlier,
            ..widget
        })
        .unwrap();
        assert!(
            json.contains(r#""scope":"region:2","period":"year_earlier""#),
            "{json}"
        );
    }
}
