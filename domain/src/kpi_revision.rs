//! The revision of the stored KPI values: a counter each write that can change a cluster
//! value, its status or its signal moves on inside its own transaction, so that readers
//! can keep what they derived from the values until it moves ([`crate::period_signals`]).

use sea_orm::{ConnectionTrait, DbErr};

use crate::DomainError;
use crate::sql::statement;

/// The counter in table `kpi_revision` (migration 20).
pub struct KpiRevision;

impl KpiRevision {
    /// The revision now.
    pub async fn current<C: ConnectionTrait>(db: &C) -> Result<i64, DomainError> {
        let row = db
            .query_one_raw(statement(
                db.get_database_backend(),
                "SELECT revision FROM kpi_revision",
                [],
            ))
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("the row of kpi_revision".into()))?;
        Ok(row.try_get("", "revision")?)
    }

    /// Moves the revision on; call it in the transaction of the write, so readers see the
    /// new revision exactly when they can see the new values.
    pub async fn advance<C: ConnectionTrait>(db: &C) -> Result<(), DomainError> {
        db.execute_raw(statement(
            db.get_database_backend(),
            "UPDATE kpi_revision SET revision = revision + 1",
            [],
        ))
        .await?;
        Ok(())
    }
}
