//! `server migrate up|down|status`.

use domain::migration::{Migrator, MigratorTrait};
use domain::{
    DomainError,
    database::{self, DatabaseUrl},
};

use crate::{config::MigrateAction, error::StartupError};

/// Runs one migration action and says what it did.
pub async fn run(url: &DatabaseUrl, action: MigrateAction) -> Result<(), StartupError> {
    let db = database::connect(url).await?;
    match action {
        MigrateAction::Up => {
            database::migrate(&db).await?;
            println!("all migrations applied to {}", url.redacted());
        }
        MigrateAction::Down { steps } => {
            Migrator::down(&db, Some(steps))
                .await
                .map_err(DomainError::Migration)?;
            println!("rolled back {steps} migration(s) on {}", url.redacted());
        }
        MigrateAction::Status => {
            let applied = Migrator::get_applied_migrations(&db)
                .await
                .map_err(DomainError::Database)?;
            let pending = Migrator::get_pending_migrations(&db)
                .await
                .map_err(DomainError::Database)?;
            for migration in &applied {
                println!("applied  {}", migration.name());
            }
            for migration in &pending {
                println!("pending  {}", migration.name());
            }
        }
    }
    Ok(())
}
