//! `server demo`, and loading the demo organization into an empty database at start-up.

use std::time::Instant;

use chrono::{Local, NaiveDate, Utc};
use domain::{
    DomainError,
    account::{Accounts, generate_password},
    database::{self, DatabaseUrl},
    demo::{self, DemoConfig, accounts::create_demo_accounts},
    organization::OrganizationQuery,
    sea_orm::DatabaseConnection,
};

use crate::{config::DemoArgs, error::StartupError};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Generates the demo organization the arguments describe into the (empty) database.
pub async fn run(url: &DatabaseUrl, args: DemoArgs) -> Result<(), StartupError> {
    let db = database::open(url).await?;
    let config = DemoConfig {
        members: args.members,
        clusters: args.clusters,
        regions: args.regions,
        years: args.years,
        seed: args.seed,
        until: args.until.unwrap_or_else(today),
    };
    load(&db, config, |line| eprintln!("demo: {line}")).await
}

/// Loads the standard demo organization when the database has no clusters yet.
pub async fn load_if_empty(db: &DatabaseConnection) -> Result<(), StartupError> {
    if OrganizationQuery::has_clusters(db).await? {
        // A demo database from before accounts existed gets its demo accounts now.
        if !Accounts::has_any_user(db).await? {
            create_accounts(db, today(), |line| tracing::info!("demo: {line}")).await?;
        }
        return Ok(());
    }
    tracing::info!("the database is empty: loading the demo organization");
    load(db, DemoConfig::standard(today()), |line| {
        tracing::info!("demo: {line}")
    })
    .await
}

async fn load(
    db: &DatabaseConnection,
    config: DemoConfig,
    report: fn(&str),
) -> Result<(), StartupError> {
    config.validate()?;
    let until = config.until;
    report(&format!(
        "{} members, {} clusters, {} regions, {} years up to {}, seed {}",
        config.members, config.clusters, config.regions, config.years, config.until, config.seed
    ));
    let started = Instant::now();
    let data = tokio::task::spawn_blocking(move || {
        demo::generate(&config, &mut |stage| report(&format!("generating {stage}")))
    })
    .await
    .map_err(|e| DomainError::Invalid(format!("the demo generator stopped: {e}")))??;
    let generated_in = started.elapsed();
    let digest = data.digest();
    let total = data.total_rows();
    let counts = data.row_counts();
    let written = Instant::now();
    demo::write(db, data, &mut |table, rows| {
        report(&format!("writing {rows:>8} rows to {table}"))
    })
    .await?;
    let written_in = written.elapsed();
    for (table, rows) in counts {
        report(&format!("{table:<20} {rows:>9}"));
    }
    report(&format!(
        "{total} rows: generated in {:.1} s, written in {:.1} s; digest {digest}",
        generated_in.as_secs_f64(),
        written_in.as_secs_f64()
    ));
    let kpis = crate::kpis_command::recompute(db, until).await?;
    report(&format!(
        "KPIs: {} values of {} metrics over {} periods computed in {:.1} s",
        kpis.values,
        kpis.metrics,
        kpis.periods,
        (kpis.compute_ms + kpis.save_ms) as f64 / 1000.0
    ));
    create_accounts(db, until, report).await
}

/// Creates one demo account per role and prints their passwords, this once.
async fn create_accounts(
    db: &DatabaseConnection,
    today: NaiveDate,
    report: fn(&str),
) -> Result<(), StartupError> {
    // A fixed password only when asked for (tests, local development); else fresh ones.
    let fixed = std::env::var("MEMBERPULSE_DEMO_PASSWORD").ok();
    let accounts = create_demo_accounts(db, today, Utc::now().naive_utc(), || {
        fixed.clone().unwrap_or_else(generate_password)
    })
    .await?;
    report("demo accounts (passwords are shown this once):");
    for account in accounts {
        report(&format!(
            "  {:<7} {:<32} {}",
            format!("{:?}", account.role).to_lowercase(),
            account.email,
            account.password
        ));
    }
    Ok(())
}
