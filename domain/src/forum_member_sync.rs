//! Forum members and moderators from a file or an integration: each seat known by its
//! forum (the cluster's code and the forum's name), the member, the role and the first day,
//! with the last day and whether a moderator was trained. The whole file is checked first
//! (every problem by line and column, nothing written on any), written in one transaction,
//! recorded in the import history (from which it can be rolled back), and the forum KPIs
//! of the clusters, members and days it touches are recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ActiveEnum, ConnectionTrait, DatabaseConnection, EntityTrait, Iterable, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::{forum, forum_membership, forum_membership::ForumRole};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{
    FileLayout, ImportPreview, NumberedRecord, Records, RowProblem, parse_flag, seat_days,
};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{Planned, Upsert, UpsertTable, settle, undo_rows, write_checked};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;
use crate::sql::statement;

/// The columns of a file of forum members; dates as `2025-01-01`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "forum_memberships",
    required: &[
        "cluster_code",
        "forum",
        "member_number",
        "role",
        "start_date",
    ],
    optional: &["end_date", "trained"],
};

/// One forum seat as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ForumMemberRecord {
    /// The code of the forum's cluster.
    pub cluster_code: String,
    /// The forum's name (import the forums first).
    pub forum: String,
    /// The member's number.
    pub member_number: String,
    /// `member` or `moderator`.
    pub role: String,
    /// The first day in the forum in that role; with the forum, member and role, the
    /// natural key.
    pub start_date: String,
    /// The last day; still in the forum when left out.
    pub end_date: Option<String>,
    /// Whether they were trained for the role (`yes` or `no`; `no` when left out).
    pub trained: Option<String>,
}

/// A seat's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ForumMemberFields {
    trained: bool,
    end_date: Option<NaiveDate>,
}

/// The `forum_memberships` table, imported by forum, member, role and first day.
pub(crate) struct ForumMemberTable;

impl UpsertTable for ForumMemberTable {
    type Fields = ForumMemberFields;
    const TABLE: &'static str = "forum_memberships";
    const KEY_COLUMNS: &'static [&'static str] = &["forum_id", "member_id", "role", "start_date"];
    const FIELD_COLUMNS: &'static [&'static str] = &["trained", "end_date"];

    /// A seat's KPIs follow its key (the forum's cluster, the member, the first day) too:
    /// [`ForumMemberSync::write`] adds both versions of each row before writing.
    fn touch(_: &ForumMemberFields, _: &mut Touched) {}

    fn field_values(f: &ForumMemberFields) -> Vec<Value> {
        vec![f.trained.into(), f.end_date.into()]
    }
}

/// Where a seat is: its forum's cluster, the member and the first day.
#[derive(Clone, Copy, Debug)]
struct SeatPlace {
    cluster: i32,
    member: i32,
    start: NaiveDate,
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedForumMembers {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<ForumMemberTable>>,
    places: Vec<SeatPlace>,
}

/// Importing forum members and moderators.
pub struct ForumMemberSync;

impl ForumMemberSync {
    /// Checks the records of a file or a batch against the forums, members and seats
    /// there are; writes nothing. `today` bounds the dates.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<ForumMemberRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedForumMembers, DomainError> {
        let directory = FactDirectory::people(db).await?;
        let forums: HashMap<(i32, String), i32> = forum::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|f| ((f.cluster_id, f.name), f.id))
            .collect();
        type SeatKey = (i32, i32, String, NaiveDate);
        let stored: HashMap<SeatKey, (i32, ForumMemberFields)> = forum_membership::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|s| {
                let fields = ForumMemberFields {
                    trained: s.trained,
                    end_date: s.end_date,
                };
                (
                    (s.forum_id, s.member_id, s.role.to_value(), s.start_date),
                    (s.id, fields),
                )
            })
            .collect();
        let roles: Vec<String> = ForumRole::iter().map(|r| r.to_value()).collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<ForumMemberTable>> = Vec::new();
        let mut places = Vec::new();
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
            let forum_name = record.forum.trim();
            let forum = cluster.and_then(|c| forums.get(&(c, forum_name.to_owned())).copied());
            if forum_name.is_empty() {
                problem("forum", "", "required: the forum's name".into());
            } else if cluster.is_some() && forum.is_none() {
                problem(
                    "forum",
                    forum_name,
                    "the cluster has no such forum: import the forums first".into(),
                );
            }
            let number = record.member_number.trim();
            let member = directory
                .member_of(number, cluster)
                .map_err(|why| problem("member_number", number, why.into()))
                .ok();
            let role = record.role.trim().to_lowercase();
            if !roles.contains(&role) {
                problem(
                    "role",
                    record.role.trim(),
                    format!("one of {}", roles.join(", ")),
                );
            }
            let (start, end) = seat_days(
                &record.start_date,
                record.end_date.as_deref(),
                today,
                "a seat",
                &mut problem,
            );
            let trained_text = record.trained.as_deref().unwrap_or("").trim();
            let trained = if trained_text.is_empty() {
                false
            } else {
                parse_flag(trained_text).unwrap_or_else(|| {
                    problem("trained", trained_text, "write yes or no".into());
                    false
                })
            };
            let (Some(cluster), Some(forum), Some(member), Some(start)) =
                (cluster, forum, member, start)
            else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let key: SeatKey = (forum, member, role.clone(), start);
            if let Some(first) = seen.insert(key.clone(), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "start_date",
                    &start.to_string(),
                    format!("this seat of the member in the forum is also on {position} {first}"),
                ));
                continue;
            }
            let fields = ForumMemberFields {
                trained,
                end_date: end,
            };
            let action = Upsert::against(stored.get(&key).cloned(), &fields);
            rows.push(Planned {
                key: vec![forum.into(), member.into(), role.into(), start.into()],
                fields,
                action,
            });
            places.push(SeatPlace {
                cluster,
                member,
                start,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedForumMembers {
            preview,
            rows,
            places,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// forum KPIs of the clusters, members and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedForumMembers {
            preview,
            rows,
            places,
        }: CheckedForumMembers,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        let mut touched = Touched::default();
        for (row, place) in rows.iter().zip(&places) {
            match &row.action {
                Upsert::Keep => continue,
                Upsert::Create => {}
                Upsert::Change(_, was) => {
                    touched.add(place.member, place.cluster, place.start, was.end_date);
                }
            }
            touched.add(
                place.member,
                place.cluster,
                place.start,
                row.fields.end_date,
            );
        }
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// Undoes forum member import `import` in `txn`: what the KPI recompute must cover (the
/// seats as the import left them and as they are restored: open to today, since a restored
/// seat may have had no end), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    for row in txn
        .query_all_raw(statement(
            txn.get_database_backend(),
            "SELECT f.cluster_id AS cluster_id, s.member_id AS member_id, \
             s.start_date AS start_date FROM forum_memberships s \
             JOIN forums f ON f.id = s.forum_id \
             WHERE s.id IN (SELECT row_id FROM fact_import_rows WHERE import_id = ?)",
            [import.into()],
        ))
        .await?
    {
        touched.add(
            row.try_get("", "member_id")?,
            row.try_get("", "cluster_id")?,
            row.try_get("", "start_date")?,
            None,
        );
    }
    let undone =
        undo_rows::<ForumMemberTable, _>(txn, import, "its seats cannot be removed").await?;
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A forum member record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> ForumMemberRecord {
    ForumMemberRecord {
        cluster_code: cells.text("cluster_code"),
        forum: cells.text("forum"),
        member_number: cells.text("member_number"),
        role: cells.text("role"),
        start_date: cells.text("start_date"),
        end_date: cells.optional("end_date"),
        trained: cells.optional("trained"),
    }
}
