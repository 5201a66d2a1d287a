//! The `server` binary: a thin shim over [`server::cli::run`].

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    server::cli::run().await
}
