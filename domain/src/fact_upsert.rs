//! What the imports of facts by natural key share: each checked record creates a row,
//! changes a stored one (whose fields before are kept for the import history) or leaves
//! it alone; the counts go into the preview; a batch with problems is refused whole. A
//! table described by [`UpsertTable`] is written, recorded and rolled back by the same
//! code whatever its columns.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait, Value};
use serde::{Serialize, de::DeserializeOwned};

use crate::DomainError;
use crate::fact_file::{ImportPreview, Records};
use crate::fact_import::ImportOutcome;
use crate::import_history::{self, ImportOrigin, ImportRecord};
use crate::membership_sync::Touched;
use crate::sql::{insert_returning_ids, statement};

/// Rows written per statement.
const CHUNK: usize = 200;

/// What writing one checked record does, with `F` the fields besides its natural key.
pub(crate) enum Upsert<F> {
    /// No row has the key: a new one.
    Create,
    /// The stored row's id and its fields before.
    Change(i32, F),
    /// The stored row already has these fields.
    Keep,
}

impl<F: PartialEq> Upsert<F> {
    /// The action for `fields` against the row stored under the same key, if any.
    pub fn against(stored: Option<(i32, F)>, fields: &F) -> Self {
        match stored {
            None => Self::Create,
            Some((_, was)) if was == *fields => Self::Keep,
            Some((id, was)) => Self::Change(id, was),
        }
    }
}

/// Counts each action as created, changed or unchanged in `preview`.
pub(crate) fn count<'a, F: 'a>(
    preview: &mut ImportPreview,
    actions: impl IntoIterator<Item = &'a Upsert<F>>,
) {
    for action in actions {
        match action {
            Upsert::Create => preview.created += 1,
            Upsert::Change(..) => preview.changed += 1,
            Upsert::Keep => preview.unchanged += 1,
        }
    }
}

/// Ends the check of `records`: the file's own problems (a header without rows), then
/// nothing to write when there is any problem, else the counts of what the rows do.
pub(crate) fn settle<T: UpsertTable, I>(
    records: &Records<I>,
    preview: &mut ImportPreview,
    rows: &mut Vec<Planned<T>>,
) {
    records.finish(preview);
    if preview.problem_count > 0 {
        rows.clear();
    } else {
        count(preview, rows.iter().map(|r| &r.action));
    }
}

/// The refusal of a batch with problems (every listed one, then that nothing was
/// written); `None` when it has none.
pub(crate) fn refusal(preview: &ImportPreview) -> Option<DomainError> {
    (preview.problem_count > 0).then(|| {
        let mut lines: Vec<String> = preview.problems.iter().map(ToString::to_string).collect();
        lines.push("nothing was written".to_owned());
        DomainError::Refused(lines)
    })
}

/// A fact table whose rows are imported by natural key.
pub(crate) trait UpsertTable {
    /// The columns besides the key: compared, written, and kept before a change.
    type Fields: Serialize + DeserializeOwned + PartialEq;
    /// The table, which is also the import history's kind.
    const TABLE: &'static str;
    /// The natural key's columns.
    const KEY_COLUMNS: &'static [&'static str];
    /// The other columns, in the order of [`Self::field_values`].
    const FIELD_COLUMNS: &'static [&'static str];
    /// What `fields` store.
    fn field_values(fields: &Self::Fields) -> Vec<Value>;
    /// Adds what a row with `fields` moves (its clusters, members and days) to `touched`.
    fn touch(fields: &Self::Fields, touched: &mut Touched);
}

/// A checked record of table `T`: its key's values, its fields and what writing it does.
pub(crate) struct Planned<T: UpsertTable> {
    /// The natural key's values, in the order of `KEY_COLUMNS`.
    pub key: Vec<Value>,
    /// The fields it writes.
    pub fields: T::Fields,
    /// Create, change or keep.
    pub action: Upsert<T::Fields>,
}

/// Writes the rows to create or change in `txn` and records them in the import history as
/// coming from `origin`; the import's id.
pub(crate) async fn write_rows<T: UpsertTable, C: ConnectionTrait>(
    txn: &C,
    origin: &ImportOrigin,
    preview: &ImportPreview,
    rows: &[Planned<T>],
) -> Result<i32, DomainError> {
    let columns: Vec<&str> = T::KEY_COLUMNS
        .iter()
        .chain(T::FIELD_COLUMNS)
        .copied()
        .collect();
    let creates = rows
        .iter()
        .filter(|row| matches!(row.action, Upsert::Create))
        .map(|row| {
            let mut values = row.key.clone();
            values.extend(T::field_values(&row.fields));
            values
        })
        .collect();
    let created = insert_returning_ids(txn, T::TABLE, &columns, creates, CHUNK).await?;
    let mut changed = Vec::new();
    for row in rows {
        if let Upsert::Change(id, was) = &row.action {
            set_fields::<T, _>(txn, *id, &row.fields).await?;
            let previous = serde_json::to_string(was)
                .map_err(|e| DomainError::Invalid(format!("{} {id}: {e}", T::TABLE)))?;
            changed.push((*id, Some(previous)));
        }
    }
    import_history::record(
        txn,
        origin,
        ImportRecord::of(T::TABLE, preview, &created, &changed),
    )
    .await
}

/// Writes checked rows of table `T` in one transaction when the file had no problem
/// (refused otherwise, and nothing is written), records them in the import history as
/// coming from `origin`, then recomputes what they moved: both versions of each row, and
/// whatever `touched` holds already.
pub(crate) async fn write_checked<T: UpsertTable>(
    db: &DatabaseConnection,
    preview: ImportPreview,
    rows: &[Planned<T>],
    origin: &ImportOrigin,
    mut touched: Touched,
    today: NaiveDate,
) -> Result<ImportOutcome, DomainError> {
    if let Some(refused) = refusal(&preview) {
        return Err(refused);
    }
    if preview.created + preview.changed == 0 {
        return Ok(ImportOutcome {
            preview,
            recompute: None,
            import_id: None,
        });
    }
    let txn = db.begin().await?;
    let import_id = write_rows(&txn, origin, &preview, rows).await?;
    txn.commit().await?;
    tracing::info!(
        import.id = import_id,
        import.table = T::TABLE,
        import.created = preview.created,
        import.changed = preview.changed,
        "facts imported"
    );
    for row in rows {
        match &row.action {
            Upsert::Keep => continue,
            Upsert::Create => {}
            Upsert::Change(_, was) => T::touch(was, &mut touched),
        }
        T::touch(&row.fields, &mut touched);
    }
    let recompute = match touched.recompute(db, T::TABLE, today).await {
        Ok(report) => report,
        Err(error) => {
            tracing::error!(%error, table = T::TABLE, "KPI recompute after an import failed");
            None
        }
    };
    Ok(ImportOutcome {
        preview,
        recompute,
        import_id: Some(import_id),
    })
}

/// Sets row `id`'s fields.
pub(crate) async fn set_fields<T: UpsertTable, C: ConnectionTrait>(
    db: &C,
    id: i32,
    fields: &T::Fields,
) -> Result<(), DomainError> {
    let assignments: Vec<String> = T::FIELD_COLUMNS
        .iter()
        .map(|column| format!("{column} = ?"))
        .collect();
    let mut values = T::field_values(fields);
    values.push(id.into());
    db.execute_raw(statement(
        db.get_database_backend(),
        &format!(
            "UPDATE {} SET {} WHERE id = ?",
            T::TABLE,
            assignments.join(", ")
        ),
        values,
    ))
    .await?;
    Ok(())
}

/// The rows of `table` that import `import` created or changed, as they are now: their
/// `columns` (`cluster_id, spent_on`), read before a rollback to learn what it touches.
pub(crate) async fn written_rows<C: ConnectionTrait>(
    txn: &C,
    table: &str,
    columns: &str,
    import: i32,
) -> Result<Vec<sea_orm::QueryResult>, DomainError> {
    Ok(txn
        .query_all_raw(statement(
            txn.get_database_backend(),
            &format!(
                "SELECT {columns} FROM {table} \
                 WHERE id IN (SELECT row_id FROM fact_import_rows WHERE import_id = ?)"
            ),
            [import.into()],
        ))
        .await?)
}

/// What undoing an import's rows of one table did.
pub(crate) struct UndoneRows<F> {
    /// Rows removed (the import had created them).
    pub removed: u64,
    /// The fields rows got back (the import had changed them).
    pub restored: Vec<F>,
}

/// Undoes import `import` of table `T` in `txn`: removes the rows it created (refused with
/// `in_use` when other facts refer to them) and gives the rows it changed their previous
/// fields.
pub(crate) async fn undo_rows<T: UpsertTable, C: ConnectionTrait>(
    txn: &C,
    import: i32,
    in_use: &str,
) -> Result<UndoneRows<T::Fields>, DomainError> {
    let backend = txn.get_database_backend();
    let removed = txn
        .execute_raw(statement(
            backend,
            &format!(
                "DELETE FROM {} WHERE id IN \
                 (SELECT row_id FROM fact_import_rows WHERE import_id = ? AND action = 'created')",
                T::TABLE
            ),
            [import.into()],
        ))
        .await
        .map_err(|_| DomainError::Refused(vec![format!("import: {in_use}")]))?
        .rows_affected();
    let changed = txn
        .query_all_raw(statement(
            backend,
            "SELECT row_id, previous FROM fact_import_rows WHERE import_id = ? AND action = 'changed'",
            [import.into()],
        ))
        .await?;
    let mut restored = Vec::with_capacity(changed.len());
    for row in changed {
        let row_id: i32 = row.try_get("", "row_id")?;
        let previous: Option<String> = row.try_get("", "previous")?;
        let fields: T::Fields = previous
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| DomainError::Invalid(format!("import {import}: kept fields: {e}")))?
            .ok_or_else(|| {
                DomainError::Invalid(format!(
                    "import {import}: {} {row_id} kept no fields",
                    T::TABLE
                ))
            })?;
        set_fields::<T, _>(txn, row_id, &fields).await?;
        restored.push(fields);
    }
    Ok(UndoneRows { removed, restored })
}
