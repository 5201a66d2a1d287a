//! A member's own participation in a period: the participation metrics computed for them
//! on request (member-scope values are not stored) beside their cluster's stored value,
//! and the meetings and events they were invited to or attended, each with the metrics
//! it counts in. Which metrics an event counts in is read from the definitions, so an
//! edited definition changes the answer with no code change.

use chrono::{NaiveDateTime, TimeDelta};
use kpi::definition::{Filter, MetricDefinition};
use kpi::{ClusterId, Direction, MemberId, MetricKey, Period, ScopeKind, Signal};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::DomainError;
use crate::kpi_engine::KpiEngine;
use crate::kpi_values::{KpiFilter, KpiValues, for_period};
use crate::metric_catalogue::MetricCatalogue;
use crate::sql::statement;

/// The metrics that exist per member (catalogue, "Member scope"); the rest describe a
/// cluster and above.
pub const MEMBER_METRICS: [&str; 7] = [
    "active_member_share",
    "forum_attendance",
    "event_attendance",
    "committee_attendance",
    "committee_on_time",
    "self_report_timeliness",
    "volunteer_hours",
];

/// The most events a participation page lists (a month or a year of one member's).
pub const EVENT_LIMIT: u64 = 500;

/// One participation metric for the member.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberMetric {
    /// The metric.
    pub metric: MetricKey,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Which direction is better.
    pub direction: Direction,
    /// The member's value; `None` when there is nothing to count (no invitations, say).
    pub value: Option<f64>,
    /// What was counted for the member.
    pub numerator: Option<f64>,
    /// What it was divided by.
    pub denominator: Option<f64>,
    /// The signal of the member's value against the metric's default thresholds.
    pub signal: Option<Signal>,
    /// The cluster's stored value for the period, to compare with.
    pub cluster_value: Option<f64>,
}

/// One event the member was invited to or attended.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipationEvent {
    /// When it was scheduled to start.
    pub scheduled_start: NaiveDateTime,
    /// Its title.
    pub title: String,
    /// forum_meeting, committee_call, cluster_event…
    pub kind: String,
    /// held or cancelled.
    pub status: String,
    /// The member was invited.
    pub invited: bool,
    /// The member attended.
    pub attended: bool,
    /// Minutes after the start the member joined, when recorded.
    pub minutes_late: Option<i64>,
    /// The member metrics whose definitions count this kind of event.
    pub counts_in: Vec<MetricKey>,
}

/// A member's participation in a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Participation {
    /// The period.
    pub period: Period,
    /// The member's metrics, in catalogue order.
    pub metrics: Vec<MemberMetric>,
    /// Events, newest first, at most [`EVENT_LIMIT`].
    pub events: Vec<ParticipationEvent>,
}

/// Reading a member's participation.
pub struct MemberParticipation;

impl MemberParticipation {
    /// `member`'s participation in `period`, computed against `cluster` (theirs).
    #[tracing::instrument(skip(db), err)]
    pub async fn load(
        db: &DatabaseConnection,
        member: MemberId,
        cluster: ClusterId,
        period: Period,
    ) -> Result<Participation, DomainError> {
        let catalogue: Vec<_> = MetricCatalogue::all(db)
            .await?
            .into_iter()
            .filter(|m| m.row.retired_on.is_none() && MEMBER_METRICS.contains(&m.key.as_str()))
            .collect();
        let keys: Vec<MetricKey> = catalogue.iter().map(|m| m.key.clone()).collect();
        let computed = KpiEngine::compute_for_member(db, member, cluster, &keys, period).await?;
        let stored = KpiValues::list(
            db,
            &KpiFilter {
                period: Some(period),
                scope_kind: Some(ScopeKind::Cluster),
                cluster: Some(cluster),
                ..KpiFilter::default()
            },
        )
        .await?;
        let mut definitions: Vec<(MetricKey, MetricDefinition)> = Vec::new();
        let mut metrics = Vec::new();
        for entry in &catalogue {
            let value = computed.iter().find(|v| v.metric_id == entry.row.id);
            let own = value.and_then(|v| v.value);
            let thresholds = for_period(entry.thresholds, &entry.row.unit, &period);
            metrics.push(MemberMetric {
                metric: entry.key.clone(),
                name: entry.row.name.clone(),
                unit: entry.row.unit.clone(),
                direction: entry.thresholds.direction(),
                value: own,
                numerator: value.and_then(|v| v.numerator),
                denominator: value.and_then(|v| v.denominator),
                signal: thresholds.signal(own),
                cluster_value: stored
                    .iter()
                    .find(|row| row.metric == entry.key.as_str())
                    .and_then(|row| row.counted()),
            });
            if let Some(definition) = entry.definition()? {
                definitions.push((entry.key.clone(), definition));
            }
        }
        let events = events_of(db, member, &period)
            .await?
            .into_iter()
            .map(|mut event| {
                event.counts_in = definitions
                    .iter()
                    .filter(|(_, d)| counts_event_kind(d, &event.kind))
                    .map(|(key, _)| key.clone())
                    .collect();
                event
            })
            .collect();
        Ok(Participation {
            period,
            metrics,
            events,
        })
    }
}

/// The events in `period` the member was invited to or attended, newest first.
async fn events_of<C: ConnectionTrait>(
    db: &C,
    member: MemberId,
    period: &Period,
) -> Result<Vec<ParticipationEvent>, DomainError> {
    let first = period.first_day().and_time(chrono::NaiveTime::MIN);
    let after = (period.last_day() + TimeDelta::days(1)).and_time(chrono::NaiveTime::MIN);
    let rows = db
        .query_all_raw(statement(
            db.get_database_backend(),
            &format!(
                "SELECT e.scheduled_start, e.title, e.kind, e.status, \
                 CASE WHEN i.id IS NULL THEN 0 ELSE 1 END AS invited, \
                 CASE WHEN a.id IS NULL THEN 0 ELSE 1 END AS attended, a.joined_at \
                 FROM events e \
                 LEFT JOIN event_invitations i ON i.event_id = e.id AND i.member_id = ? \
                 LEFT JOIN attendances a ON a.event_id = e.id AND a.member_id = ? \
                 WHERE e.id IN (SELECT event_id FROM event_invitations WHERE member_id = ? \
                 UNION SELECT event_id FROM attendances WHERE member_id = ?) \
                 AND e.scheduled_start >= ? AND e.scheduled_start < ? \
                 ORDER BY e.scheduled_start DESC, e.id DESC LIMIT {EVENT_LIMIT}"
            ),
            // The member's own invitations and attendances pick the events (by their
            // member index); walking the period's events instead took 50 ms on the demo.
            [
                member.0.into(),
                member.0.into(),
                member.0.into(),
                member.0.into(),
                first.into(),
                after.into(),
            ],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            let scheduled_start: NaiveDateTime = row.try_get("", "scheduled_start")?;
            let joined_at: Option<NaiveDateTime> = row.try_get("", "joined_at")?;
            let invited: i32 = row.try_get("", "invited")?;
            let attended: i32 = row.try_get("", "attended")?;
            Ok(ParticipationEvent {
                scheduled_start,
                title: row.try_get("", "title")?,
                kind: row.try_get("", "kind")?,
                status: row.try_get("", "status")?,
                invited: invited == 1,
                attended: attended == 1,
                minutes_late: joined_at.map(|j| (j - scheduled_start).num_minutes().max(0)),
                counts_in: Vec::new(),
            })
        })
        .collect()
}

/// Whether `definition` counts events of `kind`: one of its measures reads invitations or
/// attendances with no kind filter or one that lets `kind` through; or a measure over
/// other facts (memberships, say) has an exists-link that does. A link under a measure
/// of events only matches rows the measure's own filters already chose.
pub fn counts_event_kind(definition: &MetricDefinition, kind: &str) -> bool {
    let about_events = |source: &str| matches!(source, "invitations" | "attendances");
    let reads = |source: &str, filters: &[Filter]| {
        about_events(source)
            && filters.iter().all(|filter| match filter {
                Filter::Compare { field, op, value } if field == "kind" => {
                    *op == kpi::definition::Comparison::Eq && value.as_str() == Some(kind)
                }
                Filter::OneOf { field, values } if field == "kind" => {
                    values.iter().any(|v| v == kind)
                }
                _ => true,
            })
    };
    definition.measures().into_iter().any(|measure| {
        if about_events(&measure.source) {
            return reads(&measure.source, &measure.filters);
        }
        measure.filters.iter().any(|filter| match filter {
            Filter::Exists(link) => reads(&link.source, &link.filters),
            _ => false,
        })
    })
}
