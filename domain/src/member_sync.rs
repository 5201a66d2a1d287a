//! Members pushed by an integration (a CRM): each known by its member number, created when
//! new, updated when its name, e-mail or company differ, left alone otherwise. A batch is
//! checked whole like an import file: any problem refuses it, every problem named by item
//! and field, and nothing is written; a clean batch is written in one transaction and
//! recorded in the import history, from which it can be rolled back. Names and addresses
//! move no KPI, so nothing is recomputed.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::member;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem, batch};
use crate::fact_upsert::{Upsert, count, refusal};
use crate::import_history::{self, ImportOrigin, ImportRecord};
use crate::sql::{insert_returning_ids, statement};

/// The columns of a file of members.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "members",
    required: &["member_number", "first_name", "last_name", "email"],
    optional: &["company"],
};
/// Rows written per statement.
const CHUNK: usize = 200;

/// One member as an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberRecord {
    /// The CRM's member number: the natural key.
    pub member_number: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail address.
    pub email: String,
    /// Company, when known.
    pub company: Option<String>,
}

/// A member's fields as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct MemberFields {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub company: String,
}

impl From<&member::Model> for MemberFields {
    fn from(m: &member::Model) -> Self {
        Self {
            first_name: m.first_name.clone(),
            last_name: m.last_name.clone(),
            email: m.email.clone(),
            company: m.company.clone(),
        }
    }
}

struct PlannedMember {
    number: String,
    fields: MemberFields,
    action: Upsert<MemberFields>,
}

/// A checked batch: what writing it would do, with its rows ready to write.
pub struct CheckedMembers {
    /// What writing the batch would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<PlannedMember>,
}

/// A written batch.
#[derive(Clone, Debug)]
pub struct MemberSyncOutcome {
    /// What was written.
    pub preview: ImportPreview,
    /// The import in the history; `None` when nothing changed.
    pub import_id: Option<i32>,
}

/// Upserting members by number.
pub struct MemberSync;

impl MemberSync {
    /// Checks `records`; writes nothing. A problem's `line` is the record's position in
    /// the batch, counted from 0.
    #[tracing::instrument(skip_all, err)]
    pub async fn check<C: ConnectionTrait>(
        db: &C,
        records: Vec<MemberRecord>,
    ) -> Result<CheckedMembers, DomainError> {
        Self::check_records(db, batch(records)).await
    }

    /// Checks the records of a file or a batch; writes nothing.
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<MemberRecord>>>,
    ) -> Result<CheckedMembers, DomainError> {
        let known: HashMap<String, member::Model> = member::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.member_number.clone(), m))
            .collect();
        let mut preview = records.preview();
        let position = records.position;
        let mut rows = Vec::new();
        let mut seen: HashMap<String, u64> = HashMap::new();
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
            let number = record.member_number.trim().to_owned();
            let mut text = |field: &str, value: &str, max: usize, required: bool| {
                let value = value.trim();
                if required && value.is_empty() {
                    problem(field, value, "required".into());
                } else if value.chars().count() > max {
                    problem(field, value, format!("at most {max} characters"));
                }
                value.to_owned()
            };
            text("member_number", &number, 32, true);
            let fields = MemberFields {
                first_name: text("first_name", &record.first_name, 80, true),
                last_name: text("last_name", &record.last_name, 80, true),
                email: text("email", &record.email, 160, true),
                company: text(
                    "company",
                    record.company.as_deref().unwrap_or(""),
                    160,
                    false,
                ),
            };
            if !fields.email.is_empty() && !plausible_email(&fields.email) {
                problem("email", &fields.email, "not an e-mail address".into());
            }
            if !number.is_empty()
                && let Some(first) = seen.insert(number.clone(), item)
            {
                problem(
                    "member_number",
                    &number,
                    format!("this member is also on {position} {first}"),
                );
            }
            if preview.problem_count > before {
                continue;
            }
            let stored = known.get(&number).map(|m| (m.id, MemberFields::from(m)));
            let action = Upsert::against(stored, &fields);
            rows.push(PlannedMember {
                number,
                fields,
                action,
            });
        }
        records.finish(&mut preview);
        if preview.problem_count > 0 {
            return Ok(CheckedMembers {
                preview,
                rows: Vec::new(),
            });
        }
        count(&mut preview, rows.iter().map(|r| &r.action));
        Ok(CheckedMembers { preview, rows })
    }

    /// Writes a checked batch in one transaction when it has no problem (refused
    /// otherwise, and nothing is written) and records it in the import history.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedMembers { preview, rows }: CheckedMembers,
        origin: &ImportOrigin,
    ) -> Result<MemberSyncOutcome, DomainError> {
        if let Some(refused) = refusal(&preview) {
            return Err(refused);
        }
        if preview.created + preview.changed == 0 {
            return Ok(MemberSyncOutcome {
                preview,
                import_id: None,
            });
        }
        let txn = db.begin().await?;
        let creates: Vec<&PlannedMember> = rows
            .iter()
            .filter(|r| matches!(r.action, Upsert::Create))
            .collect();
        let created = insert_returning_ids(
            &txn,
            "members",
            &[
                "member_number",
                "first_name",
                "last_name",
                "email",
                "company",
            ],
            creates
                .iter()
                .map(|row| {
                    vec![
                        row.number.clone().into(),
                        row.fields.first_name.clone().into(),
                        row.fields.last_name.clone().into(),
                        row.fields.email.clone().into(),
                        row.fields.company.clone().into(),
                    ]
                })
                .collect(),
            CHUNK,
        )
        .await?;
        let mut changed = Vec::new();
        for row in &rows {
            if let Upsert::Change(id, was) = &row.action {
                update(&txn, *id, &row.fields).await?;
                let previous = serde_json::to_string(was)
                    .map_err(|e| DomainError::Invalid(format!("member {}: {e}", row.number)))?;
                changed.push((*id, Some(previous)));
            }
        }
        let import_id = import_history::record(
            &txn,
            origin,
            ImportRecord::of("members", &preview, &created, &changed),
        )
        .await?;
        txn.commit().await?;
        tracing::info!(
            import.id = import_id,
            import.created = preview.created,
            import.changed = preview.changed,
            "members written"
        );
        Ok(MemberSyncOutcome {
            preview,
            import_id: Some(import_id),
        })
    }
}

/// Sets member `id`'s fields.
pub(crate) async fn update<C: ConnectionTrait>(
    db: &C,
    id: i32,
    fields: &MemberFields,
) -> Result<(), DomainError> {
    db.execute_raw(statement(
        db.get_database_backend(),
        "UPDATE members SET first_name = ?, last_name = ?, email = ?, company = ? WHERE id = ?",
        [
            fields.first_name.clone().into(),
            fields.last_name.clone().into(),
            fields.email.clone().into(),
            fields.company.clone().into(),
            id.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// One `@` with something on both sides and a dot in the domain: enough to catch a name
/// or a phone number in the wrong column, without refusing real addresses.
fn plausible_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// A member record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> MemberRecord {
    MemberRecord {
        member_number: cells.text("member_number"),
        first_name: cells.text("first_name"),
        last_name: cells.text("last_name"),
        email: cells.text("email"),
        company: cells.optional("company"),
    }
}
