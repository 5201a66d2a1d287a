//! Opening the database (SQLite file by default, PostgreSQL when asked) and bringing its
//! schema up to date.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};

use crate::DomainError;

/// The database the product runs on when nothing else is configured.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://memberpulse.db?mode=rwc";

/// A checked database URL: SQLite or PostgreSQL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// Checks that `raw` names a backend this product supports.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let raw = raw.trim();
        let supported = ["sqlite:", "postgres://", "postgresql://"];
        if supported.iter().any(|prefix| raw.starts_with(prefix)) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(DomainError::UnsupportedUrl {
                url: redact(raw),
                why: "use sqlite://FILE?mode=rwc (the default) or postgres://USER@HOST:PORT/DB",
            })
        }
    }

    /// The URL as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The URL with any password replaced by `***`, safe for logs and error messages.
    pub fn redacted(&self) -> String {
        redact(&self.0)
    }

    fn is_sqlite_memory(&self) -> bool {
        self.0.contains(":memory:") || self.0.contains("mode=memory")
    }
}

/// Hides the password of `user:password@host` URLs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}://{user}:***{}", &url[..scheme_end], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Opens a connection pool; SQLite gets WAL and a busy timeout so readers never block.
pub async fn connect(url: &DatabaseUrl) -> Result<DatabaseConnection, DomainError> {
    let mut options = ConnectOptions::new(url.as_str());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if url.is_sqlite_memory() {
        // Every connection to `sqlite::memory:` is its own database: keep exactly one.
        options.max_connections(1).min_connections(1);
    } else if url.as_str().starts_with("sqlite:") {
        // sea-orm gives SQLite one connection unless told otherwise; in WAL mode readers
        // run side by side (dashboards, the KPI engine's queries), writers take turns
        // within the busy timeout.
        options.max_connections(4);
    }
    // Per-connection settings go on every pooled connection, not only the first one.
    options.map_sqlx_sqlite_opts(|sqlite| {
        sqlite
            .foreign_keys(true)
            .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            // The default page cache is 2 MB: a full KPI recompute writes a million rows
            // into three indexes and thrashed it (save 11.9 s -> 9.1 s on the demo). A
            // connection takes the memory only as pages are read.
            .pragma("cache_size", "-65536")
    });
    let db = Database::connect(options)
        .await
        .map_err(|source| DomainError::Connect {
            url: url.redacted(),
            source,
        })?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL is a property of the database file: set once, every connection sees it.
        db.execute_unprepared("PRAGMA journal_mode = WAL").await?;
    }
    Ok(db)
}

/// Applies every pending migration; each one is all-or-nothing.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DomainError> {
    Migrator::up(db, None).await.map_err(DomainError::Migration)
}

/// Opens the database and brings its schema up to date.
pub async fn open(url: &DatabaseUrl) -> Result<DatabaseConnection, DomainError> {
    let db = connect(url).await?;
    migrate(&db).await?;
    Ok(db)
}

/// Answers whether the database responds, for health checks.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DomainError> {
    db.execute_unprepared("SELECT 1").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_sqlite_and_postgres_urls() {
        assert!(DatabaseUrl::parse("sqlite://x.db?mode=rwc").is_ok());
        assert!(DatabaseUrl::parse("sqlite::memory:").is_ok());
        assert!(DatabaseUrl::parse("postgres://postgres@127.0.0.1:5432/mp").is_ok());
    }

    #[test]
    fn refuses_other_urls_and_hides_the_password() {
        let err = DatabaseUrl::parse("mysql://root:secret@db/mp")
            .expect_err("mysql is not supported")
            .to_string();
        assert!(err.contains("mysql://root:***@db/mp"), "{err}");
        assert!(!err.contains("secret"), "{err}");
    }
}
