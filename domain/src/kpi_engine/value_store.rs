//! Writing computed values into `kpi_values` without losing a staff decision: a new value
//! is inserted; a changed `computed` value is replaced; a changed `validated` or
//! `overridden` value becomes `stale` and keeps the decided number beside the new one;
//! rejected and not-applicable values take the new numbers and keep their status.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use kpi::Scope;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

use super::computation::ComputedValue;
use crate::{
    DomainError, kpi_revision::KpiRevision, kpi_validation::KpiValidation, sql::statement,
};

/// What a save changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveCounts {
    /// New rows.
    pub inserted: usize,
    /// Computed rows whose numbers changed.
    pub updated: usize,
    /// Decided rows whose numbers changed underneath them.
    pub stale: usize,
    /// Computed rows no longer produced (a scope that no longer exists).
    pub deleted: usize,
    /// Rows already up to date.
    pub unchanged: usize,
    /// Values of closed periods, left as they are (a closed period changes only through
    /// a restatement).
    pub held: usize,
}

/// The stored form of a scope: kind and id (0 for the organization).
pub fn scope_columns(scope: Scope) -> (&'static str, i32) {
    match scope {
        Scope::Member(id) => ("member", id.0),
        Scope::Cluster(id) => ("cluster", id.0),
        Scope::Region(id) => ("region", id.0),
        Scope::Organization => ("organization", 0),
    }
}

type RowKey = (i32, String, &'static str, i32);

struct Existing {
    id: i32,
    status: String,
    numbers: [Option<f64>; 3],
}

fn same(a: [Option<f64>; 3], b: [Option<f64>; 3]) -> bool {
    a.iter().zip(b.iter()).all(|pair| match pair {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        (None, None) => true,
        _ => false,
    })
}

fn kind_of(kind: &str) -> &'static str {
    match kind {
        "member" => "member",
        "cluster" => "cluster",
        "region" => "region",
        _ => "organization",
    }
}

/// Saves `values`, which replace every stored value of the same metrics and periods (of
/// the clusters in `only`, and every other scope, when given).
pub async fn save_values(
    db: &DatabaseConnection,
    values: &[ComputedValue],
    only: Option<&[i32]>,
) -> Result<SaveCounts, DomainError> {
    let backend = db.get_database_backend();
    let txn = db.begin().await?;
    let closed: HashSet<String> = KpiValidation::closed_periods(&txn)
        .await?
        .into_iter()
        .collect();
    let held = values
        .iter()
        .filter(|v| closed.contains(&v.period_key))
        .count();
    let values: Vec<&ComputedValue> = values
        .iter()
        .filter(|v| !closed.contains(&v.period_key))
        .collect();
    let metric_ids: HashSet<i32> = values.iter().map(|v| v.metric_id).collect();
    let periods: HashSet<&str> = values.iter().map(|v| v.period_key.as_str()).collect();
    if values.is_empty() {
        return Ok(SaveCounts {
            held,
            ..SaveCounts::default()
        });
    }

    let mut existing: HashMap<RowKey, Existing> = HashMap::new();
    let ids: Vec<String> = metric_ids.iter().map(i32::to_string).collect();
    let keys: Vec<String> = periods.iter().map(|k| format!("'{k}'")).collect();
    // Only the clusters recomputed: the others' rows were not produced and must stay.
    let scopes = match only {
        Some([]) => " AND scope_kind <> 'cluster'".to_owned(),
        Some(clusters) => {
            let clusters: Vec<String> = clusters.iter().map(i32::to_string).collect();
            format!(
                " AND (scope_kind <> 'cluster' OR scope_id IN ({}))",
                clusters.join(", ")
            )
        }
        None => String::new(),
    };
    let rows = txn
        .query_all_raw(statement(
            backend,
            &format!(
                "SELECT id, metric_id, period_key, scope_kind, scope_id, value, numerator, \
                 denominator, status FROM kpi_values WHERE metric_id IN ({}) AND period_key IN ({}){scopes}",
                ids.join(", "),
                keys.join(", ")
            ),
            [],
        ))
        .await?;
    existing.reserve(rows.len());
    // By position, in the order of the SELECT: a million rows made name lookups count.
    for row in rows {
        let kind: String = row.try_get_by_index(3)?;
        existing.insert(
            (
                row.try_get_by_index(1)?,
                row.try_get_by_index(2)?,
                kind_of(&kind),
                row.try_get_by_index(4)?,
            ),
            Existing {
                id: row.try_get_by_index(0)?,
                status: row.try_get_by_index(8)?,
                numbers: [
                    row.try_get_by_index(5)?,
                    row.try_get_by_index(6)?,
                    row.try_get_by_index(7)?,
                ],
            },
        );
    }

    let now = Utc::now().naive_utc();
    let mut counts = SaveCounts {
        held,
        ..SaveCounts::default()
    };
    let mut inserts: Vec<&ComputedValue> = Vec::new();
    for value in values {
        let (kind, id) = scope_columns(value.scope);
        let key = (value.metric_id, value.period_key.clone(), kind, id);
        let numbers = [value.value, value.numerator, value.denominator];
        let Some(row) = existing.remove(&key) else {
            inserts.push(value);
            continue;
        };
        if same(row.numbers, numbers) {
            counts.unchanged += 1;
            continue;
        }
        let status = match row.status.as_str() {
            "validated" | "overridden" => {
                counts.stale += 1;
                "stale"
            }
            "computed" => {
                counts.updated += 1;
                "computed"
            }
            other => {
                counts.updated += 1;
                kind_of_status(other)
            }
        };
        txn.execute_raw(statement(
            backend,
            "UPDATE kpi_values SET value = ?, numerator = ?, denominator = ?, computed_at = ?, \
             status = ? WHERE id = ?",
            [
                value.value.into(),
                value.numerator.into(),
                value.denominator.into(),
                now.into(),
                status.into(),
                row.id.into(),
            ],
        ))
        .await?;
    }

    if inserts.len() >= BULK_ROWS {
        // Rebuilding the indexes from sorted rows beats a million random inserts into
        // each of them, when most of the table is new (both databases change their
        // schema inside the transaction, so a failure leaves the indexes as they were).
        let indexes = unless_table_is_larger(&txn, inserts.len()).await?;
        for (name, _) in &indexes {
            txn.execute_unprepared(&format!("DROP INDEX \"{name}\""))
                .await?;
        }
        insert_json(&txn, &inserts, now).await?;
        for (_, sql) in &indexes {
            txn.execute_unprepared(sql).await?;
        }
    } else {
        insert_json(&txn, &inserts, now).await?;
    }
    counts.inserted += inserts.len();

    // Rows of these metrics and periods that were not produced again: a scope that no
    // longer has values. Decided rows stay for someone to look at.
    let gone: Vec<i32> = existing
        .values()
        .filter(|row| row.status == "computed")
        .map(|row| row.id)
        .collect();
    for chunk in gone.chunks(500) {
        let ids: Vec<String> = chunk.iter().map(i32::to_string).collect();
        txn.execute_raw(statement(
            backend,
            &format!("DELETE FROM kpi_values WHERE id IN ({})", ids.join(", ")),
            [],
        ))
        .await?;
        counts.deleted += chunk.len();
    }
    if counts.inserted + counts.updated + counts.stale + counts.deleted > 0 {
        KpiRevision::advance(&txn).await?;
    }
    txn.commit().await?;
    Ok(counts)
}

/// From how many new rows a save rebuilds the indexes instead of inserting into them (a
/// full recompute writes about a million).
const BULK_ROWS: usize = 50_000;

/// The indexes of `kpi_values` (name, `CREATE` statement) when the table holds no more
/// than `rows` rows, so that rebuilding them after inserting `rows` costs less than
/// inserting into them; none otherwise.
async fn unless_table_is_larger<C: ConnectionTrait>(
    db: &C,
    rows: usize,
) -> Result<Vec<(String, String)>, DomainError> {
    let backend = db.get_database_backend();
    let count = db
        .query_one_raw(statement(
            backend,
            "SELECT COUNT(*) AS n FROM kpi_values",
            [],
        ))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    if count as usize > rows {
        return Ok(Vec::new());
    }
    // The indexes a statement created, not the primary key's (nor a constraint's).
    let listing = match backend {
        sea_orm::DbBackend::Postgres => {
            "SELECT indexname AS name, indexdef AS sql FROM pg_indexes \
             WHERE tablename = 'kpi_values' AND schemaname = current_schema() \
             AND indexname NOT IN (SELECT conname FROM pg_constraint \
             WHERE conrelid = 'kpi_values'::regclass) ORDER BY indexname"
        }
        _ => {
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' \
             AND tbl_name = 'kpi_values' AND sql IS NOT NULL ORDER BY name"
        }
    };
    let mut indexes = Vec::new();
    for row in db.query_all_raw(statement(backend, listing, [])).await? {
        indexes.push((row.try_get("", "name")?, row.try_get("", "sql")?));
    }
    Ok(indexes)
}

/// The columns an insert into `kpi_values` writes.
const INSERT_VALUES_HEAD: &str = "INSERT INTO kpi_values (metric_id, grain, period_key, \
     scope_kind, scope_id, value, numerator, denominator, computed_at, status)";

/// Rows per JSON array an insert unpacks.
const JSON_ROWS: usize = 20_000;

/// Inserts through one JSON array parameter per 20,000 rows, which the database unpacks
/// (SQLite's `json_each`, PostgreSQL's `jsonb_array_elements`): one short statement
/// instead of thousands of rows of literals or parameters to parse. Full demo, 1.12 M
/// rows: SQLite 3.4-3.6 s to save instead of 3.8 s with 2,000-row literal statements;
/// PostgreSQL ? s instead of 11.7-12.9 s with 400-row statements of bound parameters.
async fn insert_json<C: ConnectionTrait>(
    db: &C,
    inserts: &[&ComputedValue],
    now: chrono::NaiveDateTime,
) -> Result<(), DomainError> {
    let backend = db.get_database_backend();
    let (sql, computed_at): (String, sea_orm::Value) = match backend {
        sea_orm::DbBackend::Postgres => (
            format!(
                "{INSERT_VALUES_HEAD} SELECT (e->>0)::integer, e->>1, e->>2, e->>3, \
                 (e->>4)::integer, (e->>5)::double precision, (e->>6)::double precision, \
                 (e->>7)::double precision, ?, 'computed' FROM jsonb_array_elements(?::jsonb) AS e"
            ),
            now.into(),
        ),
        _ => (
            format!(
                "{INSERT_VALUES_HEAD} SELECT json_extract(value, '$[0]'), \
                 json_extract(value, '$[1]'), json_extract(value, '$[2]'), \
                 json_extract(value, '$[3]'), json_extract(value, '$[4]'), \
                 json_extract(value, '$[5]'), json_extract(value, '$[6]'), \
                 json_extract(value, '$[7]'), ?, 'computed' FROM json_each(?)"
            ),
            // As SQLite stores every other time: text in this form.
            now.format("%Y-%m-%d %H:%M:%S%.6f").to_string().into(),
        ),
    };
    for chunk in inserts.chunks(JSON_ROWS) {
        // serde_json writes a number that is not finite as null: no value, never NaN.
        let rows: Vec<_> = chunk
            .iter()
            .map(|value| {
                let (kind, id) = scope_columns(value.scope);
                (
                    value.metric_id,
                    value.grain.as_str(),
                    value.period_key.as_str(),
                    kind,
                    id,
                    value.value,
                    value.numerator,
                    value.denominator,
                )
            })
            .collect();
        let payload = serde_json::to_string(&rows)
            .map_err(|e| DomainError::Invalid(format!("KPI values as JSON: {e}")))?;
        db.execute_raw(statement(
            backend,
            &sql,
            [computed_at.clone(), payload.into()],
        ))
        .await?;
    }
    Ok(())
}

fn kind_of_status(status: &str) -> &'static str {
    match status {
        "rejected" => "rejected",
        "not_applicable" => "not_applicable",
        _ => "stale",
    }
}
