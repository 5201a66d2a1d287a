//! Events from a file or an integration: each known by its reference, with its kind,
//! title, start, status and host (a cluster by code, a region by code, or the whole
//! organization). The whole file is checked first, written in one transaction,
//! recorded in the import history (from which it can be rolled back), and the KPIs of the
//! hosts and of every cluster whose members attended a changed event are recomputed.
//! Forum meetings and committee calls name their forum or committee (of the hosting
//! cluster) by name; whom they invited comes in a file of invitations.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::{ActiveEnum, ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::{cluster, committee, event, forum, region};
use crate::fact_file::{
    FileLayout, ImportPreview, NumberedRecord, Records, RowProblem, parse_time,
};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{Planned, Upsert, UpsertTable, settle, undo_rows, write_checked};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;
use crate::sql::statement;

/// The columns of a file of events; a start as `2025-03-14 18:00`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "events",
    required: &["event_ref", "kind", "title", "scheduled_start", "status"],
    optional: &["cluster_code", "region_code", "forum", "committee"],
};

/// The longest reference.
const REF_MAX: usize = 40;
/// The longest title (the column's width).
const TITLE_MAX: usize = 160;
/// The kinds a file may hold, with the host each needs.
const KINDS: &[(&str, Host)] = &[
    ("cluster_event", Host::Cluster),
    ("intercluster_program", Host::Cluster),
    ("regional_event", Host::Region),
    ("global_event", Host::Organization),
    ("annual_meeting", Host::Organization),
    ("forum_meeting", Host::Forum),
    ("committee_call", Host::Committee),
];
/// The statuses an event can have.
const STATUSES: &[&str] = &["planned", "held", "cancelled"];

/// Who hosts a kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Host {
    /// A cluster, by code; its region follows.
    Cluster,
    /// A region, by code; a cluster of it may host.
    Region,
    /// The organization: neither a cluster nor a region.
    Organization,
    /// A forum of a cluster, by the cluster's code and the forum's name.
    Forum,
    /// A committee of a cluster, by the cluster's code and the committee's name.
    Committee,
}

/// One event as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventRecord {
    /// Its reference: the natural key.
    pub event_ref: String,
    /// cluster_event, intercluster_program, regional_event, global_event, annual_meeting,
    /// forum_meeting or committee_call.
    pub kind: String,
    /// Its title.
    pub title: String,
    /// When it starts (`2025-03-14 18:00`).
    pub scheduled_start: String,
    /// planned, held or cancelled.
    pub status: String,
    /// The hosting cluster's code.
    pub cluster_code: Option<String>,
    /// The hosting region's code, for regional events.
    pub region_code: Option<String>,
    /// The forum's name, for forum meetings.
    pub forum: Option<String>,
    /// The committee's name, for committee calls.
    pub committee: Option<String>,
}

/// An event's columns besides its reference, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct EventFields {
    kind: String,
    title: String,
    host_cluster_id: Option<i32>,
    region_id: Option<i32>,
    scheduled_start: NaiveDateTime,
    status: String,
    // Histories written before forum meetings came from files lack these.
    #[serde(default)]
    forum_id: Option<i32>,
    #[serde(default)]
    committee_id: Option<i32>,
}

impl From<&event::Model> for EventFields {
    fn from(e: &event::Model) -> Self {
        Self {
            kind: e.kind.to_value(),
            title: e.title.clone(),
            host_cluster_id: e.host_cluster_id,
            region_id: e.region_id,
            scheduled_start: e.scheduled_start,
            status: e.status.to_value(),
            forum_id: e.forum_id,
            committee_id: e.committee_id,
        }
    }
}

/// The `events` table, imported by reference.
pub(crate) struct EventTable;

impl UpsertTable for EventTable {
    type Fields = EventFields;
    const TABLE: &'static str = "events";
    const KEY_COLUMNS: &'static [&'static str] = &["event_ref"];
    const FIELD_COLUMNS: &'static [&'static str] = &[
        "kind",
        "title",
        "host_cluster_id",
        "region_id",
        "scheduled_start",
        "status",
        "forum_id",
        "committee_id",
    ];

    fn touch(fields: &EventFields, touched: &mut Touched) {
        fields.touch(touched);
    }

    fn field_values(f: &EventFields) -> Vec<Value> {
        vec![
            f.kind.clone().into(),
            f.title.clone().into(),
            f.host_cluster_id.into(),
            f.region_id.into(),
            f.scheduled_start.into(),
            f.status.clone().into(),
            f.forum_id.into(),
            f.committee_id.into(),
        ]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedEvents {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<EventTable>>,
}

/// Importing events by reference.
pub struct EventSync;

impl EventSync {
    /// Checks the records of a file or a batch against the clusters, regions, forums,
    /// committees and events there are; writes nothing. `now` bounds what can have been held.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<EventRecord>>>,
        now: NaiveDateTime,
    ) -> Result<CheckedEvents, DomainError> {
        let clusters: HashMap<String, (i32, i32)> = cluster::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.code, (c.id, c.region_id)))
            .collect();
        let regions: HashMap<String, i32> = region::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.code, r.id))
            .collect();
        let forums: HashMap<(i32, String), i32> = forum::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|f| ((f.cluster_id, f.name), f.id))
            .collect();
        let committees: HashMap<(i32, String), i32> = committee::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| ((c.cluster_id, c.name), c.id))
            .collect();
        let stored: HashMap<String, (i32, EventFields)> = event::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|e| {
                let fields = EventFields::from(&e);
                (e.event_ref, (e.id, fields))
            })
            .collect();
        let attended = attended_events(db).await?;

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<EventTable>> = Vec::new();
        let mut seen: HashMap<String, u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem {
                    line,
                    column: Some(column.to_owned()),
                    value: value.to_owned(),
                    why,
                });
            };
            let reference = record.event_ref.trim().to_owned();
            if reference.is_empty() {
                problem("event_ref", "", "required".into());
            } else if reference.chars().count() > REF_MAX {
                problem(
                    "event_ref",
                    &reference,
                    format!("at most {REF_MAX} characters"),
                );
            } else if let Some(first) = seen.insert(reference.clone(), line) {
                problem(
                    "event_ref",
                    &reference,
                    format!("this event is also on {position} {first}"),
                );
            }
            let kind = record.kind.trim().to_lowercase();
            let host = KINDS.iter().find(|(k, _)| *k == kind).map(|(_, h)| *h);
            if host.is_none() {
                let why = match kind.as_str() {
                    "" => "required".to_owned(),
                    _ => format!(
                        "write one of {}",
                        KINDS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
                    ),
                };
                problem("kind", &kind, why);
            }
            let title = record.title.trim().to_owned();
            if title.is_empty() {
                problem("title", "", "required".into());
            } else if title.chars().count() > TITLE_MAX {
                problem("title", &title, format!("at most {TITLE_MAX} characters"));
            }
            let start_text = record.scheduled_start.trim();
            let start = parse_time(start_text);
            if start.is_none() {
                let why = if start_text.is_empty() {
                    "required: write 2025-03-14 18:00"
                } else {
                    "not a time: write 2025-03-14 18:00"
                };
                problem("scheduled_start", start_text, why.into());
            }
            let status = record.status.trim().to_lowercase();
            if !STATUSES.contains(&status.as_str()) {
                problem("status", &status, "write planned, held or cancelled".into());
            } else if status == "held"
                && let Some(start) = start
                && start > now
            {
                problem(
                    "status",
                    &status,
                    "the event starts later: it can be held only once it has started".into(),
                );
            }
            let cluster_code = record.cluster_code.as_deref().map_or("", str::trim);
            let region_code = record.region_code.as_deref().map_or("", str::trim);
            let cluster = match clusters.get(cluster_code) {
                None if !cluster_code.is_empty() => {
                    problem(
                        "cluster_code",
                        cluster_code,
                        "no cluster has this code".into(),
                    );
                    None
                }
                found => found.copied(),
            };
            let region = match regions.get(region_code) {
                None if !region_code.is_empty() => {
                    problem("region_code", region_code, "no region has this code".into());
                    None
                }
                found => found.copied(),
            };
            let (host_cluster_id, region_id) = match host {
                Some(Host::Cluster | Host::Forum | Host::Committee) => {
                    if cluster_code.is_empty() {
                        problem(
                            "cluster_code",
                            "",
                            format!("required: the cluster that hosts the {kind}"),
                        );
                    }
                    if !region_code.is_empty() {
                        problem(
                            "region_code",
                            region_code,
                            "leave it empty: the event is in its cluster's region".into(),
                        );
                    }
                    // Only regional events name a region, as every other record of events.
                    (cluster.map(|c| c.0), None)
                }
                Some(Host::Region) => {
                    if region_code.is_empty() {
                        problem(
                            "region_code",
                            "",
                            "required: the region that holds the event".into(),
                        );
                    }
                    if let (Some((_, of)), Some(region)) = (cluster, region)
                        && of != region
                    {
                        problem(
                            "cluster_code",
                            cluster_code,
                            "the cluster is in another region".into(),
                        );
                    }
                    (cluster.map(|c| c.0), region)
                }
                Some(Host::Organization) => {
                    for (column, code) in
                        [("cluster_code", cluster_code), ("region_code", region_code)]
                    {
                        if !code.is_empty() {
                            problem(
                                column,
                                code,
                                format!("leave it empty: the {kind} is the whole organization's"),
                            );
                        }
                    }
                    (None, None)
                }
                None => (None, None),
            };
            let forum_name = record.forum.as_deref().map_or("", str::trim);
            let committee_name = record.committee.as_deref().map_or("", str::trim);
            let mut body = |column: &str,
                            name: &str,
                            of: &HashMap<(i32, String), i32>,
                            needed: bool| match (needed, name.is_empty())
            {
                (true, true) => {
                    problem(column, "", format!("required: the {column} that met"));
                    None
                }
                (false, false) => {
                    problem(
                        column,
                        name,
                        format!("leave it empty: only a {column}'s own meetings name it"),
                    );
                    None
                }
                (true, false) => {
                    let found = host_cluster_id
                        .and_then(|cluster| of.get(&(cluster, name.to_owned())).copied());
                    if found.is_none() && host_cluster_id.is_some() {
                        problem(
                            column,
                            name,
                            format!("the cluster has no {column} of this name: import it first"),
                        );
                    }
                    found
                }
                (false, true) => None,
            };
            let forum_id = body("forum", forum_name, &forums, host == Some(Host::Forum));
            let committee_id = body(
                "committee",
                committee_name,
                &committees,
                host == Some(Host::Committee),
            );
            let (Some(start), Some(_)) = (start, host) else {
                continue;
            };
            let was = stored.get(&reference).cloned();
            if let Some((id, _)) = &was
                && status != "held"
                && attended.contains(id)
            {
                problem(
                    "status",
                    &status,
                    "attendances are recorded for this event: it stays held".into(),
                );
            }
            if preview.problem_count > before {
                continue;
            }
            let fields = EventFields {
                kind,
                title,
                host_cluster_id,
                region_id,
                scheduled_start: start,
                status,
                forum_id,
                committee_id,
            };
            let action = Upsert::against(was, &fields);
            rows.push(Planned {
                key: vec![reference.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedEvents { preview, rows })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the KPIs
    /// it moves.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedEvents { preview, rows }: CheckedEvents,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        // Who attended an event that changes counts where they belong.
        let changed: Vec<i32> = rows
            .iter()
            .filter_map(|row| match row.action {
                Upsert::Change(id, _) => Some(id),
                _ => None,
            })
            .collect();
        let attendees = attendees(db, &changed).await?;
        write_checked(db, preview, &rows, origin, attendees, today).await
    }
}

impl EventFields {
    /// Adds what the event's KPIs depend on to `touched`: its host and its day.
    fn touch(&self, touched: &mut Touched) {
        touched.clusters.extend(self.host_cluster_id);
        touched.days.push(self.scheduled_start.date());
    }
}

/// Undoes events import `import` in `txn`: what the KPI recompute must cover (the events
/// as the import left them and as they are restored, and their attendees), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let written: Vec<event::Model> = event::Entity::find()
        .from_raw_sql(statement(
            txn.get_database_backend(),
            "SELECT * FROM events \
             WHERE id IN (SELECT row_id FROM fact_import_rows WHERE import_id = ?)",
            [import.into()],
        ))
        .all(txn)
        .await?;
    let ids: Vec<i32> = written.iter().map(|e| e.id).collect();
    let mut touched = attendees(txn, &ids).await?;
    for event in &written {
        EventFields::from(event).touch(&mut touched);
    }
    let undone = undo_rows::<EventTable, _>(
        txn,
        import,
        "events this import created have attendances, invitations or speakers now; those \
         must go first, so the events are kept",
    )
    .await?;
    for fields in &undone.restored {
        fields.touch(&mut touched);
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// The members who attended `events`, as a start of what a change to them touches.
async fn attendees<C: ConnectionTrait>(db: &C, events: &[i32]) -> Result<Touched, DomainError> {
    let mut touched = Touched::default();
    for chunk in events.chunks(500) {
        let ids: Vec<String> = chunk.iter().map(i32::to_string).collect();
        let rows = db
            .query_all_raw(statement(
                db.get_database_backend(),
                &format!(
                    "SELECT DISTINCT member_id FROM attendances WHERE event_id IN ({})",
                    ids.join(", ")
                ),
                [],
            ))
            .await?;
        for row in rows {
            touched.members.insert(row.try_get("", "member_id")?);
        }
    }
    Ok(touched)
}

/// Every event with at least one attendance.
async fn attended_events<C: ConnectionTrait>(db: &C) -> Result<HashSet<i32>, DomainError> {
    db.query_all_raw(statement(
        db.get_database_backend(),
        "SELECT DISTINCT event_id FROM attendances",
        [],
    ))
    .await?
    .into_iter()
    .map(|row| Ok(row.try_get("", "event_id")?))
    .collect()
}

/// An event record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> EventRecord {
    EventRecord {
        event_ref: cells.text("event_ref"),
        kind: cells.text("kind"),
        title: cells.text("title"),
        scheduled_start: cells.text("scheduled_start"),
        status: cells.text("status"),
        cluster_code: cells.optional("cluster_code"),
        region_code: cells.optional("region_code"),
        forum: cells.optional("forum"),
        committee: cells.optional("committee"),
    }
}
