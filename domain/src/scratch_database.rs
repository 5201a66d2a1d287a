//! Throwaway databases for tests and benchmarks: an in-memory SQLite one, and a freshly
//! created PostgreSQL database per call when `MEMBERPULSE_TEST_POSTGRES` names a server.

use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::{
    DomainError,
    database::{self, DatabaseUrl},
};

/// The variable naming the PostgreSQL server (any database on it) for scratch databases.
pub const POSTGRES_VARIABLE: &str = "MEMBERPULSE_TEST_POSTGRES";

/// A migrated, empty database.
pub struct ScratchDatabase {
    /// "sqlite" or "postgres".
    pub name: &'static str,
    /// The open connection.
    pub conn: DatabaseConnection,
    /// Its URL.
    pub url: DatabaseUrl,
}

/// A migrated in-memory SQLite database.
pub async fn sqlite() -> Result<ScratchDatabase, DomainError> {
    let url = DatabaseUrl::parse("sqlite::memory:")?;
    let conn = database::open(&url).await?;
    Ok(ScratchDatabase {
        name: "sqlite",
        conn,
        url,
    })
}

/// A migrated SQLite file in a new folder under the system's temporary one, named from
/// `label` and the process: benchmarks measure a file, as production uses, not memory.
/// The caller removes the folder (`std::fs::remove_dir_all(&folder)`).
pub async fn sqlite_file(
    label: &str,
) -> Result<(ScratchDatabase, std::path::PathBuf), DomainError> {
    let folder = std::env::temp_dir().join(format!("mp_{label}_{}", std::process::id()));
    std::fs::create_dir_all(&folder)
        .map_err(|e| DomainError::Invalid(format!("cannot create {}: {e}", folder.display())))?;
    let url = DatabaseUrl::parse(&format!(
        "sqlite://{}?mode=rwc",
        folder.join("bench.db").display()
    ))?;
    let conn = database::open(&url).await?;
    Ok((
        ScratchDatabase {
            name: "sqlite",
            conn,
            url,
        },
        folder,
    ))
}

/// The admin URL of the PostgreSQL server for scratch databases, if one is configured.
pub fn postgres_server() -> Option<String> {
    std::env::var(POSTGRES_VARIABLE)
        .ok()
        .filter(|url| !url.trim().is_empty())
}

/// A new, empty PostgreSQL database on `server`, unmigrated; named `mp_scratch_*` so
/// a test run can drop them all afterwards.
pub async fn create_postgres(server: &str) -> Result<DatabaseUrl, DomainError> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let name = format!(
        "mp_scratch_{}_{}_{}",
        std::process::id(),
        nanos,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let admin = database::connect(&DatabaseUrl::parse(server)?).await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await?;
    admin.close().await?;
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    DatabaseUrl::parse(&format!("{base}/{name}"))
}

/// A migrated fresh PostgreSQL database on `server`.
pub async fn postgres(server: &str) -> Result<ScratchDatabase, DomainError> {
    let url = create_postgres(server).await?;
    let conn = database::open(&url).await?;
    Ok(ScratchDatabase {
        name: "postgres",
        conn,
        url,
    })
}

/// The databases a test runs on: SQLite always, and PostgreSQL when
/// `MEMBERPULSE_TEST_POSTGRES` is set. Under `CI=true` PostgreSQL is required, so its
/// absence is an error rather than a silent skip.
pub async fn for_tests() -> Result<Vec<ScratchDatabase>, DomainError> {
    let mut all = vec![sqlite().await?];
    match postgres_server() {
        Some(server) => all.push(postgres(&server).await?),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            return Err(DomainError::Invalid(format!(
                "CI=true but {POSTGRES_VARIABLE} is not set: PostgreSQL tests cannot be skipped in CI"
            )));
        }
        None => eprintln!(
            "PostgreSQL tests skipped: set {POSTGRES_VARIABLE} (e.g. postgres://postgres@127.0.0.1:5432/postgres)"
        ),
    }
    Ok(all)
}
