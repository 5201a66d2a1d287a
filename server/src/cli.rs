//! The command line: serve (the default), `migrate`, `demo`, `kpis`, `users` and `import`.
//! Failures print one line.

use std::process::ExitCode;

use clap::Parser;
use domain::database::{self, DatabaseUrl};
use domain::period_signals::PeriodSignals;
use leptos::config::get_configuration;
use leptos::prelude::LeptosOptions;

use crate::{
    compressed_assets,
    config::{Cli, Command, ServeArgs},
    demo_command,
    error::StartupError,
    import_command, kpis_command, migrate_command, router, shutdown,
    sign_in_limit::SignInLimiter,
    state::AppState,
    telemetry, users_command,
};

/// Parses the command line, runs it and turns any failure into one line and exit code 1.
pub async fn run() -> ExitCode {
    match execute(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn execute(cli: Cli) -> Result<(), StartupError> {
    telemetry::init(&cli.log, cli.log_format)?;
    let url = DatabaseUrl::parse(&cli.database_url)?;
    match cli.command {
        None => serve(&url, cli.serve).await,
        Some(Command::Migrate { action }) => migrate_command::run(&url, action).await,
        Some(Command::Demo(args)) => demo_command::run(&url, args).await,
        Some(Command::Kpis { action }) => kpis_command::run(&url, action).await,
        Some(Command::Users { action }) => users_command::run(&url, action).await,
        Some(Command::Import { action }) => import_command::run(&url, action).await,
    }
}

async fn serve(url: &DatabaseUrl, args: ServeArgs) -> Result<(), StartupError> {
    let db = database::open(url).await?;
    if args.demo_if_empty {
        demo_command::load_if_empty(&db).await?;
    }
    let leptos_options = leptos_options();
    let addr = args.bind.unwrap_or(leptos_options.site_addr);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartupError::Bind { addr, source })?;
    tracing::info!(%addr, database = %url.redacted(), "MemberPulse is listening on http://{addr}");
    // Debug builds' WASM is large and changes at every build: compressing it ahead would
    // cost more than it saves.
    if !cfg!(debug_assertions) {
        let site_root = std::path::PathBuf::from(leptos_options.site_root.as_ref());
        tokio::task::spawn_blocking(move || compressed_assets::prepare(&site_root));
    }
    let app = router::app(AppState {
        leptos_options,
        db,
        sign_in_limiter: SignInLimiter::new(args.sign_in_limit, args.behind_proxy),
        period_signals: PeriodSignals::default(),
    });
    // The client address feeds the sign-in rate limit.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown::signal())
    .await
    .map_err(StartupError::Serve)
}

/// Leptos' settings from cargo-leptos (or `LEPTOS_*` variables); the built-in site layout
/// when the binary runs on its own.
fn leptos_options() -> LeptosOptions {
    match get_configuration(None) {
        Ok(conf) => conf.leptos_options,
        Err(error) => {
            tracing::warn!(%error, "no Leptos configuration in the environment: serving target/site");
            built_in_leptos_options()
        }
    }
}

/// The site layout cargo-leptos builds (`target/site`, output `memberpulse`), for a binary
/// or a test that runs without cargo-leptos' environment.
pub fn built_in_leptos_options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("memberpulse")
        .site_root("target/site")
        .build()
}
