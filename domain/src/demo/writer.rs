//! Writing the demo organization: all tables in one transaction (all or nothing), in
//! multi-row inserts, then PostgreSQL's id sequences moved past the ids we chose.

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, IntoActiveModel,
    Iterable, TransactionTrait,
};

use super::DemoData;
use crate::{DomainError, entity::*, organization::OrganizationQuery};

/// Bind parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535.
const PARAMETERS_PER_STATEMENT: usize = 30_000;

/// Writes every row of `data` in one transaction; refuses a database that has clusters.
/// `progress` hears each table's name and row count as it is written.
pub async fn write(
    db: &DatabaseConnection,
    mut data: DemoData,
    progress: &mut dyn FnMut(&'static str, usize),
) -> Result<(), DomainError> {
    let txn = db.begin().await?;
    if OrganizationQuery::has_clusters(&txn).await? {
        return Err(DomainError::Invalid(
            "the database already holds an organization: demo data goes into an empty database only".to_owned(),
        ));
    }
    macro_rules! write_tables {
        ($($table:ident => $entity:ident),* $(,)?) => {$(
            let rows = std::mem::take(&mut data.$table);
            progress(stringify!($table), rows.len());
            insert_all::<$entity::Entity, _>(&txn, rows).await?;
        )*};
    }
    write_tables!(
        regions => region, clusters => cluster, members => member, memberships => membership,
        dues_invoices => dues_invoice, settings => setting, forums => forum,
        forum_memberships => forum_membership, committees => committee,
        committee_members => committee_member, events => event,
        event_invitations => event_invitation, attendances => attendance, speakers => speaker,
        mentorships => mentorship, goals => goal, board_seats => board_seat,
        board_terms => board_term, trainings => training, budgets => budget,
        spendings => spending, media_items => media_item,
        award_applications => award_application, self_reports => self_report,
        service_projects => service_project, referrals => referral, partnerships => partnership,
    );
    if txn.get_database_backend() == DbBackend::Postgres {
        for table in migration::FACT_TABLES.iter().filter(|t| **t != "settings") {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            );
            txn.execute_unprepared(&sql).await?;
        }
    }
    txn.commit().await?;
    // Fresh statistics: without them PostgreSQL plans the KPI queries over a million new
    // rows as if the tables were empty (measured: 47 s instead of 70 ms for one query).
    db.execute_unprepared("ANALYZE").await?;
    Ok(())
}

async fn insert_all<E, C>(db: &C, mut rows: Vec<E::Model>) -> Result<(), DomainError>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    let per_statement =
        (PARAMETERS_PER_STATEMENT / E::Column::iter().count().max(1)).clamp(1, 2_000);
    while !rows.is_empty() {
        let take = per_statement.min(rows.len());
        let chunk: Vec<E::ActiveModel> = rows
            .drain(..take)
            .map(IntoActiveModel::into_active_model)
            .collect();
        E::insert_many(chunk).exec_without_returning(db).await?;
    }
    Ok(())
}
