//! Structured logs with `tracing`, set up once per process.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::{config::LogFormat, error::StartupError};

/// Installs the global subscriber with `filter` (tracing's `EnvFilter` syntax).
pub fn init(filter: &str, format: LogFormat) -> Result<(), StartupError> {
    let env_filter = EnvFilter::try_new(filter).map_err(|e| StartupError::LogFilter {
        filter: filter.to_owned(),
        reason: e.to_string(),
    })?;
    let registry = tracing_subscriber::registry().with(env_filter);
    // A second init (tests) keeps the first subscriber: not an error.
    let _ = match format {
        LogFormat::Text => registry.with(fmt::layer().with_target(true)).try_init(),
        LogFormat::Json => registry
            .with(fmt::layer().json().flatten_event(true))
            .try_init(),
    };
    Ok(())
}
