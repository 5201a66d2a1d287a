//! Inter-cluster programs as the hosting cluster's leader records them: a program the
//! cluster runs for members of other clusters, planned ahead, then marked held or
//! cancelled. Who attended comes with the attendance imports. Every change runs the
//! incremental KPI recompute: the host's programs hosted, and the inter-cluster
//! participation of every cluster whose members attended.

use std::collections::HashMap;

use chrono::{NaiveDateTime, TimeDelta};
use kpi::{ClusterId, MemberId};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::DomainError;
use crate::entity::{
    attendance,
    event::{self, EventKind, EventStatus},
};
use crate::kpi_engine::{FactChange, KpiEngine};
use crate::leader_entry::text_problem;

/// Longest program title (the column's width).
pub const MAX_TITLE: usize = 160;
/// How far back a leader may record a program.
const OLDEST_DAYS: i64 = 400;
/// How far ahead a program may be planned.
const LATEST_DAYS: i64 = 366;

/// A program as the leader enters it.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramDraft {
    /// Its title.
    pub title: String,
    /// When it starts.
    pub starts_at: NaiveDateTime,
    /// Planned, held or cancelled.
    pub status: EventStatus,
}

/// A hosted program with how many attended.
#[derive(Clone, Debug, PartialEq)]
pub struct HostedProgram {
    /// The event row.
    pub event: event::Model,
    /// Attendances recorded.
    pub attendances: u64,
}

/// Recording, listing, deciding and removing a cluster's inter-cluster programs.
pub struct InterclusterPrograms;

impl InterclusterPrograms {
    /// The `limit` programs of `cluster` starting latest, with their attendance counts.
    pub async fn hosted<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        limit: u64,
    ) -> Result<Vec<HostedProgram>, DomainError> {
        let events = event::Entity::find()
            .filter(event::Column::HostClusterId.eq(cluster.0))
            .filter(event::Column::Kind.eq(EventKind::InterclusterProgram))
            .order_by_desc(event::Column::ScheduledStart)
            .order_by_desc(event::Column::Id)
            .limit(limit)
            .all(db)
            .await?;
        let mut counts: HashMap<i32, u64> = HashMap::new();
        for row in attendance::Entity::find()
            .filter(attendance::Column::EventId.is_in(events.iter().map(|e| e.id)))
            .all(db)
            .await?
        {
            *counts.entry(row.event_id).or_default() += 1;
        }
        Ok(events
            .into_iter()
            .map(|event| HostedProgram {
                attendances: counts.get(&event.id).copied().unwrap_or(0),
                event,
            })
            .collect())
    }

    /// Records `draft` as a program `cluster` hosts, as of `now`: refused, one line per
    /// problem and with nothing written, for an empty or too long title, a start more than
    /// 400 days back or a year ahead, a program marked held before it starts, or a program
    /// of the cluster starting the same minute.
    #[tracing::instrument(skip(db, draft), err)]
    pub async fn record(
        db: &DatabaseConnection,
        cluster: ClusterId,
        draft: ProgramDraft,
        now: NaiveDateTime,
    ) -> Result<event::Model, DomainError> {
        let title = draft.title.trim().to_owned();
        let mut problems: Vec<String> = text_problem("title", &title, MAX_TITLE)
            .into_iter()
            .collect();
        let start = draft.starts_at.format("%Y-%m-%d %H:%M");
        if draft.starts_at < now - TimeDelta::days(OLDEST_DAYS) {
            problems.push(format!(
                "start: {start} is more than {OLDEST_DAYS} days ago; ask staff to import it"
            ));
        } else if draft.starts_at > now + TimeDelta::days(LATEST_DAYS) {
            problems.push(format!("start: {start} is more than a year ahead"));
        }
        problems.extend(status_problem(draft.status, draft.starts_at, now));
        let event_ref = format!("ICP-{}-{}", cluster.0, draft.starts_at.format("%Y%m%d%H%M"));
        if event::Entity::find()
            .filter(event::Column::EventRef.eq(event_ref.clone()))
            .one(db)
            .await?
            .is_some()
        {
            problems.push(format!(
                "start: the cluster has a program at {start} already"
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let program = event::ActiveModel {
            event_ref: Set(event_ref),
            kind: Set(EventKind::InterclusterProgram),
            title: Set(title),
            host_cluster_id: Set(Some(cluster.0)),
            region_id: Set(None),
            forum_id: Set(None),
            committee_id: Set(None),
            scheduled_start: Set(draft.starts_at),
            status: Set(draft.status),
            ..Default::default()
        }
        .insert(db)
        .await?;
        recompute(db, cluster, &program, now).await;
        Ok(program)
    }

    /// Marks program `id` of `cluster` planned, held or cancelled; refused for another
    /// cluster's program and for held before it starts.
    #[tracing::instrument(skip(db), err)]
    pub async fn set_status(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
        status: EventStatus,
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let found = Self::find(db, cluster, id).await?;
        if let Some(problem) = status_problem(status, found.scheduled_start, now) {
            return Err(DomainError::Refused(vec![problem]));
        }
        let updated = event::ActiveModel {
            id: Set(found.id),
            status: Set(status),
            ..Default::default()
        }
        .update(db)
        .await?;
        recompute(db, cluster, &updated, now).await;
        Ok(())
    }

    /// Removes program `id` of `cluster`, recorded by mistake; refused once attendances
    /// are recorded for it (mark it cancelled instead, or remove them by import).
    #[tracing::instrument(skip(db), err)]
    pub async fn remove(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let found = Self::find(db, cluster, id).await?;
        let attended = attendance::Entity::find()
            .filter(attendance::Column::EventId.eq(found.id))
            .one(db)
            .await?;
        if attended.is_some() {
            return Err(DomainError::Refused(vec![format!(
                "program: \"{}\" has recorded attendances; mark it cancelled instead",
                found.title
            )]));
        }
        event::Entity::delete_by_id(found.id).exec(db).await?;
        recompute(db, cluster, &found, now).await;
        Ok(())
    }

    /// Program `id` if `cluster` hosts it, else a refusal naming it.
    async fn find(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
    ) -> Result<event::Model, DomainError> {
        event::Entity::find_by_id(id)
            .filter(event::Column::HostClusterId.eq(cluster.0))
            .filter(event::Column::Kind.eq(EventKind::InterclusterProgram))
            .one(db)
            .await?
            .ok_or_else(|| {
                DomainError::Refused(vec![format!(
                    "program: this cluster hosts no inter-cluster program {id}"
                )])
            })
    }
}

/// The problem with `status` for a program starting at `starts_at`, as of `now`: it can be
/// held only once it has started.
fn status_problem(
    status: EventStatus,
    starts_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Option<String> {
    (status == EventStatus::Held && starts_at > now).then(|| {
        format!(
            "status: a program starting at {} cannot have been held yet",
            starts_at.format("%Y-%m-%d %H:%M")
        )
    })
}

/// The incremental recompute after a change to `program`: its day, for the host and for
/// the clusters of everyone who attended. The fact is saved either way; a failed
/// recompute is caught up by the next write or `server kpis recompute`.
async fn recompute(
    db: &DatabaseConnection,
    cluster: ClusterId,
    program: &event::Model,
    now: NaiveDateTime,
) {
    let today = now.date();
    let day = program.scheduled_start.date();
    if day > today {
        return; // No period after today is computed.
    }
    let attendees: Result<Vec<MemberId>, _> = attendance::Entity::find()
        .filter(attendance::Column::EventId.eq(program.id))
        .all(db)
        .await
        .map(|rows| rows.into_iter().map(|a| MemberId(a.member_id)).collect());
    let change = match attendees {
        Ok(members) => {
            FactChange::concerning(db, &["events"], (day, day), &[cluster], &members).await
        }
        Err(error) => Err(error.into()),
    };
    let result = match change {
        Ok(change) => KpiEngine::recompute_after_change(db, &change, today)
            .await
            .map(|_| ()),
        Err(error) => Err(error),
    };
    if let Err(error) = result {
        tracing::error!(%error, "KPI recompute after an inter-cluster program change failed");
    }
}
