//! Members' self-reports: a member submits the month's activity report, an event
//! participation or volunteer hours; staff verify or reject them. Every change is
//! followed by the incremental KPI recompute, so the cluster's numbers follow at once.

use chrono::{Datelike, NaiveDate};
use kpi::{ClusterId, MemberId, RegionId};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

use crate::DomainError;
use crate::entity::self_report::{self, SelfReportKind, SelfReportStatus};
use crate::entity::{cluster, member, membership};
use crate::kpi_engine::{FactChange, KpiEngine, RecomputeReport};

/// Most hours one report may carry (a month of full days).
pub const MAX_HOURS: f64 = 300.0;
/// Longest description accepted.
pub const MAX_DESCRIPTION: usize = 2000;
/// How many days after its month a new report is due.
const DUE_AFTER_MONTH_END: i64 = 10;

/// What a member submits.
#[derive(Clone, Debug, PartialEq)]
pub struct SelfReportDraft {
    /// Activity, event participation or volunteer hours.
    pub kind: SelfReportKind,
    /// Any day of the month reported on.
    pub month: NaiveDate,
    /// Hours.
    pub hours: f64,
    /// What was done.
    pub description: String,
}

/// A staff decision on submitted reports.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportDecision {
    /// The report is right: it counts towards the KPIs.
    Verify,
    /// The report is refused, with a reason the member sees.
    Reject {
        /// Why.
        reason: String,
    },
}

/// A report awaiting staff, with who and where.
#[derive(Clone, Debug, PartialEq)]
pub struct QueuedReport {
    /// The report.
    pub report: self_report::Model,
    /// The member's name.
    pub member_name: String,
    /// The cluster's code and name.
    pub cluster_name: String,
}

/// Self-report operations.
pub struct SelfReporting;

impl SelfReporting {
    /// A member's reports, newest month first.
    pub async fn for_member<C: ConnectionTrait>(
        db: &C,
        member: MemberId,
    ) -> Result<Vec<self_report::Model>, DomainError> {
        Ok(self_report::Entity::find()
            .filter(self_report::Column::MemberId.eq(member.0))
            .order_by_desc(self_report::Column::ReportMonth)
            .order_by_asc(self_report::Column::Kind)
            .all(db)
            .await?)
    }

    /// Submits `draft` for `member` on `today`: fills the month's expected (or rejected)
    /// report of that kind, or creates one; refused, one line per problem, for a future
    /// month, a month with a report already submitted or verified, hours out of range or
    /// a missing description. The member's cluster is the one of their membership in
    /// that month. Recomputes the affected KPIs.
    #[tracing::instrument(skip(db, draft), err)]
    pub async fn submit(
        db: &DatabaseConnection,
        member: MemberId,
        draft: SelfReportDraft,
        today: NaiveDate,
    ) -> Result<self_report::Model, DomainError> {
        let month = first_of_month(draft.month);
        let mut problems = Vec::new();
        if month > today {
            problems.push(format!(
                "month: {} has not started yet",
                month.format("%Y-%m")
            ));
        }
        if month < first_of_month(today) - chrono::Months::new(12) {
            problems.push(format!(
                "month: {} is more than a year ago; ask staff to record it",
                month.format("%Y-%m")
            ));
        }
        if !draft.hours.is_finite() || draft.hours < 0.0 || draft.hours > MAX_HOURS {
            problems.push(format!(
                "hours: {} is not between 0 and {MAX_HOURS}",
                draft.hours
            ));
        }
        let description = draft.description.trim().to_owned();
        if description.is_empty() {
            problems.push("description: say what you did".into());
        }
        if description.chars().count() > MAX_DESCRIPTION {
            problems.push(format!(
                "description: {} characters; at most {MAX_DESCRIPTION}",
                description.chars().count()
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let last_day = last_of_month(month);
        let txn = db.begin().await?;
        let cluster_id = membership::Entity::find()
            .filter(membership::Column::MemberId.eq(member.0))
            .filter(membership::Column::StartDate.lte(last_day))
            .filter(
                Condition::any()
                    .add(membership::Column::EndDate.is_null())
                    .add(membership::Column::EndDate.gte(month)),
            )
            .order_by_desc(membership::Column::StartDate)
            .one(&txn)
            .await?
            .map(|m| m.cluster_id)
            .ok_or_else(|| {
                DomainError::Refused(vec![format!(
                    "month: you had no membership in {}",
                    month.format("%Y-%m")
                )])
            })?;
        let existing = self_report::Entity::find()
            .filter(self_report::Column::MemberId.eq(member.0))
            .filter(self_report::Column::ReportMonth.eq(month))
            .filter(self_report::Column::Kind.eq(draft.kind))
            .one(&txn)
            .await?;
        let saved = match existing {
            Some(report)
                if matches!(
                    report.status,
                    SelfReportStatus::Submitted | SelfReportStatus::Verified
                ) =>
            {
                return Err(DomainError::Refused(vec![format!(
                    "month: a report of this kind for {} is already {}",
                    month.format("%Y-%m"),
                    if report.status == SelfReportStatus::Verified {
                        "verified"
                    } else {
                        "submitted and waiting for staff"
                    }
                )]));
            }
            Some(report) => {
                let mut update: self_report::ActiveModel = report.into();
                update.submitted_on = Set(Some(today));
                update.hours = Set(draft.hours);
                update.description = Set(description);
                update.status = Set(SelfReportStatus::Submitted);
                update.rejection_reason = Set(None);
                update.verifier = Set(None);
                update.verified_on = Set(None);
                update.update(&txn).await?
            }
            None => {
                self_report::ActiveModel {
                    member_id: Set(member.0),
                    cluster_id: Set(cluster_id),
                    report_month: Set(month),
                    kind: Set(draft.kind),
                    due_on: Set(last_day + chrono::Duration::days(DUE_AFTER_MONTH_END)),
                    submitted_on: Set(Some(today)),
                    hours: Set(draft.hours),
                    description: Set(description),
                    status: Set(SelfReportStatus::Submitted),
                    verifier: Set(None),
                    verified_on: Set(None),
                    rejection_reason: Set(None),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
            }
        };
        txn.commit().await?;
        let concerned = [(ClusterId(saved.cluster_id), MemberId(saved.member_id))];
        recompute(db, (month, month), &concerned, today).await?;
        Ok(saved)
    }

    /// One page of the submitted reports waiting for staff, newest submission first,
    /// optionally of some regions only, with how many wait in all.
    pub async fn queue<C: ConnectionTrait>(
        db: &C,
        regions: Option<&[RegionId]>,
        page: u64,
        page_size: u64,
    ) -> Result<(Vec<QueuedReport>, u64), DomainError> {
        let mut query = self_report::Entity::find()
            .filter(self_report::Column::Status.eq(SelfReportStatus::Submitted));
        if let Some(regions) = regions {
            query = query.filter(
                self_report::Column::ClusterId.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(cluster::Column::Id)
                        .from(cluster::Entity)
                        .and_where(cluster::Column::RegionId.is_in(regions.iter().map(|r| r.0)))
                        .to_owned(),
                ),
            );
        }
        let total = query.clone().count(db).await?;
        let reports = query
            .order_by_desc(self_report::Column::SubmittedOn)
            .order_by_desc(self_report::Column::Id)
            .offset(page * page_size)
            .limit(page_size)
            .all(db)
            .await?;
        let clusters: std::collections::HashMap<i32, cluster::Model> = cluster::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let members: std::collections::HashMap<i32, String> = member::Entity::find()
            .filter(member::Column::Id.is_in(reports.iter().map(|r| r.member_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, format!("{} {}", m.first_name, m.last_name)))
            .collect();
        let rows = reports
            .into_iter()
            .map(|report| QueuedReport {
                member_name: members.get(&report.member_id).cloned().unwrap_or_default(),
                cluster_name: clusters
                    .get(&report.cluster_id)
                    .map(|c| format!("{} · {}", c.code, c.name))
                    .unwrap_or_default(),
                report,
            })
            .collect();
        Ok((rows, total))
    }

    /// The regions of the clusters reports `ids` were made for (unknown ids add none).
    pub async fn regions_of<C: ConnectionTrait>(
        db: &C,
        ids: &[i32],
    ) -> Result<Vec<RegionId>, DomainError> {
        let clusters: Vec<i32> = self_report::Entity::find()
            .filter(self_report::Column::Id.is_in(ids.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.cluster_id)
            .collect();
        let mut regions: Vec<RegionId> = cluster::Entity::find()
            .filter(cluster::Column::Id.is_in(clusters))
            .all(db)
            .await?
            .into_iter()
            .map(|c| RegionId(c.region_id))
            .collect();
        regions.sort_unstable_by_key(|r| r.0);
        regions.dedup();
        Ok(regions)
    }

    /// Verifies or rejects the submitted reports `ids` as `actor`, all or nothing;
    /// refused when one is not waiting for staff. Recomputes the affected KPIs; returns
    /// how many reports changed and what the recompute did.
    #[tracing::instrument(skip(db), err)]
    pub async fn decide(
        db: &DatabaseConnection,
        actor: &str,
        ids: &[i32],
        decision: &ReportDecision,
        today: NaiveDate,
    ) -> Result<(usize, RecomputeReport), DomainError> {
        if ids.is_empty() {
            return Err(DomainError::Refused(vec![
                "select at least one report".into(),
            ]));
        }
        if let ReportDecision::Reject { reason } = decision
            && (reason.trim().is_empty() || reason.chars().count() > MAX_DESCRIPTION)
        {
            return Err(DomainError::Refused(vec![format!(
                "reason: say why, in 1 to {MAX_DESCRIPTION} characters; the member sees it"
            )]));
        }
        let txn = db.begin().await?;
        let reports = self_report::Entity::find()
            .filter(self_report::Column::Id.is_in(ids.iter().copied()))
            .all(&txn)
            .await?;
        let waiting: Vec<&self_report::Model> = reports
            .iter()
            .filter(|r| r.status == SelfReportStatus::Submitted)
            .collect();
        if waiting.len() != ids.len() {
            let missing = ids.len() - waiting.len();
            return Err(DomainError::Refused(vec![format!(
                "{missing} of the {} selected reports are not waiting for staff (already decided or unknown); nothing was changed",
                ids.len()
            )]));
        }
        for report in &waiting {
            let mut update: self_report::ActiveModel = (*report).clone().into();
            match decision {
                ReportDecision::Verify => {
                    update.status = Set(SelfReportStatus::Verified);
                    update.rejection_reason = Set(None);
                }
                ReportDecision::Reject { reason } => {
                    update.status = Set(SelfReportStatus::Rejected);
                    update.rejection_reason = Set(Some(reason.trim().to_owned()));
                }
            }
            update.verifier = Set(Some(actor.to_owned()));
            update.verified_on = Set(Some(today));
            update.update(&txn).await?;
        }
        let from = waiting.iter().map(|r| r.report_month).min();
        let to = waiting.iter().map(|r| r.report_month).max();
        txn.commit().await?;
        let concerned: Vec<(ClusterId, MemberId)> = waiting
            .iter()
            .map(|r| (ClusterId(r.cluster_id), MemberId(r.member_id)))
            .collect();
        let report = match (from, to) {
            (Some(from), Some(to)) => recompute(db, (from, to), &concerned, today).await?,
            _ => RecomputeReport::default(),
        };
        Ok((ids.len(), report))
    }

    /// The cluster of a report, for access checks.
    pub async fn cluster_of<C: ConnectionTrait>(
        db: &C,
        id: i32,
    ) -> Result<Option<ClusterId>, DomainError> {
        Ok(self_report::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|r| ClusterId(r.cluster_id)))
    }
}

/// The incremental recompute after self-reports of the months `from`..=`to`, of these
/// clusters and members, changed.
async fn recompute(
    db: &DatabaseConnection,
    (from, to): (NaiveDate, NaiveDate),
    concerned: &[(ClusterId, MemberId)],
    today: NaiveDate,
) -> Result<RecomputeReport, DomainError> {
    let clusters: Vec<ClusterId> = concerned.iter().map(|(c, _)| *c).collect();
    let members: Vec<MemberId> = concerned.iter().map(|(_, m)| *m).collect();
    let change = FactChange::concerning(
        db,
        &["self_reports"],
        (from, last_of_month(to)),
        &clusters,
        &members,
    )
    .await?;
    KpiEngine::recompute_after_change(db, &change, today).await
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn last_of_month(day: NaiveDate) -> NaiveDate {
    let first = first_of_month(day);
    (first + chrono::Months::new(1)) - chrono::Duration::days(1)
}
