//! The domain layer's one error type. Callers (server, app) map it once to their layer.

use sea_orm::DbErr;

/// What can go wrong in the domain layer.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// `DATABASE_URL` is not a URL this product can use.
    #[error("DATABASE_URL {url:?} is not supported: {why}")]
    UnsupportedUrl {
        /// The URL as given, with any password hidden.
        url: String,
        /// Why it cannot be used and what would work.
        why: &'static str,
    },
    /// The database could not be reached or opened.
    #[error("cannot open the database at {url}: {source}")]
    Connect {
        /// The URL as given, with any password hidden.
        url: String,
        /// What the driver said.
        source: DbErr,
    },
    /// A schema migration failed; it was rolled back.
    #[error("a schema migration failed and was rolled back, the database is unchanged: {0}")]
    Migration(DbErr),
    /// A query failed.
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// The caller asked for something that cannot be done as asked.
    #[error("{0}")]
    Invalid(String),
    /// Input refused, one line per problem (field first), nothing changed.
    #[error("{}", .0.join("; "))]
    Refused(Vec<String>),
}
