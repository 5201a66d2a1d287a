//! Award applications as a cluster leader records them: an award the cluster, or one of
//! its members, applied for, with the day it was submitted and, once known, whether it was
//! won. Every change runs the incremental KPI recompute (award applications, awards won).

use chrono::NaiveDate;
use kpi::{ClusterId, MemberId};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::DomainError;
use crate::entity::{
    award_application::{self, AwardOutcome},
    member, membership,
};
use crate::kpi_engine::{FactChange, KpiEngine};
use crate::leader_entry::{day_problem, recorded_reference, text_problem};

/// Longest award name (the column's width).
pub const MAX_AWARD: usize = 120;
/// How far back a leader may record an application.
const OLDEST_APPLICATION_DAYS: i64 = 400;

/// An application as the leader enters it.
#[derive(Clone, Debug, PartialEq)]
pub struct AwardDraft {
    /// The award's name.
    pub award: String,
    /// The day the application was submitted.
    pub submitted_on: NaiveDate,
    /// The member who applied; `None` when the cluster applied.
    pub member: Option<MemberId>,
}

/// A recorded application with the applicant's name.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordedAward {
    /// The row.
    pub application: award_application::Model,
    /// "First Last" of the member who applied; `None` for the cluster.
    pub applicant: Option<String>,
}

/// Recording, deciding, listing and removing award applications.
pub struct AwardApplications;

impl AwardApplications {
    /// The newest `limit` applications of `cluster`, with their applicants' names.
    pub async fn recent<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        limit: u64,
    ) -> Result<Vec<RecordedAward>, DomainError> {
        let rows = award_application::Entity::find()
            .filter(award_application::Column::ClusterId.eq(cluster.0))
            .order_by_desc(award_application::Column::SubmittedOn)
            .order_by_desc(award_application::Column::Id)
            .limit(limit)
            .all(db)
            .await?;
        let ids: Vec<i32> = rows.iter().filter_map(|r| r.member_id).collect();
        let names: std::collections::HashMap<i32, String> = member::Entity::find()
            .filter(member::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, format!("{} {}", m.first_name, m.last_name)))
            .collect();
        Ok(rows
            .into_iter()
            .map(|application| RecordedAward {
                applicant: application.member_id.and_then(|id| names.get(&id).cloned()),
                application,
            })
            .collect())
    }

    /// Records `draft` for `cluster` on `today`, not yet decided: refused, one line per
    /// problem and with nothing written, for a date ahead of today or too long ago, an
    /// empty or too long award name, a member who was not in the cluster that day, or
    /// the same application recorded before.
    #[tracing::instrument(skip(db, draft), err)]
    pub async fn record(
        db: &DatabaseConnection,
        cluster: ClusterId,
        draft: AwardDraft,
        today: NaiveDate,
    ) -> Result<award_application::Model, DomainError> {
        let award = draft.award.trim().to_owned();
        let mut problems: Vec<String> = [
            day_problem(
                "submitted on",
                draft.submitted_on,
                today,
                OLDEST_APPLICATION_DAYS,
            ),
            text_problem("award", &award, MAX_AWARD),
        ]
        .into_iter()
        .flatten()
        .collect();
        if let Some(member) = draft.member {
            let day = draft.submitted_on;
            let belonged = membership::Entity::find()
                .filter(membership::Column::MemberId.eq(member.0))
                .filter(membership::Column::ClusterId.eq(cluster.0))
                .filter(membership::Column::StartDate.lte(day))
                .filter(
                    membership::Column::EndDate
                        .is_null()
                        .or(membership::Column::EndDate.gte(day)),
                )
                .one(db)
                .await?;
            if belonged.is_none() {
                problems.push(format!(
                    "member: member {} was not a member of this cluster on {day}",
                    member.0
                ));
            }
        }
        let same = award_application::Entity::find()
            .filter(award_application::Column::ClusterId.eq(cluster.0))
            .filter(award_application::Column::SubmittedOn.eq(draft.submitted_on))
            .filter(award_application::Column::Award.eq(award.clone()))
            .filter(match draft.member {
                Some(member) => award_application::Column::MemberId.eq(member.0),
                None => award_application::Column::MemberId.is_null(),
            })
            .one(db)
            .await?;
        if same.is_some() {
            problems.push(format!(
                "award: the application for \"{award}\" on {} is already recorded",
                draft.submitted_on
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let application = award_application::ActiveModel {
            cluster_id: Set(cluster.0),
            member_id: Set(draft.member.map(|m| m.0)),
            award: Set(award),
            submitted_on: Set(draft.submitted_on),
            outcome: Set(AwardOutcome::Pending),
            reference: Set(recorded_reference()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        recompute(db, &application, today).await;
        Ok(application)
    }

    /// Sets the outcome of application `id` of `cluster` (won, lost, or back to pending);
    /// refused when the cluster has no such application.
    #[tracing::instrument(skip(db), err)]
    pub async fn decide(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
        outcome: AwardOutcome,
        today: NaiveDate,
    ) -> Result<award_application::Model, DomainError> {
        let application = Self::find(db, cluster, id).await?;
        if application.outcome == outcome {
            return Ok(application);
        }
        let mut row: award_application::ActiveModel = application.into();
        row.outcome = Set(outcome);
        let application = row.update(db).await?;
        recompute(db, &application, today).await;
        Ok(application)
    }

    /// Removes application `id` of `cluster` (recorded by mistake); refused when the
    /// cluster has no such application.
    #[tracing::instrument(skip(db), err)]
    pub async fn remove(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let application = Self::find(db, cluster, id).await?;
        award_application::Entity::delete_by_id(application.id)
            .exec(db)
            .await?;
        recompute(db, &application, today).await;
        Ok(())
    }

    async fn find(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
    ) -> Result<award_application::Model, DomainError> {
        award_application::Entity::find_by_id(id)
            .filter(award_application::Column::ClusterId.eq(cluster.0))
            .one(db)
            .await?
            .ok_or_else(|| {
                DomainError::Refused(vec![format!(
                    "application: this cluster has no award application {id}"
                )])
            })
    }
}

/// The incremental recompute after a change to `application`. The fact is saved either
/// way; a failed recompute is caught up by the next write or `server kpis recompute`.
async fn recompute(
    db: &DatabaseConnection,
    application: &award_application::Model,
    today: NaiveDate,
) {
    let day = application.submitted_on;
    let members: Vec<MemberId> = application.member_id.map(MemberId).into_iter().collect();
    let change = match FactChange::concerning(
        db,
        &["award_applications"],
        (day, day),
        &[ClusterId(application.cluster_id)],
        &members,
    )
    .await
    {
        Ok(change) => change,
        Err(error) => {
            tracing::error!(%error, "clusters of an award change not found");
            return;
        }
    };
    if let Err(error) = KpiEngine::recompute_after_change(db, &change, today).await {
        tracing::error!(%error, "KPI recompute after an award change failed");
    }
}
