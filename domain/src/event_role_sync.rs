//! A member's part in an event, from a file or an integration: invited (forum meetings
//! and committee calls count attendance against their invitations) or speaking (a talk at
//! a held regional or global event counts for the speaker's cluster). Each is known by
//! the event's reference and the member's number. The whole file is checked first (every
//! problem by line and column, nothing written on any), written in one transaction and
//! recorded in the import history, from which it can be rolled back; the KPIs of the
//! events' hosts and of the members' clusters are recomputed for the events' days.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::{event, event_invitation, speaker};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{Planned, Upsert, UpsertTable, settle, undo_rows, write_checked};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;
use crate::sql::statement;

/// The columns of a file of invitations.
pub const INVITATION_LAYOUT: FileLayout = FileLayout {
    kind: "event_invitations",
    required: &["event_ref", "member_number"],
    optional: &[],
};

/// The columns of a file of speakers.
pub const SPEAKER_LAYOUT: FileLayout = FileLayout {
    kind: "speakers",
    required: &["event_ref", "member_number", "topic"],
    optional: &[],
};

/// The longest topic (the column's width).
const TOPIC_MAX: usize = 160;

/// One invitation or talk as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventRoleRecord {
    /// The event's reference (import the events first).
    pub event_ref: String,
    /// The member's number; with the event, the natural key.
    pub member_number: String,
    /// What the member spoke about; speakers only.
    pub topic: Option<String>,
}

/// An invitation's columns besides its key: none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct InvitationFields {}

/// A talk's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SpeakerFields {
    topic: String,
}

/// A table of members' parts in events, keyed by event and member.
pub(crate) trait EventRoleTable: UpsertTable {
    /// The fields `record` gives, or why it gives none (a problem in `column`).
    fn fields(record: &EventRoleRecord) -> Result<Self::Fields, (&'static str, String, String)>;
    /// The stored rows by event and member, with their ids and fields.
    async fn stored<C: ConnectionTrait>(
        db: &C,
    ) -> Result<HashMap<(i32, i32), (i32, Self::Fields)>, DomainError>;
    /// Checked rows of this table, with what each touches.
    fn planned(rows: Vec<Planned<Self>>, touched: Touched) -> PlannedRoles
    where
        Self: Sized;
}

/// The `event_invitations` table, imported by event and member.
pub(crate) struct InvitationTable;

impl UpsertTable for InvitationTable {
    type Fields = InvitationFields;
    const TABLE: &'static str = "event_invitations";
    const KEY_COLUMNS: &'static [&'static str] = &["event_id", "member_id"];
    const FIELD_COLUMNS: &'static [&'static str] = &[];

    /// What an invitation moves is its event's and member's, known from the key.
    fn touch(_: &InvitationFields, _: &mut Touched) {}

    fn field_values(_: &InvitationFields) -> Vec<Value> {
        Vec::new()
    }
}

impl EventRoleTable for InvitationTable {
    /// An invitation's file and API item have no topic: nothing to check.
    fn fields(_: &EventRoleRecord) -> Result<InvitationFields, (&'static str, String, String)> {
        Ok(InvitationFields {})
    }

    async fn stored<C: ConnectionTrait>(
        db: &C,
    ) -> Result<HashMap<(i32, i32), (i32, InvitationFields)>, DomainError> {
        Ok(event_invitation::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|i| ((i.event_id, i.member_id), (i.id, InvitationFields {})))
            .collect())
    }

    fn planned(rows: Vec<Planned<Self>>, touched: Touched) -> PlannedRoles {
        PlannedRoles::Invitations(rows, touched)
    }
}

/// The `speakers` table, imported by event and member.
pub(crate) struct SpeakerTable;

impl UpsertTable for SpeakerTable {
    type Fields = SpeakerFields;
    const TABLE: &'static str = "speakers";
    const KEY_COLUMNS: &'static [&'static str] = &["event_id", "member_id"];
    const FIELD_COLUMNS: &'static [&'static str] = &["topic"];

    /// A topic moves no KPI; the talk's event and member are known from the key.
    fn touch(_: &SpeakerFields, _: &mut Touched) {}

    fn field_values(f: &SpeakerFields) -> Vec<Value> {
        vec![f.topic.clone().into()]
    }
}

impl EventRoleTable for SpeakerTable {
    fn fields(record: &EventRoleRecord) -> Result<SpeakerFields, (&'static str, String, String)> {
        let topic = record.topic.as_deref().map_or("", str::trim).to_owned();
        if topic.is_empty() {
            Err((
                "topic",
                topic,
                "required: what the member spoke about".into(),
            ))
        } else if topic.chars().count() > TOPIC_MAX {
            Err(("topic", topic, format!("at most {TOPIC_MAX} characters")))
        } else {
            Ok(SpeakerFields { topic })
        }
    }

    async fn stored<C: ConnectionTrait>(
        db: &C,
    ) -> Result<HashMap<(i32, i32), (i32, SpeakerFields)>, DomainError> {
        Ok(speaker::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|s| {
                (
                    (s.event_id, s.member_id),
                    (s.id, SpeakerFields { topic: s.topic }),
                )
            })
            .collect())
    }

    fn planned(rows: Vec<Planned<Self>>, touched: Touched) -> PlannedRoles {
        PlannedRoles::Speakers(rows, touched)
    }
}

/// Checked rows ready to write, with what they touch.
pub(crate) enum PlannedRoles {
    /// Invitations.
    Invitations(Vec<Planned<InvitationTable>>, Touched),
    /// Talks.
    Speakers(Vec<Planned<SpeakerTable>>, Touched),
}

/// A checked file of invitations or speakers: what importing it would do, with its rows
/// ready to write.
pub struct CheckedEventRoles {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    planned: PlannedRoles,
}

/// An event as rows are checked against it: its id, host and day.
struct EventFacts {
    id: i32,
    host: Option<i32>,
    day: NaiveDate,
}

/// Importing invitations and speakers.
pub struct EventRoleSync;

impl EventRoleSync {
    /// Checks the records of a file or a batch of `T`'s rows against the events, members
    /// and rows there are; writes nothing.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<T: EventRoleTable, C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<EventRoleRecord>>>,
    ) -> Result<CheckedEventRoles, DomainError> {
        let directory = FactDirectory::people(db).await?;
        let events: HashMap<String, EventFacts> = event::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|e| {
                let facts = EventFacts {
                    id: e.id,
                    host: e.host_cluster_id,
                    day: e.scheduled_start.date(),
                };
                (e.event_ref, facts)
            })
            .collect();
        let mut stored = T::stored(db).await?;

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<T>> = Vec::new();
        let mut touched = Touched::default();
        let mut seen: HashMap<(i32, i32), u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let reference = record.event_ref.trim();
            let event = match events.get(reference) {
                Some(event) => Some(event),
                None if reference.is_empty() => {
                    problem("event_ref", "", "required: the event's reference".into());
                    None
                }
                None => {
                    problem(
                        "event_ref",
                        reference,
                        "no event has this reference: import the events first".into(),
                    );
                    None
                }
            };
            let number = record.member_number.trim();
            let member = directory
                .member_of(number, None)
                .map_err(|why| problem("member_number", number, why.into()))
                .ok();
            let fields = T::fields(&record)
                .map_err(|(column, value, why)| problem(column, &value, why))
                .ok();
            let (Some(event), Some(member), Some(fields)) = (event, member, fields) else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            if let Some(first) = seen.insert((event.id, member), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "member_number",
                    number,
                    format!("this member at this event is also on {position} {first}"),
                ));
                continue;
            }
            // The file holds each key once (checked above), so the stored row is taken.
            let action = Upsert::against(stored.remove(&(event.id, member)), &fields);
            if !matches!(action, Upsert::Keep) {
                touched.add_day(member, event.host, event.day);
            }
            rows.push(Planned {
                key: vec![event.id.into(), member.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedEventRoles {
            preview,
            planned: T::planned(rows, touched),
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the KPIs
    /// of the events' hosts and the members' clusters on the events' days.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedEventRoles { preview, planned }: CheckedEventRoles,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        match planned {
            PlannedRoles::Invitations(rows, touched) => {
                write_checked(db, preview, &rows, origin, touched, today).await
            }
            PlannedRoles::Speakers(rows, touched) => {
                write_checked(db, preview, &rows, origin, touched, today).await
            }
        }
    }
}

/// Undoes an import of `T`'s rows in `txn`: what the KPI recompute must cover (the rows'
/// events' hosts and days and their members), with the counts.
pub(crate) async fn undo<T: UpsertTable, C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    let written = txn
        .query_all_raw(statement(
            txn.get_database_backend(),
            &format!(
                "SELECT x.member_id, e.host_cluster_id, e.scheduled_start FROM {} x \
                 JOIN events e ON e.id = x.event_id \
                 WHERE x.id IN (SELECT row_id FROM fact_import_rows WHERE import_id = ?)",
                T::TABLE
            ),
            [import.into()],
        ))
        .await?;
    for row in written {
        let start: NaiveDateTime = row.try_get("", "scheduled_start")?;
        touched.add_day(
            row.try_get("", "member_id")?,
            row.try_get("", "host_cluster_id")?,
            start.date(),
        );
    }
    let undone = undo_rows::<T, _>(txn, import, "its rows cannot be removed").await?;
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// An invitation record from a file row's cells.
pub(crate) fn invitation_record(cells: &crate::fact_file::Cells<'_>) -> EventRoleRecord {
    EventRoleRecord {
        event_ref: cells.text("event_ref"),
        member_number: cells.text("member_number"),
        topic: None,
    }
}

/// A speaker record from a file row's cells.
pub(crate) fn speaker_record(cells: &crate::fact_file::Cells<'_>) -> EventRoleRecord {
    EventRoleRecord {
        event_ref: cells.text("event_ref"),
        member_number: cells.text("member_number"),
        topic: Some(cells.text("topic")),
    }
}
