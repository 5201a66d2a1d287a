//! Why the server could not start or a command failed: each variant says what is wrong
//! and how to fix it, in one line.

use domain::DomainError;

/// A start-up or command failure.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The log filter is not valid.
    #[error(
        "MEMBERPULSE_LOG {filter:?} is not a valid log filter ({reason}); try `info` or `server=debug,info`"
    )]
    LogFilter {
        /// The filter as given.
        filter: String,
        /// What the parser said.
        reason: String,
    },
    /// The database URL is unusable, the database unreachable or a migration failed.
    #[error("{0}{hint}", hint = database_hint(.0))]
    Database(#[from] DomainError),
    /// The listen address is taken or not allowed.
    #[error("cannot listen on {addr}: {source}; set MEMBERPULSE_BIND to a free address")]
    Bind {
        /// The address.
        addr: std::net::SocketAddr,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A command's argument is not valid.
    #[error("{0}")]
    Argument(String),
    /// An output file could not be written.
    #[error("cannot write {path}: {source}")]
    Output {
        /// The file.
        path: String,
        /// What the OS said.
        source: std::io::Error,
    },
    /// Serving failed after start-up.
    #[error("the server stopped with an error: {0}")]
    Serve(std::io::Error),
}

fn database_hint(error: &DomainError) -> &'static str {
    match error {
        DomainError::Connect { .. } => {
            " (check DATABASE_URL: is the server running, does the database exist, may this user connect?)"
        }
        DomainError::Migration(_) => " (fix the cause and start again; nothing was changed)",
        _ => "",
    }
}
