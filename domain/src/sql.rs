//! Portable raw SQL: statements are written once with `?` placeholders and numbered for
//! PostgreSQL (`$1`, `$2`, ...), so set-based queries run unchanged on both backends.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

/// Builds a statement for `backend` from SQL written with `?` placeholders.
///
/// The SQL must not contain `?` inside string literals (ours never do).
pub fn statement<I>(backend: DbBackend, sql: &str, values: I) -> Statement
where
    I: IntoIterator<Item = Value>,
{
    let sql = match backend {
        DbBackend::Postgres => number_placeholders(sql),
        _ => sql.to_owned(),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// One column of a [`packed_rows`] query.
#[derive(Clone, Copy, Debug)]
pub enum Packed<'a> {
    /// An integer or text column, packed as it is.
    Plain(&'a str),
    /// A floating-point column, packed as text in full precision (SQLite's JSON prints
    /// only 15 digits); read it back with [`exact_number`].
    Number(&'a str),
}

/// `SELECT` of one text column, `packed`: the JSON array of every row the `rest` of the
/// statement (`FROM ... WHERE ...`) selects, each row an array of `columns`. Tens of
/// thousands of rows come back as one: SQLite's driver spends some 3 µs on every row it
/// hands over (60-80 ms for a period's 20,000 cluster values), the database about 1 µs on
/// packing it.
pub fn packed_rows(backend: DbBackend, columns: &[Packed<'_>], rest: &str) -> String {
    let postgres = backend == DbBackend::Postgres;
    let listed: Vec<String> = columns
        .iter()
        .map(|column| match (column, postgres) {
            (Packed::Plain(name), _) => (*name).to_owned(),
            (Packed::Number(name), true) => format!("{name}::text"),
            (Packed::Number(name), false) => format!("quote({name})"),
        })
        .collect();
    let listed = listed.join(", ");
    if postgres {
        format!(
            "SELECT COALESCE(json_agg(json_build_array({listed})), '[]')::text AS packed {rest}"
        )
    } else {
        format!("SELECT json_group_array(json_array({listed})) AS packed {rest}")
    }
}

/// The number a [`Packed::Number`] column packed: `None` for SQL's NULL.
pub fn exact_number(packed: Option<&str>) -> Result<Option<f64>, DbErr> {
    match packed {
        None | Some("NULL") => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|e| DbErr::Type(format!("packed number {text:?}: {e}"))),
    }
}

/// Inserts `rows` (each the values of `columns`, in that order) into `table`, `chunk` rows
/// per statement, and returns the new rows' ids: what the import history keeps so that
/// an import can be rolled back.
pub async fn insert_returning_ids<C: ConnectionTrait>(
    db: &C,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
    chunk: usize,
) -> Result<Vec<i32>, DbErr> {
    let backend = db.get_database_backend();
    let tuple = format!("({})", vec!["?"; columns.len()].join(", "));
    let mut ids = Vec::with_capacity(rows.len());
    for part in rows.chunks(chunk.max(1)) {
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {} RETURNING id",
            columns.join(", "),
            vec![tuple.as_str(); part.len()].join(", ")
        );
        let values = part.iter().flatten().cloned();
        for row in db.query_all_raw(statement(backend, &sql, values)).await? {
            ids.push(row.try_get::<i32>("", "id")?);
        }
    }
    Ok(ids)
}

fn number_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for ch in sql.chars() {
        if ch == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_for_postgres_only() {
        let pg = statement(DbBackend::Postgres, "a = ? AND b = ?", [1.into(), 2.into()]);
        assert_eq!(pg.sql, "a = $1 AND b = $2");
        let lite = statement(DbBackend::Sqlite, "a = ? AND b = ?", [1.into(), 2.into()]);
        assert_eq!(lite.sql, "a = ? AND b = ?");
    }
}
