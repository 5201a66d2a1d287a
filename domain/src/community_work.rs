//! A cluster's work with the community as its leader records it: community service
//! projects (started, then completed) and partnerships with outside organizations
//! (started, then ended). Both are a named span of days, so one set of checks and one
//! list serve them. Every change runs the incremental KPI recompute (service projects
//! count when completed, partnerships while active).

use chrono::{NaiveDate, TimeDelta};
use kpi::ClusterId;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use crate::DomainError;
use crate::entity::{partnership, service_project};
use crate::kpi_engine::{FactChange, KpiEngine};
use crate::leader_entry::{day_problem, text_problem};

/// Longest project or partner name (the columns' width).
pub const MAX_NAME: usize = 160;
/// How far back a leader may date a start (older work comes through staff imports).
const OLDEST_START_DAYS: i64 = 3 * 366;
/// How far ahead a partnership may be agreed to end.
const LATEST_END_DAYS: i64 = 5 * 366;

/// Which kind of community work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkKind {
    /// A community service project; it counts when completed.
    ServiceProject,
    /// A partnership with an outside organization; it counts while active.
    Partnership,
}

impl WorkKind {
    /// The table its rows live in (and the fact source the metrics name).
    pub fn table(self) -> &'static str {
        match self {
            Self::ServiceProject => "service_projects",
            Self::Partnership => "partnerships",
        }
    }

    /// What the end of a span is called in refusals.
    fn end_field(self) -> &'static str {
        match self {
            Self::ServiceProject => "completed on",
            Self::Partnership => "ends on",
        }
    }
}

/// A project or partnership as the leader enters it.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkDraft {
    /// Project or partnership.
    pub kind: WorkKind,
    /// The project's or partner's name.
    pub name: String,
    /// The first day.
    pub started_on: NaiveDate,
    /// The day it was completed or ends; `None` while ongoing.
    pub ended_on: Option<NaiveDate>,
}

/// A recorded project or partnership.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkItem {
    /// Project or partnership.
    pub kind: WorkKind,
    /// Its row id (unique within its kind).
    pub id: i32,
    /// The project's or partner's name.
    pub name: String,
    /// The first day.
    pub started_on: NaiveDate,
    /// The day it was completed or ends.
    pub ended_on: Option<NaiveDate>,
}

/// Recording, ending, listing and removing a cluster's projects and partnerships.
pub struct CommunityWork;

impl CommunityWork {
    /// Every project and partnership of `cluster`: ongoing ones first, then by start,
    /// newest first.
    pub async fn of_cluster<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
    ) -> Result<Vec<WorkItem>, DomainError> {
        let projects = service_project::Entity::find()
            .filter(service_project::Column::ClusterId.eq(cluster.0))
            .all(db)
            .await?
            .into_iter()
            .map(|p| WorkItem {
                kind: WorkKind::ServiceProject,
                id: p.id,
                name: p.name,
                started_on: p.started_on,
                ended_on: p.completed_on,
            });
        let partnerships = partnership::Entity::find()
            .filter(partnership::Column::ClusterId.eq(cluster.0))
            .all(db)
            .await?
            .into_iter()
            .map(|p| WorkItem {
                kind: WorkKind::Partnership,
                id: p.id,
                name: p.partner_name,
                started_on: p.start_date,
                ended_on: p.end_date,
            });
        let mut items: Vec<WorkItem> = projects.chain(partnerships).collect();
        items.sort_by(|a, b| {
            (a.ended_on.is_some(), b.started_on, b.id).cmp(&(
                b.ended_on.is_some(),
                a.started_on,
                a.id,
            ))
        });
        Ok(items)
    }

    /// Records `draft` for `cluster` on `today`: refused, one line per problem and with
    /// nothing written, for an empty or too long name, a start ahead of today or too long
    /// ago, an end before the start (or, for a project, ahead of today), or the same name
    /// recorded before for the cluster.
    #[tracing::instrument(skip(db, draft), err)]
    pub async fn record(
        db: &DatabaseConnection,
        cluster: ClusterId,
        draft: WorkDraft,
        today: NaiveDate,
    ) -> Result<WorkItem, DomainError> {
        let name = draft.name.trim().to_owned();
        let mut problems: Vec<String> = [
            text_problem("name", &name, MAX_NAME),
            day_problem("started on", draft.started_on, today, OLDEST_START_DAYS),
        ]
        .into_iter()
        .flatten()
        .collect();
        if let Some(ended_on) = draft.ended_on {
            problems.extend(end_problem(draft.kind, draft.started_on, ended_on, today));
        }
        if Self::named(db, cluster, draft.kind, &name).await? {
            problems.push(format!(
                "name: \"{name}\" is already recorded for this cluster"
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let id = match draft.kind {
            WorkKind::ServiceProject => {
                service_project::ActiveModel {
                    cluster_id: Set(cluster.0),
                    name: Set(name.clone()),
                    started_on: Set(draft.started_on),
                    completed_on: Set(draft.ended_on),
                    ..Default::default()
                }
                .insert(db)
                .await?
                .id
            }
            WorkKind::Partnership => {
                partnership::ActiveModel {
                    cluster_id: Set(cluster.0),
                    partner_name: Set(name.clone()),
                    start_date: Set(draft.started_on),
                    end_date: Set(draft.ended_on),
                    ..Default::default()
                }
                .insert(db)
                .await?
                .id
            }
        };
        let item = WorkItem {
            kind: draft.kind,
            id,
            name,
            started_on: draft.started_on,
            ended_on: draft.ended_on,
        };
        recompute(db, cluster, &item, today).await;
        Ok(item)
    }

    /// Marks project or partnership `id` of `cluster` completed or ended on `ended_on`
    /// (`None` reopens it); refused when the cluster has no such item or the day does not
    /// fit its start.
    #[tracing::instrument(skip(db), err)]
    pub async fn set_end(
        db: &DatabaseConnection,
        cluster: ClusterId,
        kind: WorkKind,
        id: i32,
        ended_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<WorkItem, DomainError> {
        let item = Self::find(db, cluster, kind, id).await?;
        if let Some(day) = ended_on {
            let problems: Vec<String> = end_problem(kind, item.started_on, day, today)
                .into_iter()
                .collect();
            if !problems.is_empty() {
                return Err(DomainError::Refused(problems));
            }
        }
        match kind {
            WorkKind::ServiceProject => {
                service_project::ActiveModel {
                    id: Set(id),
                    completed_on: Set(ended_on),
                    ..Default::default()
                }
                .update(db)
                .await?;
            }
            WorkKind::Partnership => {
                partnership::ActiveModel {
                    id: Set(id),
                    end_date: Set(ended_on),
                    ..Default::default()
                }
                .update(db)
                .await?;
            }
        }
        let item = WorkItem { ended_on, ..item };
        recompute(db, cluster, &item, today).await;
        Ok(item)
    }

    /// Removes project or partnership `id` of `cluster` (one recorded by mistake);
    /// refused when the cluster has no such item.
    #[tracing::instrument(skip(db), err)]
    pub async fn remove(
        db: &DatabaseConnection,
        cluster: ClusterId,
        kind: WorkKind,
        id: i32,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let item = Self::find(db, cluster, kind, id).await?;
        match kind {
            WorkKind::ServiceProject => {
                service_project::Entity::delete_by_id(id).exec(db).await?;
            }
            WorkKind::Partnership => {
                partnership::Entity::delete_by_id(id).exec(db).await?;
            }
        }
        recompute(db, cluster, &item, today).await;
        Ok(())
    }

    /// Item `id` of `kind` if it belongs to `cluster`, else a refusal naming it.
    async fn find(
        db: &DatabaseConnection,
        cluster: ClusterId,
        kind: WorkKind,
        id: i32,
    ) -> Result<WorkItem, DomainError> {
        Self::of_cluster(db, cluster)
            .await?
            .into_iter()
            .find(|item| item.kind == kind && item.id == id)
            .ok_or_else(|| {
                DomainError::Refused(vec![format!(
                    "item: this cluster has no {} {id}",
                    kind.table().trim_end_matches('s').replace('_', " ")
                )])
            })
    }

    /// Whether `cluster` already has an item of `kind` called `name` (any case).
    async fn named(
        db: &DatabaseConnection,
        cluster: ClusterId,
        kind: WorkKind,
        name: &str,
    ) -> Result<bool, DomainError> {
        let wanted = name.to_lowercase();
        Ok(Self::of_cluster(db, cluster)
            .await?
            .iter()
            .any(|item| item.kind == kind && item.name.to_lowercase() == wanted))
    }
}

/// The problem with an end on `ended_on` of a span of `kind` that started on
/// `started_on`, if any, named by the leader's field.
fn end_problem(
    kind: WorkKind,
    started_on: NaiveDate,
    ended_on: NaiveDate,
    today: NaiveDate,
) -> Option<String> {
    end_why(kind, started_on, ended_on, today).map(|why| format!("{}: {why}", kind.end_field()))
}

/// Why an end on `ended_on` of a span of `kind` that started on `started_on` cannot be,
/// if it cannot: before the start; for a project, after today (it is done when it is
/// done); for a partnership, more than five years ahead.
pub(crate) fn end_why(
    kind: WorkKind,
    started_on: NaiveDate,
    ended_on: NaiveDate,
    today: NaiveDate,
) -> Option<String> {
    if ended_on < started_on {
        Some(format!("{ended_on} is before the start, {started_on}"))
    } else if kind == WorkKind::ServiceProject && ended_on > today {
        Some(format!("{ended_on} is in the future"))
    } else if ended_on > today + TimeDelta::days(LATEST_END_DAYS) {
        Some(format!("{ended_on} is more than five years ahead"))
    } else {
        None
    }
}

/// The incremental recompute after a change to `item`: every day from its start to today
/// (its end, wherever it moved, lies between; no period after today is computed). The
/// fact is saved either way; a failed recompute is caught up by the next write or
/// `server kpis recompute`.
async fn recompute(db: &DatabaseConnection, cluster: ClusterId, item: &WorkItem, today: NaiveDate) {
    let change = FactChange {
        tables: vec![item.kind.table().into()],
        from: item.started_on.min(today),
        to: today,
        clusters: Some(vec![cluster]),
    };
    if let Err(error) = KpiEngine::recompute_after_change(db, &change, today).await {
        tracing::error!(%error, "KPI recompute after a community work change failed");
    }
}
