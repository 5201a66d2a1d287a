//! Committee members from a file or an integration: each seat known by its committee (the
//! cluster's code and the committee's name), the member and the first day, with the last
//! day. The whole file is checked first (every problem by line and column, nothing written
//! on any), written in one transaction and recorded in the import history, from which it
//! can be rolled back. No KPI reads committee seats (recording a call invites the members
//! seated that day), so nothing is recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::{committee, committee_member};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem, seat_days};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{Planned, Upsert, UpsertTable, settle, undo_rows, write_checked};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of committee members; dates as `2025-01-01`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "committee_members",
    required: &["cluster_code", "committee", "member_number", "start_date"],
    optional: &["end_date"],
};

/// One committee seat as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommitteeMemberRecord {
    /// The code of the committee's cluster.
    pub cluster_code: String,
    /// The committee's name (import the committees first).
    pub committee: String,
    /// The member's number.
    pub member_number: String,
    /// The first day on the committee; with the committee and member, the natural key.
    pub start_date: String,
    /// The last day; still on it when left out.
    pub end_date: Option<String>,
}

/// A seat's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CommitteeMemberFields {
    end_date: Option<NaiveDate>,
}

/// The `committee_members` table, imported by committee, member and first day.
pub(crate) struct CommitteeMemberTable;

impl UpsertTable for CommitteeMemberTable {
    type Fields = CommitteeMemberFields;
    const TABLE: &'static str = "committee_members";
    const KEY_COLUMNS: &'static [&'static str] = &["committee_id", "member_id", "start_date"];
    const FIELD_COLUMNS: &'static [&'static str] = &["end_date"];

    /// No KPI reads committee seats.
    fn touch(_: &CommitteeMemberFields, _: &mut Touched) {}

    fn field_values(f: &CommitteeMemberFields) -> Vec<Value> {
        vec![f.end_date.into()]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedCommitteeMembers {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<CommitteeMemberTable>>,
}

/// Importing committee members.
pub struct CommitteeMemberSync;

impl CommitteeMemberSync {
    /// Checks the records of a file or a batch against the committees, members and seats
    /// there are; writes nothing. `today` bounds the dates.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<CommitteeMemberRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedCommitteeMembers, DomainError> {
        let directory = FactDirectory::people(db).await?;
        let committees: HashMap<(i32, String), i32> = committee::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| ((c.cluster_id, c.name), c.id))
            .collect();
        type SeatKey = (i32, i32, NaiveDate);
        let stored: HashMap<SeatKey, (i32, CommitteeMemberFields)> =
            committee_member::Entity::find()
                .all(db)
                .await?
                .into_iter()
                .map(|s| {
                    let fields = CommitteeMemberFields {
                        end_date: s.end_date,
                    };
                    ((s.committee_id, s.member_id, s.start_date), (s.id, fields))
                })
                .collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<CommitteeMemberTable>> = Vec::new();
        let mut seen: HashMap<SeatKey, u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let code = record.cluster_code.trim();
            let cluster = directory
                .cluster(code)
                .map_err(|why| problem("cluster_code", code, why.into()))
                .ok();
            let name = record.committee.trim();
            let committee = cluster.and_then(|c| committees.get(&(c, name.to_owned())).copied());
            if name.is_empty() {
                problem("committee", "", "required: the committee's name".into());
            } else if cluster.is_some() && committee.is_none() {
                problem(
                    "committee",
                    name,
                    "the cluster has no such committee: import the committees first".into(),
                );
            }
            let number = record.member_number.trim();
            let member = directory
                .member_of(number, cluster)
                .map_err(|why| problem("member_number", number, why.into()))
                .ok();
            let (start, end) = seat_days(
                &record.start_date,
                record.end_date.as_deref(),
                today,
                "a seat",
                &mut problem,
            );
            let (Some(committee), Some(member), Some(start)) = (committee, member, start) else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let key: SeatKey = (committee, member, start);
            if let Some(first) = seen.insert(key, line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "start_date",
                    &start.to_string(),
                    format!(
                        "this seat of the member on the committee is also on {position} {first}"
                    ),
                ));
                continue;
            }
            let fields = CommitteeMemberFields { end_date: end };
            let action = Upsert::against(stored.get(&key).cloned(), &fields);
            rows.push(Planned {
                key: vec![committee.into(), member.into(), start.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedCommitteeMembers { preview, rows })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written) and records it in the import history.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedCommitteeMembers { preview, rows }: CheckedCommitteeMembers,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, Touched::default(), today).await
    }
}

/// Undoes committee member import `import` in `txn`; nothing to recompute.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let undone =
        undo_rows::<CommitteeMemberTable, _>(txn, import, "its seats cannot be removed").await?;
    Ok((
        undone.removed,
        undone.restored.len() as u64,
        Touched::default(),
    ))
}

/// A committee member record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> CommitteeMemberRecord {
    CommitteeMemberRecord {
        cluster_code: cells.text("cluster_code"),
        committee: cells.text("committee"),
        member_number: cells.text("member_number"),
        start_date: cells.text("start_date"),
        end_date: cells.optional("end_date"),
    }
}
