//! Mentorships from a file or an integration: a member of a cluster mentoring another,
//! each known by the cluster, the mentor, the mentee and the first day, with the last day.
//! The whole file is checked first (every problem by line and column, nothing written on
//! any), written in one transaction and recorded in the import history, from which it can
//! be rolled back; the mentorship KPIs of the clusters on the days it touches are
//! recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::mentorship;
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem, seat_days};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of mentorships; days as `2025-03-14`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "mentorships",
    required: &[
        "cluster_code",
        "mentor_number",
        "mentee_number",
        "start_date",
    ],
    optional: &["end_date"],
};

/// One mentorship as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MentorshipRecord {
    /// The cluster's code.
    pub cluster_code: String,
    /// The mentor's member number.
    pub mentor_number: String,
    /// The mentee's member number.
    pub mentee_number: String,
    /// The first day; with the cluster, mentor and mentee, the natural key.
    pub start_date: String,
    /// The last day; still going when left out.
    pub end_date: Option<String>,
}

/// A mentorship's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct MentorshipFields {
    end_date: Option<NaiveDate>,
}

/// The `mentorships` table, imported by cluster, mentor, mentee and first day.
pub(crate) struct MentorshipTable;

impl UpsertTable for MentorshipTable {
    type Fields = MentorshipFields;
    const TABLE: &'static str = "mentorships";
    const KEY_COLUMNS: &'static [&'static str] =
        &["cluster_id", "mentor_id", "mentee_id", "start_date"];
    const FIELD_COLUMNS: &'static [&'static str] = &["end_date"];

    /// The last day, or today when there is none; the rest comes from the key.
    fn touch(fields: &MentorshipFields, touched: &mut Touched) {
        match fields.end_date {
            Some(end) => touched.days.push(end),
            None => touched.open = true,
        }
    }

    fn field_values(f: &MentorshipFields) -> Vec<Value> {
        vec![f.end_date.into()]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedMentorships {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<MentorshipTable>>,
    touched: Touched,
}

/// A stored mentorship by its natural key.
type MentorshipKey = (i32, i32, i32, NaiveDate);

/// Importing mentorships.
pub struct MentorshipSync;

impl MentorshipSync {
    /// Checks the records of a file or a batch against the clusters, members and
    /// mentorships there are; writes nothing. `today` bounds the days.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<MentorshipRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedMentorships, DomainError> {
        let directory = FactDirectory::people(db).await?;
        let stored: HashMap<MentorshipKey, (i32, MentorshipFields)> = mentorship::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| {
                let fields = MentorshipFields {
                    end_date: m.end_date,
                };
                (
                    (m.cluster_id, m.mentor_id, m.mentee_id, m.start_date),
                    (m.id, fields),
                )
            })
            .collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<MentorshipTable>> = Vec::new();
        let mut touched = Touched::default();
        let mut seen: HashMap<MentorshipKey, u64> = HashMap::new();
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
            let mut member = |column: &str, number: &str| {
                let number = number.trim();
                directory
                    .member_of(number, cluster)
                    .map_err(|why| problem(column, number, why.into()))
                    .ok()
            };
            let mentor = member("mentor_number", &record.mentor_number);
            let mentee = member("mentee_number", &record.mentee_number);
            if mentor.is_some() && mentor == mentee {
                problem(
                    "mentee_number",
                    record.mentee_number.trim(),
                    "the mentor's own number: a member does not mentor themselves".into(),
                );
            }
            let (start, end) = seat_days(
                &record.start_date,
                record.end_date.as_deref(),
                today,
                "a mentorship",
                &mut problem,
            );
            let (Some(cluster), Some(mentor), Some(mentee), Some(start)) =
                (cluster, mentor, mentee, start)
            else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let key: MentorshipKey = (cluster, mentor, mentee, start);
            if let Some(first) = seen.insert(key, line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "start_date",
                    &start.to_string(),
                    format!("this mentorship is also on {position} {first}"),
                ));
                continue;
            }
            let fields = MentorshipFields { end_date: end };
            let action = Upsert::against(stored.get(&key).cloned(), &fields);
            if !matches!(action, Upsert::Keep) {
                for member in [mentor, mentee] {
                    touched.add(member, cluster, start, end);
                }
            }
            rows.push(Planned {
                key: vec![cluster.into(), mentor.into(), mentee.into(), start.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedMentorships {
            preview,
            rows,
            touched,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// mentorship KPIs of the clusters and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedMentorships {
            preview,
            rows,
            touched,
        }: CheckedMentorships,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// Undoes mentorship import `import` in `txn`: what the KPI recompute must cover (the
/// mentorships as the import left them and as they are restored), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    for row in written_rows(
        txn,
        "mentorships",
        "cluster_id, mentor_id, mentee_id, start_date, end_date",
        import,
    )
    .await?
    {
        let cluster = row.try_get("", "cluster_id")?;
        let (start, end) = (row.try_get("", "start_date")?, row.try_get("", "end_date")?);
        for column in ["mentor_id", "mentee_id"] {
            touched.add(row.try_get("", column)?, cluster, start, end);
        }
    }
    let undone =
        undo_rows::<MentorshipTable, _>(txn, import, "its mentorships cannot be removed").await?;
    for fields in &undone.restored {
        MentorshipTable::touch(fields, &mut touched);
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A mentorship record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> MentorshipRecord {
    MentorshipRecord {
        cluster_code: cells.text("cluster_code"),
        mentor_number: cells.text("mentor_number"),
        mentee_number: cells.text("mentee_number"),
        start_date: cells.text("start_date"),
        end_date: cells.optional("end_date"),
    }
}
