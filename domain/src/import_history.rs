//! The import history: every import of facts is recorded (who, when, from where, its
//! counts) with the rows it created or changed and their previous values, in the same
//! transaction as the facts. Staff list the recent imports and roll one back: the rows it
//! created are removed, the ones it changed get their previous values back, and the KPIs
//! follow. An import that a later import built on is rolled back only after that one.

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder, QuerySelect,
    Set, TransactionTrait,
};

use crate::DomainError;
use crate::entity::fact_import;
use crate::kpi_engine::RecomputeReport;
use crate::member_sync::{self, MemberFields};
use crate::membership_sync::{self, MembershipFields, Touched};
use crate::sql::statement;

/// The longest source or name kept.
const TEXT_MAX: usize = 200;
/// Rows written per statement.
const CHUNK: usize = 500;
/// How a changed attendance's previous join time is kept.
pub(crate) const TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// Where an import came from and who ran it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOrigin {
    /// The file's name, the API token's name or the command line.
    pub source: String,
    /// Who ran it (a user, an API token).
    pub by: String,
}

/// What an import wrote, for the history.
pub(crate) struct ImportRecord<'a> {
    /// The fact type.
    pub kind: &'a str,
    /// Rows read, created, changed and left alone.
    pub counts: [u64; 4],
    /// Ids of the rows created.
    pub created: &'a [i32],
    /// Ids of the rows changed with their previous value as text (an attendance's join
    /// time, a member's fields as JSON).
    pub changed: &'a [(i32, Option<String>)],
}

impl<'a> ImportRecord<'a> {
    /// The record of a `kind` import with `preview`'s counts and the rows it wrote.
    pub fn of(
        kind: &'a str,
        preview: &crate::fact_file::ImportPreview,
        created: &'a [i32],
        changed: &'a [(i32, Option<String>)],
    ) -> Self {
        Self {
            kind,
            counts: [
                preview.rows,
                preview.created,
                preview.changed,
                preview.unchanged,
            ],
            created,
            changed,
        }
    }
}

/// What a rollback did.
#[derive(Clone, Debug)]
pub struct RollbackOutcome {
    /// Rows removed (those the import created).
    pub removed: u64,
    /// Rows given their previous values back.
    pub restored: u64,
    /// The KPI recompute that followed; `None` when it failed (the next recompute
    /// catches up).
    pub recompute: Option<RecomputeReport>,
}

fn clipped(text: &str) -> String {
    text.chars().take(TEXT_MAX).collect()
}

/// Records an import in `txn`, the transaction that wrote its facts; returns its id.
pub(crate) async fn record<C: ConnectionTrait>(
    txn: &C,
    origin: &ImportOrigin,
    import: ImportRecord<'_>,
) -> Result<i32, DomainError> {
    let count = |n: u64| i32::try_from(n).unwrap_or(i32::MAX);
    let [rows, created, changed, unchanged] = import.counts;
    let row = fact_import::ActiveModel {
        kind: Set(import.kind.to_owned()),
        source: Set(clipped(&origin.source)),
        imported_by: Set(clipped(&origin.by)),
        imported_at: Set(chrono::Utc::now().naive_utc()),
        rows: Set(count(rows)),
        created: Set(count(created)),
        changed: Set(count(changed)),
        unchanged: Set(count(unchanged)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let backend = txn.get_database_backend();
    let written: Vec<(i32, &str, Option<String>)> = import
        .created
        .iter()
        .map(|&id| (id, "created", None))
        .chain(
            import
                .changed
                .iter()
                .map(|(id, previous)| (*id, "changed", previous.clone())),
        )
        .collect();
    for chunk in written.chunks(CHUNK) {
        let mut sql = String::from(
            "INSERT INTO fact_import_rows (import_id, row_id, action, previous) VALUES ",
        );
        let mut values: Vec<sea_orm::Value> = Vec::with_capacity(chunk.len() * 4);
        for (i, (id, action, previous)) in chunk.iter().enumerate() {
            sql.push_str(if i == 0 {
                "(?, ?, ?, ?)"
            } else {
                ", (?, ?, ?, ?)"
            });
            values.extend([
                row.id.into(),
                (*id).into(),
                (*action).into(),
                previous.clone().into(),
            ]);
        }
        txn.execute_raw(statement(backend, &sql, values)).await?;
    }
    Ok(row.id)
}

/// Listing and rolling back imports.
pub struct ImportHistory;

impl ImportHistory {
    /// The newest `limit` imports, newest first.
    pub async fn recent<C: ConnectionTrait>(
        db: &C,
        limit: u64,
    ) -> Result<Vec<fact_import::Model>, DomainError> {
        Ok(fact_import::Entity::find()
            .order_by_desc(fact_import::Column::Id)
            .limit(limit)
            .all(db)
            .await?)
    }

    /// Rolls back import `id` as `by`: removes the rows it created, gives the rows it
    /// changed their previous values, marks it rolled back, then recomputes the KPIs it
    /// moved. Refused when it was rolled back already or a later import that is still in
    /// place wrote the same rows.
    pub async fn roll_back(
        db: &DatabaseConnection,
        id: i32,
        by: &str,
        today: NaiveDate,
    ) -> Result<RollbackOutcome, DomainError> {
        let backend = db.get_database_backend();
        let txn = db.begin().await?;
        let import = fact_import::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or_else(|| {
                DomainError::Refused(vec![format!("import: there is no import {id}")])
            })?;
        if let Some(at) = import.rolled_back_at {
            return Err(DomainError::Refused(vec![format!(
                "import: import {id} was rolled back on {} by {}",
                at.format("%Y-%m-%d %H:%M"),
                import.rolled_back_by.unwrap_or_default()
            )]));
        }
        let later = txn
            .query_all_raw(statement(
                backend,
                "SELECT DISTINCT r.import_id AS import_id FROM fact_import_rows r \
                 JOIN fact_imports i ON i.id = r.import_id \
                 WHERE i.kind = ? AND i.rolled_back_at IS NULL AND r.import_id > ? \
                 AND r.row_id IN (SELECT row_id FROM fact_import_rows WHERE import_id = ?) \
                 ORDER BY r.import_id DESC",
                [import.kind.clone().into(), id.into(), id.into()],
            ))
            .await?
            .into_iter()
            .map(|row| row.try_get::<i32>("", "import_id"))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(newest) = later.first() {
            return Err(DomainError::Refused(vec![format!(
                "import: import {newest} wrote the same {} later; roll it back first",
                import.kind
            )]));
        }
        let undone = match import.kind.as_str() {
            "attendances" => undo_attendances(&txn, id).await?,
            "members" => undo_members(&txn, id).await?,
            "memberships" => undo_memberships(&txn, id).await?,
            "events" => Undone::of("events", crate::event_sync::undo(&txn, id).await?),
            "dues_invoices" => Undone::of("dues_invoices", crate::dues_sync::undo(&txn, id).await?),
            "goals" => Undone::of("goals", crate::goal_sync::undo(&txn, id, today).await?),
            "board_seats" => Undone::of(
                "board_seats",
                crate::board_seat_sync::undo(&txn, id, today).await?,
            ),
            "board_terms" => {
                Undone::of("board_terms", crate::board_term_sync::undo(&txn, id).await?)
            }
            "service_projects" => Undone::of(
                "service_projects",
                crate::span_sync::undo::<crate::span_sync::ServiceProjectTable, _>(&txn, id)
                    .await?,
            ),
            "partnerships" => Undone::of(
                "partnerships",
                crate::span_sync::undo::<crate::span_sync::PartnershipTable, _>(&txn, id).await?,
            ),
            "forums" => Undone::of(
                "forums",
                crate::span_sync::undo::<crate::span_sync::ForumTable, _>(&txn, id).await?,
            ),
            "forum_memberships" => Undone::of(
                "forum_memberships",
                crate::forum_member_sync::undo(&txn, id).await?,
            ),
            "self_reports" => Undone::of(
                "self_reports",
                crate::self_report_sync::undo(&txn, id).await?,
            ),
            "committees" => Undone::of("committees", crate::committee_sync::undo(&txn, id).await?),
            "committee_members" => Undone::of(
                "committee_members",
                crate::committee_member_sync::undo(&txn, id).await?,
            ),
            "event_invitations" => Undone::of(
                "event_invitations",
                crate::event_role_sync::undo::<crate::event_role_sync::InvitationTable, _>(
                    &txn, id,
                )
                .await?,
            ),
            "speakers" => Undone::of(
                "speakers",
                crate::event_role_sync::undo::<crate::event_role_sync::SpeakerTable, _>(&txn, id)
                    .await?,
            ),
            "mentorships" => {
                Undone::of("mentorships", crate::mentorship_sync::undo(&txn, id).await?)
            }
            "trainings" => Undone::of("trainings", crate::training_sync::undo(&txn, id).await?),
            "budgets" => Undone::of("budgets", crate::budget_sync::undo(&txn, id, today).await?),
            "spendings" => Undone::of("spendings", crate::spending_sync::undo(&txn, id).await?),
            "referrals" => Undone::of("referrals", crate::referral_sync::undo(&txn, id).await?),
            "media_items" => Undone::of("media_items", crate::media_sync::undo(&txn, id).await?),
            "award_applications" => Undone::of(
                "award_applications",
                crate::award_sync::undo(&txn, id).await?,
            ),
            other => {
                return Err(DomainError::Refused(vec![format!(
                    "import: imports of {other} cannot be rolled back"
                )]));
            }
        };
        let (removed, restored) = (undone.removed, undone.restored);
        let mut active: fact_import::ActiveModel = import.into();
        active.rolled_back_at = Set(Some(chrono::Utc::now().naive_utc()));
        active.rolled_back_by = Set(Some(clipped(by)));
        active.update(&txn).await?;
        txn.commit().await?;
        tracing::info!(import = id, removed, restored, "import rolled back");

        let recompute = match undone.touched.recompute(db, undone.table, today).await {
            Ok(report) => report,
            Err(error) => {
                tracing::error!(%error, "KPI recompute after a rollback failed");
                None
            }
        };
        Ok(RollbackOutcome {
            removed,
            restored,
            recompute,
        })
    }
}

/// What undoing an import's rows did, and what the KPI recompute must cover.
struct Undone {
    removed: u64,
    restored: u64,
    /// The fact table.
    table: &'static str,
    touched: Touched,
}

impl Undone {
    /// What undoing rows of `table` did, from a kind's undo: removed, restored, and what
    /// the recompute must cover.
    fn of(table: &'static str, (removed, restored, touched): (u64, u64, Touched)) -> Self {
        Self {
            removed,
            restored,
            table,
            touched,
        }
    }
}

/// Removes the attendances import `import` created and restores the join times it changed.
async fn undo_attendances<C: ConnectionTrait>(txn: &C, import: i32) -> Result<Undone, DomainError> {
    let backend = txn.get_database_backend();
    // What the rollback touches, for the recompute, read before the rows go.
    let touched = txn
        .query_all_raw(statement(
            backend,
            "SELECT a.member_id AS member_id, e.host_cluster_id AS cluster_id, \
         e.scheduled_start AS starts_at FROM attendances a \
         JOIN events e ON e.id = a.event_id \
         WHERE a.id IN (SELECT row_id FROM fact_import_rows WHERE import_id = ?)",
            [import.into()],
        ))
        .await?;
    let touched = touched
        .iter()
        .try_fold(Touched::default(), |mut all, row| {
            all.add_day(
                row.try_get("", "member_id")?,
                row.try_get("", "cluster_id")?,
                row.try_get::<NaiveDateTime>("", "starts_at")?.date(),
            );
            Ok::<_, sea_orm::DbErr>(all)
        })?;

    let removed = txn
        .execute_raw(statement(
            backend,
            "DELETE FROM attendances WHERE id IN \
         (SELECT row_id FROM fact_import_rows WHERE import_id = ? AND action = 'created')",
            [import.into()],
        ))
        .await?
        .rows_affected();
    let changed = txn
        .query_all_raw(statement(
            backend,
            "SELECT row_id, previous FROM fact_import_rows \
             WHERE import_id = ? AND action = 'changed'",
            [import.into()],
        ))
        .await?;
    let mut restored = 0;
    for row in changed {
        let row_id: i32 = row.try_get("", "row_id")?;
        let previous: Option<String> = row.try_get("", "previous")?;
        let previous = previous
            .map(|text| {
                NaiveDateTime::parse_from_str(&text, TIME_FORMAT).map_err(|e| {
                    DomainError::Invalid(format!("import {import}: a kept time {text:?}: {e}"))
                })
            })
            .transpose()?;
        restored += txn
            .execute_raw(statement(
                backend,
                "UPDATE attendances SET joined_at = ? WHERE id = ?",
                [previous.into(), row_id.into()],
            ))
            .await?
            .rows_affected();
    }
    Ok(Undone {
        removed,
        restored,
        table: "attendances",
        touched,
    })
}

/// Removes the members import `import` created (refused while other facts refer to them)
/// and gives the members it changed their previous fields.
async fn undo_members<C: ConnectionTrait>(txn: &C, import: i32) -> Result<Undone, DomainError> {
    let backend = txn.get_database_backend();
    let removed = txn
        .execute_raw(statement(
            backend,
            "DELETE FROM members WHERE id IN \
             (SELECT row_id FROM fact_import_rows WHERE import_id = ? AND action = 'created')",
            [import.into()],
        ))
        .await
        .map_err(|_| {
            DomainError::Refused(vec![format!(
                "import: members import {import} created have memberships, attendances or other \
                 facts now; those must go first, so the members are kept"
            )])
        })?
        .rows_affected();
    let changed = txn
        .query_all_raw(statement(
            backend,
            "SELECT row_id, previous FROM fact_import_rows WHERE import_id = ? AND action = 'changed'",
            [import.into()],
        ))
        .await?;
    let mut restored = 0;
    for row in changed {
        let row_id: i32 = row.try_get("", "row_id")?;
        let previous: Option<String> = row.try_get("", "previous")?;
        let fields: MemberFields = previous
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| DomainError::Invalid(format!("import {import}: kept fields: {e}")))?
            .ok_or_else(|| {
                DomainError::Invalid(format!("import {import}: member {row_id} kept no fields"))
            })?;
        member_sync::update(txn, row_id, &fields).await?;
        restored += 1;
    }
    Ok(Undone {
        removed,
        restored,
        table: "members",
        touched: Touched::default(),
    })
}

/// Removes the memberships import `import` created and gives the ones it changed their
/// previous fields; the recompute covers both versions' clusters and days.
async fn undo_memberships<C: ConnectionTrait>(txn: &C, import: i32) -> Result<Undone, DomainError> {
    let backend = txn.get_database_backend();
    let rows = txn
        .query_all_raw(statement(
            backend,
            "SELECT r.row_id AS row_id, r.action AS action, r.previous AS previous, \
             m.member_id AS member_id, m.cluster_id AS cluster_id, m.start_date AS start_date, \
             m.end_date AS end_date FROM fact_import_rows r \
             JOIN memberships m ON m.id = r.row_id WHERE r.import_id = ?",
            [import.into()],
        ))
        .await?;
    let mut touched = Touched::default();
    let (mut removed, mut restored) = (0, 0);
    for row in rows {
        let row_id: i32 = row.try_get("", "row_id")?;
        let member: i32 = row.try_get("", "member_id")?;
        let start: NaiveDate = row.try_get("", "start_date")?;
        touched.add(
            member,
            row.try_get("", "cluster_id")?,
            start,
            row.try_get("", "end_date")?,
        );
        let action: String = row.try_get("", "action")?;
        if action == "created" {
            removed += txn
                .execute_raw(statement(
                    backend,
                    "DELETE FROM memberships WHERE id = ?",
                    [row_id.into()],
                ))
                .await?
                .rows_affected();
            continue;
        }
        let previous: Option<String> = row.try_get("", "previous")?;
        let fields: MembershipFields = previous
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| DomainError::Invalid(format!("import {import}: kept fields: {e}")))?
            .ok_or_else(|| {
                DomainError::Invalid(format!(
                    "import {import}: membership {row_id} kept no fields"
                ))
            })?;
        touched.add(member, fields.cluster_id, start, fields.end_date);
        membership_sync::update(txn, row_id, &fields).await?;
        restored += 1;
    }
    Ok(Undone {
        removed,
        restored,
        table: "memberships",
        touched,
    })
}
