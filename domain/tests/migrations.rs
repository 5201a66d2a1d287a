//! The schema migrations: up and down on SQLite and PostgreSQL, and all-or-nothing.

#![expect(
    elided_lifetimes_in_paths,
    reason = "async_trait signatures of MigrationTrait"
)]

mod support;

use domain::{
    database,
    scratch_database::{self, ScratchDatabase},
    sea_orm::{ConnectionTrait, DatabaseConnection, DbErr},
};
use migration::{
    ACCOUNT_TABLES, BRAND_TABLES, CATALOGUE_TABLES, DASHBOARD_TABLES, FACT_TABLES, IMPORT_TABLES,
    MigrationTrait, Migrator, MigratorTrait, SchemaManager, async_trait,
};

async fn table_exists(db: &DatabaseConnection, table: &str) -> bool {
    db.execute_unprepared(&format!("SELECT 1 FROM {table} WHERE 1 = 0"))
        .await
        .is_ok()
}

/// Unmigrated databases: the same backends as `support::databases`.
async fn empty_databases() -> Vec<(&'static str, DatabaseConnection)> {
    let mut all = Vec::new();
    for db in support::databases().await {
        let ScratchDatabase { name, url, .. } = db;
        let fresh = if name == "sqlite" {
            database::connect(&url).await.expect("sqlite")
        } else {
            let server = scratch_database::postgres_server().expect("configured");
            let url = scratch_database::create_postgres(&server)
                .await
                .expect("fresh pg");
            database::connect(&url).await.expect("pg")
        };
        all.push((name, fresh));
    }
    all
}

#[tokio::test]
async fn migrations_go_up_and_down_on_every_backend() {
    for (name, db) in empty_databases().await {
        Migrator::up(&db, None).await.expect("up");
        for table in FACT_TABLES
            .iter()
            .chain(CATALOGUE_TABLES)
            .chain(ACCOUNT_TABLES)
            .chain(BRAND_TABLES)
            .chain(IMPORT_TABLES)
            .chain(DASHBOARD_TABLES)
        {
            assert!(
                table_exists(&db, table).await,
                "{table} missing after up on {name}"
            );
        }
        Migrator::down(&db, None).await.expect("down");
        for table in FACT_TABLES
            .iter()
            .chain(CATALOGUE_TABLES)
            .chain(ACCOUNT_TABLES)
            .chain(BRAND_TABLES)
            .chain(IMPORT_TABLES)
            .chain(DASHBOARD_TABLES)
        {
            assert!(
                !table_exists(&db, table).await,
                "{table} left after down on {name}"
            );
        }
        Migrator::up(&db, None).await.expect("up again");
        assert!(
            Migrator::get_pending_migrations(&db)
                .await
                .expect("status")
                .is_empty(),
            "{name}"
        );
    }
}

/// A migration that creates a table and then fails.
struct Broken;

impl migration::MigrationName for Broken {
    fn name(&self) -> &str {
        "m20990101_000001_broken"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Broken {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
            .await?;
        db.execute_unprepared("INSERT INTO no_such_table VALUES (1)")
            .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}

struct BrokenMigrator;

#[async_trait::async_trait]
impl MigratorTrait for BrokenMigrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        let mut all = Migrator::migrations();
        all.push(Box::new(Broken));
        all
    }
}

#[tokio::test]
async fn a_failing_migration_leaves_the_database_as_it_was() {
    for (name, db) in empty_databases().await {
        Migrator::up(&db, None).await.expect("the real migrations");
        let err = BrokenMigrator::up(&db, None)
            .await
            .expect_err("the broken one fails");
        assert!(err.to_string().contains("no_such_table"), "{err}");
        assert!(
            !table_exists(&db, "half_done").await,
            "half-done work kept on {name}"
        );
        let pending = BrokenMigrator::get_pending_migrations(&db)
            .await
            .expect("status");
        assert_eq!(
            pending.len(),
            1,
            "the broken migration is still pending on {name}"
        );
    }
}
