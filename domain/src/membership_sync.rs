//! Memberships pushed by an integration (a CRM): each known by its member and start day,
//! credited to a cluster by its code. A batch is checked whole like an import file (every
//! problem by item and field, nothing written on any), written in one transaction,
//! recorded in the import history (from which it can be rolled back), and the KPIs of the
//! clusters and days it touches are recomputed: memberships count in most metrics.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use kpi::{ClusterId, MemberId};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::{cluster, member, membership};
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem, batch};
use crate::fact_upsert::{Upsert, count, refusal};
use crate::import_history::{self, ImportOrigin, ImportRecord};
use crate::kpi_engine::{FactChange, KpiEngine, RecomputeReport};
use crate::sql::{insert_returning_ids, statement};

/// The columns of a file of memberships.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "memberships",
    required: &["member_number", "cluster_code", "start_date"],
    optional: &["end_date", "renewal_due_on", "renewal_outcome"],
};
/// Rows written per statement.
const CHUNK: usize = 200;
/// The renewal outcomes a membership can have.
const OUTCOMES: &[&str] = &["renewed", "lapsed", "pending"];

/// One membership as an integration sends it; dates as `2025-07-01`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MembershipRecord {
    /// The member's number.
    pub member_number: String,
    /// The cluster's code.
    pub cluster_code: String,
    /// The first day: with the member, the natural key.
    pub start_date: String,
    /// The last day, when it has ended or will end.
    pub end_date: Option<String>,
    /// When it comes up for renewal.
    pub renewal_due_on: Option<String>,
    /// renewed, lapsed or pending.
    pub renewal_outcome: Option<String>,
}

/// A membership's fields besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct MembershipFields {
    pub cluster_id: i32,
    pub end_date: Option<NaiveDate>,
    pub renewal_due_on: Option<NaiveDate>,
    pub renewal_outcome: Option<String>,
}

impl From<&membership::Model> for MembershipFields {
    fn from(m: &membership::Model) -> Self {
        Self {
            cluster_id: m.cluster_id,
            end_date: m.end_date,
            renewal_due_on: m.renewal_due_on,
            renewal_outcome: m.renewal_outcome.map(|o| {
                use sea_orm::ActiveEnum;
                o.to_value()
            }),
        }
    }
}

struct PlannedMembership {
    member: i32,
    start: NaiveDate,
    fields: MembershipFields,
    action: Upsert<MembershipFields>,
}

/// A checked batch: what writing it would do, with its rows ready to write.
pub struct CheckedMemberships {
    /// What writing the batch would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<PlannedMembership>,
}

/// A written batch.
#[derive(Clone, Debug)]
pub struct MembershipSyncOutcome {
    /// What was written.
    pub preview: ImportPreview,
    /// The import in the history; `None` when nothing changed.
    pub import_id: Option<i32>,
    /// The KPI recompute that followed; `None` when nothing changed or it failed (the
    /// facts are saved, and the next recompute catches up).
    pub recompute: Option<RecomputeReport>,
}

/// Upserting memberships by member and start day.
pub struct MembershipSync;

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Whether two spans of days share one (an open end runs on).
fn overlap(a: (NaiveDate, Option<NaiveDate>), b: (NaiveDate, Option<NaiveDate>)) -> bool {
    a.1.is_none_or(|end| end >= b.0) && b.1.is_none_or(|end| end >= a.0)
}

impl MembershipSync {
    /// Checks `records` against the members, clusters and memberships there are; writes
    /// nothing. A problem's `line` is the record's position in the batch, from 0.
    #[tracing::instrument(skip_all, err)]
    pub async fn check<C: ConnectionTrait>(
        db: &C,
        records: Vec<MembershipRecord>,
        today: NaiveDate,
    ) -> Result<CheckedMemberships, DomainError> {
        Self::check_records(db, batch(records), today).await
    }

    /// Checks the records of a file or a batch; writes nothing.
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<MembershipRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedMemberships, DomainError> {
        let members: HashMap<String, i32> = member::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.member_number, m.id))
            .collect();
        let clusters: HashMap<String, i32> = cluster::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.code, c.id))
            .collect();
        let codes: HashMap<i32, String> = clusters.iter().map(|(c, id)| (*id, c.clone())).collect();
        let mut held: HashMap<i32, Vec<membership::Model>> = HashMap::new();
        for m in membership::Entity::find().all(db).await? {
            held.entry(m.member_id).or_default().push(m);
        }
        let latest_start = today + chrono::Duration::days(366);
        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<PlannedMembership> = Vec::new();
        let mut seen: HashMap<(i32, NaiveDate), u64> = HashMap::new();
        while let Some((item, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |field: &str, value: &str, why: String| {
                preview.problem(RowProblem {
                    line: item,
                    column: Some(field.to_owned()),
                    value: value.to_owned(),
                    why,
                });
            };
            let number = record.member_number.trim();
            let member = match members.get(number) {
                Some(id) => Some(*id),
                None if number.is_empty() => {
                    problem("member_number", number, "required".into());
                    None
                }
                None => {
                    problem(
                        "member_number",
                        number,
                        "no member has this number: push the member first".into(),
                    );
                    None
                }
            };
            let code = record.cluster_code.trim();
            let cluster = clusters.get(code).copied();
            if cluster.is_none() {
                let why = if code.is_empty() {
                    "required"
                } else {
                    "no cluster has this code"
                };
                problem("cluster_code", code, why.into());
            }
            let mut date = |field: &str, text: Option<&str>, required: bool| match text
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                None => {
                    if required {
                        problem(field, "", "required: write 2025-07-01".into());
                    }
                    None
                }
                Some(text) => {
                    let parsed = day(text);
                    if parsed.is_none() {
                        problem(field, text, "not a date: write 2025-07-01".into());
                    }
                    parsed
                }
            };
            let start = date("start_date", Some(&record.start_date), true);
            let end = date("end_date", record.end_date.as_deref(), false);
            let due = date("renewal_due_on", record.renewal_due_on.as_deref(), false);
            if let Some(start) = start {
                if start > latest_start {
                    problem(
                        "start_date",
                        &record.start_date,
                        "more than a year ahead".into(),
                    );
                }
                if end.is_some_and(|end| end < start) {
                    problem(
                        "end_date",
                        record.end_date.as_deref().unwrap_or(""),
                        "before the start".into(),
                    );
                }
            }
            let outcome = record
                .renewal_outcome
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_lowercase);
            if let Some(outcome) = &outcome
                && !OUTCOMES.contains(&outcome.as_str())
            {
                problem(
                    "renewal_outcome",
                    outcome,
                    "write renewed, lapsed or pending (or leave it empty)".into(),
                );
            }
            let (Some(member), Some(cluster), Some(start)) = (member, cluster, start) else {
                continue;
            };
            if let Some(first) = seen.insert((member, start), item) {
                problem(
                    "start_date",
                    &record.start_date,
                    format!("this membership is also on {position} {first}"),
                );
            }
            // Another term of the member's (stored, or earlier in the batch) on the same days.
            let span = (start, end);
            let stored = held
                .get(&member)
                .into_iter()
                .flatten()
                .filter(|m| m.start_date != start)
                .find(|m| overlap(span, (m.start_date, m.end_date)))
                .map(|m| (m.cluster_id, m.start_date));
            let batched = rows
                .iter()
                .filter(|r| r.member == member && r.start != start)
                .find(|r| overlap(span, (r.start, r.fields.end_date)))
                .map(|r| (r.fields.cluster_id, r.start));
            if let Some((other, from)) = stored.or(batched) {
                problem(
                    "start_date",
                    &record.start_date,
                    format!(
                        "overlaps the member's membership in {} from {from}",
                        codes.get(&other).map_or("another cluster", String::as_str)
                    ),
                );
            }
            if preview.problem_count > before {
                continue;
            }
            let fields = MembershipFields {
                cluster_id: cluster,
                end_date: end,
                renewal_due_on: due,
                renewal_outcome: outcome,
            };
            let stored = held
                .get(&member)
                .and_then(|terms| terms.iter().find(|m| m.start_date == start))
                .map(|m| (m.id, MembershipFields::from(m)));
            let action = Upsert::against(stored, &fields);
            rows.push(PlannedMembership {
                member,
                start,
                fields,
                action,
            });
        }
        records.finish(&mut preview);
        if preview.problem_count > 0 {
            return Ok(CheckedMemberships {
                preview,
                rows: Vec::new(),
            });
        }
        count(&mut preview, rows.iter().map(|r| &r.action));
        Ok(CheckedMemberships { preview, rows })
    }

    /// Writes a checked batch in one transaction when it has no problem (refused
    /// otherwise, and nothing is written), records it in the import history, then
    /// recomputes the KPIs of the clusters and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedMemberships { preview, rows }: CheckedMemberships,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<MembershipSyncOutcome, DomainError> {
        if let Some(refused) = refusal(&preview) {
            return Err(refused);
        }
        let writes: Vec<&PlannedMembership> = rows
            .iter()
            .filter(|r| !matches!(r.action, Upsert::Keep))
            .collect();
        if writes.is_empty() {
            return Ok(MembershipSyncOutcome {
                preview,
                import_id: None,
                recompute: None,
            });
        }
        let txn = db.begin().await?;
        let creates: Vec<&&PlannedMembership> = writes
            .iter()
            .filter(|r| matches!(r.action, Upsert::Create))
            .collect();
        let created = insert_returning_ids(
            &txn,
            "memberships",
            &[
                "member_id",
                "cluster_id",
                "start_date",
                "end_date",
                "renewal_due_on",
                "renewal_outcome",
            ],
            creates
                .iter()
                .map(|row| {
                    vec![
                        row.member.into(),
                        row.fields.cluster_id.into(),
                        row.start.into(),
                        row.fields.end_date.into(),
                        row.fields.renewal_due_on.into(),
                        row.fields.renewal_outcome.clone().into(),
                    ]
                })
                .collect(),
            CHUNK,
        )
        .await?;
        let mut changed = Vec::new();
        let mut old_clusters = Vec::new();
        let mut old_ends = Vec::new();
        for row in &writes {
            if let Upsert::Change(id, was) = &row.action {
                update(&txn, *id, &row.fields).await?;
                old_clusters.push(was.cluster_id);
                old_ends.push(was.end_date);
                let previous = serde_json::to_string(was)
                    .map_err(|e| DomainError::Invalid(format!("membership {id}: {e}")))?;
                changed.push((*id, Some(previous)));
            }
        }
        let import_id = import_history::record(
            &txn,
            origin,
            ImportRecord::of("memberships", &preview, &created, &changed),
        )
        .await?;
        txn.commit().await?;
        tracing::info!(
            import.id = import_id,
            import.created = preview.created,
            import.changed = preview.changed,
            "memberships written"
        );
        let mut touched = Touched::default();
        for row in &writes {
            touched.add(
                row.member,
                row.fields.cluster_id,
                row.start,
                row.fields.end_date,
            );
        }
        for (cluster, end) in old_clusters.into_iter().zip(old_ends) {
            touched.clusters.insert(cluster);
            touched.days.extend(end);
        }
        let recompute = match touched.recompute(db, "memberships", today).await {
            Ok(report) => report,
            Err(error) => {
                tracing::error!(%error, "KPI recompute after a membership push failed");
                None
            }
        };
        Ok(MembershipSyncOutcome {
            preview,
            import_id: Some(import_id),
            recompute,
        })
    }
}

/// The members, clusters and days a change to facts reaches: what its incremental
/// recompute covers.
#[derive(Default)]
pub(crate) struct Touched {
    pub members: HashSet<i32>,
    pub clusters: HashSet<i32>,
    pub days: Vec<NaiveDate>,
    /// A term without an end reaches today.
    pub open: bool,
}

impl Touched {
    /// Adds a term of `member` in `cluster` from `start` to `end`.
    pub fn add(&mut self, member: i32, cluster: i32, start: NaiveDate, end: Option<NaiveDate>) {
        self.members.insert(member);
        self.clusters.insert(cluster);
        self.days.push(start);
        match end {
            Some(end) => self.days.push(end),
            None => self.open = true,
        }
    }

    /// Adds a fact of `member` on `day`, credited to `cluster` when it has one.
    pub fn add_day(&mut self, member: i32, cluster: Option<i32>, day: NaiveDate) {
        self.members.insert(member);
        self.clusters.extend(cluster);
        self.days.push(day);
    }

    /// The incremental recompute of what was touched in `table`; `None` when nothing was.
    pub async fn recompute(
        self,
        db: &DatabaseConnection,
        table: &str,
        today: NaiveDate,
    ) -> Result<Option<RecomputeReport>, DomainError> {
        let (Some(&from), Some(&last)) = (self.days.iter().min(), self.days.iter().max()) else {
            return Ok(None);
        };
        let to = if self.open { last.max(today) } else { last };
        let clusters: Vec<ClusterId> = self.clusters.into_iter().map(ClusterId).collect();
        let members: Vec<MemberId> = self.members.into_iter().map(MemberId).collect();
        let change = FactChange::concerning(db, &[table], (from, to), &clusters, &members).await?;
        Ok(Some(
            KpiEngine::recompute_after_change(db, &change, today).await?,
        ))
    }
}

/// Sets membership `id`'s fields besides its key.
pub(crate) async fn update<C: ConnectionTrait>(
    db: &C,
    id: i32,
    fields: &MembershipFields,
) -> Result<(), DomainError> {
    db.execute_raw(statement(
        db.get_database_backend(),
        "UPDATE memberships SET cluster_id = ?, end_date = ?, renewal_due_on = ?, \
         renewal_outcome = ? WHERE id = ?",
        [
            fields.cluster_id.into(),
            fields.end_date.into(),
            fields.renewal_due_on.into(),
            fields.renewal_outcome.clone().into(),
            id.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// A membership record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> MembershipRecord {
    MembershipRecord {
        member_number: cells.text("member_number"),
        cluster_code: cells.text("cluster_code"),
        start_date: cells.text("start_date"),
        end_date: cells.optional("end_date"),
        renewal_due_on: cells.optional("renewal_due_on"),
        renewal_outcome: cells.optional("renewal_outcome"),
    }
}
