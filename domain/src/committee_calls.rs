//! Committee calls as a cluster leader records them: which committee, when, whether it
//! was held, and who of its members joined and when. Recording invites the committee's
//! members of that day, writes the call and its attendances in one transaction, then runs
//! the incremental KPI recompute (committee attendance, on-time joining, active members).

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use kpi::{ClusterId, MemberId};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use crate::DomainError;
use crate::entity::event::{self, EventKind, EventStatus};
use crate::entity::{attendance, committee, committee_member, event_invitation, member};
use crate::kpi_engine::{FactChange, KpiEngine};
use crate::sql::statement;

/// How early before the start a member may join.
pub(crate) const EARLIEST_JOIN: TimeDelta = TimeDelta::hours(1);
/// How late after the start a member may still join.
pub(crate) const LATEST_JOIN: TimeDelta = TimeDelta::hours(4);
/// How far back a leader may record a call.
const OLDEST_CALL_DAYS: i64 = 400;

/// A committee with its members on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct CommitteeRoster {
    /// The committee.
    pub committee: committee::Model,
    /// Its members on the day: id and name, by name.
    pub members: Vec<(MemberId, String)>,
}

/// One member's attendance in a draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Attendee {
    /// The member.
    pub member: MemberId,
    /// When they joined, if known.
    pub joined_at: Option<NaiveDateTime>,
}

/// A call as the leader enters it.
#[derive(Clone, Debug, PartialEq)]
pub struct CallDraft {
    /// The committee's id.
    pub committee: i32,
    /// When the call was scheduled to start.
    pub starts_at: NaiveDateTime,
    /// Held (else cancelled).
    pub held: bool,
    /// Who joined.
    pub attendees: Vec<Attendee>,
}

/// A recorded call with its counts.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordedCall {
    /// The event's id.
    pub event: i32,
    /// The committee's name.
    pub committee: String,
    /// When it was scheduled to start.
    pub starts_at: NaiveDateTime,
    /// Held (else cancelled).
    pub held: bool,
    /// Members invited.
    pub invited: i64,
    /// Members who joined.
    pub attended: i64,
    /// Members who joined within five minutes of the start.
    pub on_time: i64,
}

/// Recording and listing committee calls.
pub struct CommitteeCalls;

impl CommitteeCalls {
    /// The committees of `cluster` with their members on `day`.
    pub async fn rosters<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        day: NaiveDate,
    ) -> Result<Vec<CommitteeRoster>, DomainError> {
        let committees = committee::Entity::find()
            .filter(committee::Column::ClusterId.eq(cluster.0))
            .order_by_asc(committee::Column::Name)
            .all(db)
            .await?;
        let mut rosters = Vec::with_capacity(committees.len());
        for committee in committees {
            let seats = committee_member::Entity::find()
                .filter(committee_member::Column::CommitteeId.eq(committee.id))
                .filter(committee_member::Column::StartDate.lte(day))
                .all(db)
                .await?;
            let ids: Vec<i32> = seats
                .iter()
                .filter(|s| s.end_date.is_none_or(|end| end >= day))
                .map(|s| s.member_id)
                .collect();
            let mut members: Vec<(MemberId, String)> = member::Entity::find()
                .filter(member::Column::Id.is_in(ids))
                .all(db)
                .await?
                .into_iter()
                .map(|m| (MemberId(m.id), format!("{} {}", m.first_name, m.last_name)))
                .collect();
            members.sort_by(|a, b| a.1.cmp(&b.1));
            rosters.push(CommitteeRoster { committee, members });
        }
        Ok(rosters)
    }

    /// The newest `limit` committee calls of `cluster` scheduled up to `until` (calls
    /// still to come are not recorded yet), with their counts.
    pub async fn recent<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        until: NaiveDate,
        limit: u64,
    ) -> Result<Vec<RecordedCall>, DomainError> {
        let after = (until + TimeDelta::days(1)).and_time(chrono::NaiveTime::MIN);
        let rows = db
            .query_all_raw(statement(
                db.get_database_backend(),
                &format!(
                    "SELECT e.id, c.name, e.scheduled_start, e.status, \
                     (SELECT COUNT(*) FROM event_invitations i WHERE i.event_id = e.id) AS invited \
                     FROM events e JOIN committees c ON c.id = e.committee_id \
                     WHERE e.kind = 'committee_call' AND c.cluster_id = ? \
                     AND e.scheduled_start < ? \
                     ORDER BY e.scheduled_start DESC, e.id DESC LIMIT {limit}"
                ),
                [cluster.0.into(), after.into()],
            ))
            .await?;
        let mut calls = Vec::with_capacity(rows.len());
        for row in rows {
            let id: i32 = row.try_get("", "id")?;
            let starts_at: NaiveDateTime = row.try_get("", "scheduled_start")?;
            let status: String = row.try_get("", "status")?;
            let joins = attendance::Entity::find()
                .filter(attendance::Column::EventId.eq(id))
                .all(db)
                .await?;
            let on_time = joins
                .iter()
                .filter(|a| {
                    a.joined_at
                        .is_some_and(|j| j <= starts_at + TimeDelta::minutes(5))
                })
                .count();
            calls.push(RecordedCall {
                event: id,
                committee: row.try_get("", "name")?,
                starts_at,
                held: status == "held",
                invited: row.try_get("", "invited")?,
                attended: i64::try_from(joins.len()).unwrap_or(i64::MAX),
                on_time: i64::try_from(on_time).unwrap_or(i64::MAX),
            });
        }
        Ok(calls)
    }

    /// Records `draft` for `cluster` on `now`: refused, one line per problem and with
    /// nothing written, for another cluster's committee, a start more than a day ahead or
    /// too long ago, a call already recorded, attendees of a cancelled call, attendees not
    /// on the committee that day, the same member twice, or a join time far from the
    /// start. Recomputes the affected KPIs after the write.
    #[tracing::instrument(skip(db, draft), err)]
    pub async fn record(
        db: &DatabaseConnection,
        cluster: ClusterId,
        draft: CallDraft,
        now: NaiveDateTime,
    ) -> Result<RecordedCall, DomainError> {
        let day = draft.starts_at.date();
        let mut problems = Vec::new();
        let roster = Self::rosters(db, cluster, day)
            .await?
            .into_iter()
            .find(|r| r.committee.id == draft.committee);
        let Some(roster) = roster else {
            return Err(DomainError::Refused(vec![format!(
                "committee: {} is not a committee of this cluster",
                draft.committee
            )]));
        };
        if draft.starts_at > now + TimeDelta::days(1) {
            problems.push(format!(
                "start: {} is in the future; record a call once it has taken place",
                draft.starts_at.format("%Y-%m-%d %H:%M")
            ));
        }
        if draft.starts_at < now - TimeDelta::days(OLDEST_CALL_DAYS) {
            problems.push(format!(
                "start: {} is more than {OLDEST_CALL_DAYS} days ago; ask staff to import it",
                draft.starts_at.format("%Y-%m-%d")
            ));
        }
        let event_ref = format!(
            "CC-{}-{}",
            draft.committee,
            draft.starts_at.format("%Y%m%d%H%M")
        );
        if event::Entity::find()
            .filter(event::Column::EventRef.eq(event_ref.clone()))
            .one(db)
            .await?
            .is_some()
        {
            problems.push(format!(
                "start: a call of {} at {} is already recorded",
                roster.committee.name,
                draft.starts_at.format("%Y-%m-%d %H:%M")
            ));
        }
        if !draft.held && !draft.attendees.is_empty() {
            problems.push("attendees: a cancelled call has no attendees".into());
        }
        let on_roster: HashSet<MemberId> = roster.members.iter().map(|(id, _)| *id).collect();
        let mut seen = HashSet::new();
        for attendee in &draft.attendees {
            if !on_roster.contains(&attendee.member) {
                problems.push(format!(
                    "attendees: member {} was not on the {} committee on {day}",
                    attendee.member.0, roster.committee.name
                ));
            }
            if !seen.insert(attendee.member) {
                problems.push(format!(
                    "attendees: member {} is listed twice",
                    attendee.member.0
                ));
            }
            if let Some(joined) = attendee.joined_at
                && (joined < draft.starts_at - EARLIEST_JOIN
                    || joined > draft.starts_at + LATEST_JOIN)
            {
                problems.push(format!(
                    "joined at: {} for member {} is not between an hour before and four hours after the start",
                    joined.format("%H:%M"),
                    attendee.member.0
                ));
            }
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }

        let txn = db.begin().await?;
        let event = event::ActiveModel {
            event_ref: Set(event_ref),
            kind: Set(EventKind::CommitteeCall),
            title: Set(format!("{} call", roster.committee.name)),
            host_cluster_id: Set(Some(cluster.0)),
            region_id: Set(None),
            forum_id: Set(None),
            committee_id: Set(Some(roster.committee.id)),
            scheduled_start: Set(draft.starts_at),
            status: Set(if draft.held {
                EventStatus::Held
            } else {
                EventStatus::Cancelled
            }),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for (member, _) in &roster.members {
            event_invitation::ActiveModel {
                event_id: Set(event.id),
                member_id: Set(member.0),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        for attendee in &draft.attendees {
            attendance::ActiveModel {
                event_id: Set(event.id),
                member_id: Set(attendee.member.0),
                joined_at: Set(attendee.joined_at),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        txn.commit().await?;

        // The facts are saved; a failed recompute is caught up by the next write.
        let invited: Vec<MemberId> = roster.members.iter().map(|(id, _)| *id).collect();
        let recomputed = match FactChange::concerning(
            db,
            &["events", "event_invitations", "attendances"],
            (day, day),
            &[cluster],
            &invited,
        )
        .await
        {
            Ok(change) => KpiEngine::recompute_after_change(db, &change, now.date())
                .await
                .map(|_| ()),
            Err(error) => Err(error),
        };
        if let Err(error) = recomputed {
            tracing::error!(%error, "KPI recompute after a committee call failed");
        }
        let on_time = draft
            .attendees
            .iter()
            .filter(|a| {
                a.joined_at
                    .is_some_and(|j| j <= draft.starts_at + TimeDelta::minutes(5))
            })
            .count();
        Ok(RecordedCall {
            event: event.id,
            committee: roster.committee.name,
            starts_at: draft.starts_at,
            held: draft.held,
            invited: i64::try_from(roster.members.len()).unwrap_or(i64::MAX),
            attended: i64::try_from(draft.attendees.len()).unwrap_or(i64::MAX),
            on_time: i64::try_from(on_time).unwrap_or(i64::MAX),
        })
    }
}
