//! Dashboards as data: staff create, copy, edit (widgets added, removed, moved, resized,
//! each a chart of one metric) and delete dashboards; the shipped ones can be restored as
//! they shipped. A widget follows the scope and period its dashboard is opened with,
//! unless it is pinned to a scope, to a period, or to the period before or a year before.

use chrono::NaiveDateTime;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use kpi::{ClusterId, MetricKey, Period, RegionId};

use crate::DomainError;
use crate::entity::{cluster, dashboard, region};
use crate::kpi_engine::KpiEngine;
use crate::metric_catalogue::MetricCatalogue;

/// The longest dashboard name.
pub const NAME_MAX: usize = 80;
/// The most widgets on one dashboard: more would not load in reasonable time.
pub const WIDGETS_MAX: usize = 24;

/// A dashboard's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DashboardId(pub i32);

/// The chart a widget draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidgetChart {
    /// The scope's value over periods with the green band.
    Trend,
    /// Regions or clusters by the metric, best to worst.
    Ranking,
    /// A cluster's value against its thresholds.
    Gauge,
    /// A cluster's profile across the metric's group.
    Radar,
    /// Signals of regions or clusters, by period or by the metrics of the group.
    Heatmap,
}

/// How much of the dashboard's width a widget takes (on a phone every widget is full).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidgetWidth {
    /// A third.
    Third,
    /// A half.
    Half,
    /// The whole width.
    Full,
}

/// Where a widget looks: the dashboard's scope, or one scope it is pinned to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// Which period a widget shows: the dashboard's, one relative to it, or a fixed one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidgetPeriod {
    /// Whatever the dashboard is opened on.
    #[default]
    Dashboard,
    /// The period before the dashboard's, of the same grain.
    Previous,
    /// The same period a year before the dashboard's.
    YearEarlier,
    /// One period, by its key.
    Fixed(String),
}

/// One chart on a dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Widget {
    /// What it draws.
    pub chart: WidgetChart,
    /// Of which metric.
    pub metric: MetricKey,
    /// How wide.
    pub width: WidgetWidth,
    /// The scope it shows; stored only when pinned, so older rows read as they were.
    #[serde(default, skip_serializing_if = "is_default")]
    pub scope: WidgetScope,
    /// The period it shows; stored only when pinned.
    #[serde(default, skip_serializing_if = "is_default")]
    pub period: WidgetPeriod,
}

/// Whether `value` is its type's default (a pin left to the dashboard).
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A dashboard with its widgets in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    /// Its id.
    pub id: DashboardId,
    /// Its name.
    pub name: String,
    /// The key of a shipped dashboard.
    pub shipped_key: Option<String>,
    /// Its widgets, in order.
    pub widgets: Vec<Widget>,
    /// Who changed it last; none while it is as it shipped.
    pub updated_by: Option<String>,
    /// When, in UTC.
    pub updated_at: Option<NaiveDateTime>,
}

impl Dashboard {
    fn from_row(row: dashboard::Model) -> Result<Self, DomainError> {
        let widgets = serde_json::from_str(&row.widgets).map_err(|e| {
            DomainError::Invalid(format!("dashboard {}: stored widgets: {e}", row.id))
        })?;
        Ok(Self {
            id: DashboardId(row.id),
            name: row.name,
            shipped_key: row.shipped_key,
            widgets,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
        })
    }
}

/// Reading, creating, copying, changing, deleting and restoring dashboards.
pub struct Dashboards;

impl Dashboards {
    /// Every dashboard: the shipped ones first, then the others in the order made.
    pub async fn list<C: ConnectionTrait>(db: &C) -> Result<Vec<Dashboard>, DomainError> {
        let mut all = dashboard::Entity::find()
            .order_by_asc(dashboard::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(Dashboard::from_row)
            .collect::<Result<Vec<_>, _>>()?;
        all.sort_by_key(|d| (d.shipped_key.is_none(), d.id.0));
        Ok(all)
    }

    /// The dashboard `id`, if there is one.
    pub async fn get<C: ConnectionTrait>(
        db: &C,
        id: DashboardId,
    ) -> Result<Option<Dashboard>, DomainError> {
        dashboard::Entity::find_by_id(id.0)
            .one(db)
            .await?
            .map(Dashboard::from_row)
            .transpose()
    }

    /// A new dashboard named `name` with `widgets`, checked like a change.
    pub async fn create<C: ConnectionTrait>(
        db: &C,
        name: &str,
        widgets: Vec<Widget>,
        actor: &str,
        now: NaiveDateTime,
    ) -> Result<Dashboard, DomainError> {
        let name = checked(db, name, &widgets).await?;
        let row = dashboard::ActiveModel {
            name: Set(name),
            shipped_key: Set(None),
            widgets: Set(widgets_json(&widgets)?),
            updated_by: Set(Some(actor.to_owned())),
            updated_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Dashboard::from_row(row)
    }

    /// A copy of `id` named `name`, which staff then change without touching the
    /// original; `None` when there is no such dashboard.
    pub async fn copy<C: ConnectionTrait>(
        db: &C,
        id: DashboardId,
        name: &str,
        actor: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Dashboard>, DomainError> {
        let Some(original) = Self::get(db, id).await? else {
            return Ok(None);
        };
        Self::create(db, name, original.widgets, actor, now)
            .await
            .map(Some)
    }

    /// Renames `id` and replaces its widgets; nothing changes unless every widget names
    /// a metric of the catalogue that is not retired. `None` when there is no such
    /// dashboard.
    pub async fn save<C: ConnectionTrait>(
        db: &C,
        id: DashboardId,
        name: &str,
        widgets: Vec<Widget>,
        actor: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Dashboard>, DomainError> {
        let name = checked(db, name, &widgets).await?;
        let Some(row) = dashboard::Entity::find_by_id(id.0).one(db).await? else {
            return Ok(None);
        };
        let mut row: dashboard::ActiveModel = row.into();
        row.name = Set(name);
        row.widgets = Set(widgets_json(&widgets)?);
        row.updated_by = Set(Some(actor.to_owned()));
        row.updated_at = Set(Some(now));
        Dashboard::from_row(row.update(db).await?).map(Some)
    }

    /// Deletes `id`; whether there was one. A shipped dashboard comes back with
    /// [`Dashboards::restore_shipped`].
    pub async fn delete<C: ConnectionTrait>(db: &C, id: DashboardId) -> Result<bool, DomainError> {
        let deleted = dashboard::Entity::delete_by_id(id.0).exec(db).await?;
        Ok(deleted.rows_affected > 0)
    }

    /// Puts every shipped dashboard back as it shipped, in one transaction: changes to
    /// them are undone and deleted ones return; dashboards staff built stay as they are.
    pub async fn restore_shipped(db: &DatabaseConnection) -> Result<(), DomainError> {
        let txn = db.begin().await?;
        dashboard::Entity::delete_many()
            .filter(dashboard::Column::ShippedKey.is_not_null())
            .exec(&txn)
            .await?;
        migration::insert_default_dashboards(&txn).await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The widgets as stored.
fn widgets_json(widgets: &[Widget]) -> Result<String, DomainError> {
    serde_json::to_string(widgets).map_err(|e| DomainError::Invalid(format!("widgets: {e}")))
}

/// The trimmed name, once the name and every widget pass; every problem named.
async fn checked<C: ConnectionTrait>(
    db: &C,
    name: &str,
    widgets: &[Widget],
) -> Result<String, DomainError> {
    let mut problems = Vec::new();
    let name = name.trim();
    if name.is_empty() {
        problems.push("name: give the dashboard a name".to_owned());
    } else if name.chars().count() > NAME_MAX {
        problems.push(format!("name: at most {NAME_MAX} characters"));
    }
    if widgets.len() > WIDGETS_MAX {
        problems.push(format!(
            "widgets: at most {WIDGETS_MAX} charts on one dashboard, not {}",
            widgets.len()
        ));
    }
    let catalogue = MetricCatalogue::all(db).await?;
    let fixed_periods = widgets
        .iter()
        .any(|w| matches!(w.period, WidgetPeriod::Fixed(_)));
    let fiscal_start = if fixed_periods {
        Some(KpiEngine::fiscal_year_start(db).await?)
    } else {
        None
    };
    for (index, widget) in widgets.iter().enumerate() {
        let key = widget.metric.as_str();
        match catalogue.iter().find(|m| m.key == widget.metric) {
            None => problems.push(format!(
                "chart {}: metric {key:?} is not in the catalogue",
                index + 1
            )),
            Some(metric) if metric.row.retired_on.is_some() => {
                problems.push(format!("chart {}: metric {key:?} is retired", index + 1))
            }
            Some(_) => {}
        }
        match widget.scope {
            WidgetScope::Region(id)
                if region::Entity::find_by_id(id.0).one(db).await?.is_none() =>
            {
                problems.push(format!("chart {}: there is no region {id}", index + 1))
            }
            WidgetScope::Cluster(id)
                if cluster::Entity::find_by_id(id.0).one(db).await?.is_none() =>
            {
                problems.push(format!("chart {}: there is no cluster {id}", index + 1))
            }
            _ => {}
        }
        if let (WidgetPeriod::Fixed(key), Some(start)) = (&widget.period, fiscal_start)
            && let Err(e) = Period::parse(key, start)
        {
            problems.push(format!("chart {}: period {key:?}: {e}", index + 1));
        }
    }
    if problems.is_empty() {
        Ok(name.to_owned())
    } else {
        Err(DomainError::Refused(problems))
    }
}
