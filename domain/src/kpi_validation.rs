//! Staff decisions on KPI values and period closing, each written to the audit log in the
//! same transaction as the change it records.
//!
//! A value is `computed`, then `validated`, `rejected` (with a reason), `overridden` (a
//! corrected value and a reason) or `not_applicable` (with a reason: it then counts
//! neither for nor against the cluster). A recompute turns a changed decided value `stale`
//! (see `kpi_engine::value_store`); validating a stale value accepts the new number.
//! A closed period's values change only through a restatement with a reason.

use chrono::Utc;
use kpi::{ClusterId, MetricKey, Period, RegionId};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait, Value};

use crate::DomainError;
use crate::kpi_revision::KpiRevision;
use crate::sql::statement;

/// What staff decide about the selected values.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// The computed value is right (for a stale value: the new number is right).
    Validate,
    /// The value is wrong and must not count until the facts are fixed.
    Reject {
        /// Why.
        reason: String,
    },
    /// The value is replaced by a corrected one.
    Override {
        /// The corrected value, in the metric's stored unit (fractions for ratios).
        value: f64,
        /// Why.
        reason: String,
    },
    /// The metric does not apply to the cluster for the period (a new cluster, an
    /// excused period).
    NotApplicable {
        /// Why.
        reason: String,
    },
    /// Back to the computed value, undecided.
    Reopen,
}

impl Decision {
    fn action(&self) -> &'static str {
        match self {
            Self::Validate => "validate",
            Self::Reject { .. } => "reject",
            Self::Override { .. } => "override",
            Self::NotApplicable { .. } => "not_applicable",
            Self::Reopen => "reopen",
        }
    }

    fn status(&self) -> &'static str {
        match self {
            Self::Validate => "validated",
            Self::Reject { .. } => "rejected",
            Self::Override { .. } => "overridden",
            Self::NotApplicable { .. } => "not_applicable",
            Self::Reopen => "computed",
        }
    }

    fn reason(&self) -> Option<&str> {
        match self {
            Self::Reject { reason }
            | Self::Override { reason, .. }
            | Self::NotApplicable { reason } => Some(reason.as_str()),
            Self::Validate | Self::Reopen => None,
        }
    }
}

/// Which cluster values a decision applies to: one period, and optionally one metric, one
/// region or one cluster (bulk validation of a region or cluster for a period).
#[derive(Clone, Debug)]
pub struct ValueSelection {
    /// The period.
    pub period: Period,
    /// One metric, or all.
    pub metric: Option<MetricKey>,
    /// One region's clusters, or all.
    pub region: Option<RegionId>,
    /// One cluster, or all.
    pub cluster: Option<ClusterId>,
    /// Only metrics of this group, or all.
    pub group: Option<String>,
    /// Only values awaiting a decision (computed or stale): a bulk validation never
    /// overturns a rejection or an override.
    pub awaiting_only: bool,
}

/// Staff decisions and period closing.
pub struct KpiValidation;

const REASON_LIMIT: usize = 2000;

fn check_reason(reason: Option<&str>) -> Result<(), DomainError> {
    match reason.map(str::trim) {
        Some("") => Err(DomainError::Invalid(
            "a reason is required: say why, for the audit log".into(),
        )),
        Some(text) if text.chars().count() > REASON_LIMIT => Err(DomainError::Invalid(format!(
            "the reason is too long ({} characters, at most {REASON_LIMIT})",
            text.chars().count()
        ))),
        _ => Ok(()),
    }
}

/// Whether `period` is closed.
async fn is_closed<C: ConnectionTrait>(db: &C, period: &Period) -> Result<bool, DomainError> {
    let row = db
        .query_one_raw(statement(
            db.get_database_backend(),
            "SELECT 1 AS closed FROM period_closures WHERE period_key = ?",
            [period.key().into()],
        ))
        .await?;
    Ok(row.is_some())
}

impl KpiValidation {
    /// Applies `decision` to every selected cluster value, as `actor`; returns how many
    /// values changed. All or nothing; refused for a closed period.
    #[tracing::instrument(skip(db), err)]
    pub async fn decide(
        db: &DatabaseConnection,
        actor: &str,
        selection: &ValueSelection,
        decision: &Decision,
    ) -> Result<usize, DomainError> {
        check_reason(decision.reason())?;
        if let Decision::Override { value, .. } = decision
            && !value.is_finite()
        {
            return Err(DomainError::Invalid(format!(
                "the corrected value must be a number, got {value}"
            )));
        }
        let txn = db.begin().await?;
        if is_closed(&txn, &selection.period).await? {
            return Err(DomainError::Invalid(format!(
                "period {} is closed: restate it, with a reason, before changing its values",
                selection.period.key()
            )));
        }
        let backend = txn.get_database_backend();
        let mut sql = String::from(
            "SELECT v.id, v.metric_id, v.scope_id, v.status, v.value, v.decided_value \
             FROM kpi_values v JOIN clusters c ON c.id = v.scope_id \
             WHERE v.scope_kind = 'cluster' AND v.period_key = ?",
        );
        let mut params: Vec<Value> = vec![selection.period.key().into()];
        if let Some(metric) = &selection.metric {
            sql.push_str(" AND v.metric_id = (SELECT id FROM metrics WHERE key = ?)");
            params.push(metric.as_str().into());
        }
        if let Some(region) = selection.region {
            sql.push_str(" AND c.region_id = ?");
            params.push(region.0.into());
        }
        if let Some(cluster) = selection.cluster {
            sql.push_str(" AND v.scope_id = ?");
            params.push(cluster.0.into());
        }
        if let Some(group) = &selection.group {
            sql.push_str(" AND v.metric_id IN (SELECT id FROM metrics WHERE group_key = ?)");
            params.push(group.clone().into());
        }
        if selection.awaiting_only {
            sql.push_str(" AND v.status IN ('computed', 'stale')");
        }
        let rows = txn.query_all_raw(statement(backend, &sql, params)).await?;
        if rows.is_empty() {
            return Err(DomainError::Invalid(
                format!(
                    "no computed values match: period {}{}{}{}",
                    selection.period.key(),
                    selection
                        .metric
                        .as_ref()
                        .map(|m| format!(", metric {m}"))
                        .unwrap_or_default(),
                    selection
                        .region
                        .map(|r| format!(", region {r}"))
                        .unwrap_or_default(),
                    selection
                        .cluster
                        .map(|c| format!(", cluster {c}"))
                        .unwrap_or_default(),
                ) + if selection.awaiting_only {
                    " awaiting a decision"
                } else {
                    ""
                },
            ));
        }
        let now = Utc::now().naive_utc();
        let mut changed = 0;
        for row in rows {
            let id: i32 = row.try_get("", "id")?;
            let status: String = row.try_get("", "status")?;
            let value: Option<f64> = row.try_get("", "value")?;
            let decided_before: Option<f64> = row.try_get("", "decided_value")?;
            let decided_after = match decision {
                Decision::Validate => value,
                Decision::Override { value, .. } => Some(*value),
                Decision::Reject { .. } | Decision::NotApplicable { .. } | Decision::Reopen => None,
            };
            if status == decision.status() && decided_before == decided_after {
                continue;
            }
            txn.execute_raw(statement(
                backend,
                "UPDATE kpi_values SET status = ?, decided_value = ?, decision_reason = ?, \
                 decided_by = ?, decided_at = ? WHERE id = ?",
                [
                    decision.status().into(),
                    decided_after.into(),
                    decision.reason().map(str::to_owned).into(),
                    actor.into(),
                    now.into(),
                    id.into(),
                ],
            ))
            .await?;
            let metric_id: i32 = row.try_get("", "metric_id")?;
            let scope_id: i32 = row.try_get("", "scope_id")?;
            txn.execute_raw(statement(
                backend,
                "INSERT INTO kpi_audit (kpi_value_id, period_key, scope_kind, scope_id, metric_id, \
                 action, status_before, status_after, value_before, value_after, reason, actor, at) \
                 VALUES (?, ?, 'cluster', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    id.into(),
                    selection.period.key().into(),
                    scope_id.into(),
                    metric_id.into(),
                    decision.action().into(),
                    status.into(),
                    decision.status().into(),
                    decided_before.or(value).into(),
                    decided_after.into(),
                    decision.reason().map(str::to_owned).into(),
                    actor.into(),
                    now.into(),
                ],
            ))
            .await?;
            changed += 1;
        }
        if changed > 0 {
            KpiRevision::advance(&txn).await?;
        }
        txn.commit().await?;
        Ok(changed)
    }

    /// Closes `period` once every cluster value in it is decided (validated, rejected,
    /// overridden or not applicable); refused, saying how many are not, otherwise.
    #[tracing::instrument(skip(db), err)]
    pub async fn close_period(
        db: &DatabaseConnection,
        actor: &str,
        period: &Period,
    ) -> Result<(), DomainError> {
        let txn = db.begin().await?;
        let backend = txn.get_database_backend();
        if is_closed(&txn, period).await? {
            return Err(DomainError::Invalid(format!(
                "period {} is already closed",
                period.key()
            )));
        }
        let row = txn
            .query_one_raw(statement(
                backend,
                "SELECT COUNT(*) AS open FROM kpi_values WHERE period_key = ? \
                 AND scope_kind = 'cluster' AND status IN ('computed', 'stale')",
                [period.key().into()],
            ))
            .await?;
        let open: i64 = match row {
            Some(row) => row.try_get("", "open")?,
            None => 0,
        };
        if open > 0 {
            return Err(DomainError::Invalid(format!(
                "period {} cannot be closed: {open} cluster values are not validated yet",
                period.key()
            )));
        }
        let now = Utc::now().naive_utc();
        txn.execute_raw(statement(
            backend,
            "INSERT INTO period_closures (period_key, closed_by, closed_at) VALUES (?, ?, ?)",
            [period.key().into(), actor.into(), now.into()],
        ))
        .await?;
        audit_period(&txn, period, "close", None, actor).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Reopens a closed period for a restatement, with the reason in the audit log.
    #[tracing::instrument(skip(db), err)]
    pub async fn restate_period(
        db: &DatabaseConnection,
        actor: &str,
        period: &Period,
        reason: &str,
    ) -> Result<(), DomainError> {
        check_reason(Some(reason))?;
        let txn = db.begin().await?;
        if !is_closed(&txn, period).await? {
            return Err(DomainError::Invalid(format!(
                "period {} is not closed: its values can be changed directly",
                period.key()
            )));
        }
        txn.execute_raw(statement(
            txn.get_database_backend(),
            "DELETE FROM period_closures WHERE period_key = ?",
            [period.key().into()],
        ))
        .await?;
        audit_period(&txn, period, "restate", Some(reason), actor).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The keys of every closed period.
    pub async fn closed_periods<C: ConnectionTrait>(db: &C) -> Result<Vec<String>, DomainError> {
        let rows = db
            .query_all_raw(statement(
                db.get_database_backend(),
                "SELECT period_key FROM period_closures ORDER BY period_key",
                [],
            ))
            .await?;
        rows.iter()
            .map(|row| row.try_get("", "period_key").map_err(DomainError::from))
            .collect()
    }
}

async fn audit_period<C: ConnectionTrait>(
    db: &C,
    period: &Period,
    action: &str,
    reason: Option<&str>,
    actor: &str,
) -> Result<(), DomainError> {
    db.execute_raw(statement(
        db.get_database_backend(),
        "INSERT INTO kpi_audit (period_key, action, reason, actor, at) VALUES (?, ?, ?, ?, ?)",
        [
            period.key().into(),
            action.into(),
            reason.map(str::to_owned).into(),
            actor.into(),
            Utc::now().naive_utc().into(),
        ],
    ))
    .await?;
    Ok(())
}

/// One entry of a value's audit trail.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEntry {
    /// When.
    pub at: chrono::NaiveDateTime,
    /// Who.
    pub actor: String,
    /// validate, reject, override, not_applicable or reopen.
    pub action: String,
    /// The value before.
    pub value_before: Option<f64>,
    /// The value after.
    pub value_after: Option<f64>,
    /// Why.
    pub reason: Option<String>,
}

impl KpiValidation {
    /// The audit trail of one cluster value, newest first.
    pub async fn history<C: ConnectionTrait>(
        db: &C,
        metric: &MetricKey,
        period: &Period,
        cluster: ClusterId,
    ) -> Result<Vec<AuditEntry>, DomainError> {
        let rows = db
            .query_all_raw(statement(
                db.get_database_backend(),
                "SELECT a.at, a.actor, a.action, a.value_before, a.value_after, a.reason \
                 FROM kpi_audit a JOIN metrics m ON m.id = a.metric_id \
                 WHERE m.key = ? AND a.period_key = ? AND a.scope_kind = 'cluster' \
                 AND a.scope_id = ? ORDER BY a.at DESC, a.id DESC",
                [
                    metric.as_str().into(),
                    period.key().into(),
                    cluster.0.into(),
                ],
            ))
            .await?;
        rows.into_iter()
            .map(|row| {
                Ok(AuditEntry {
                    at: row.try_get("", "at")?,
                    actor: row.try_get("", "actor")?,
                    action: row.try_get("", "action")?,
                    value_before: row.try_get("", "value_before")?,
                    value_after: row.try_get("", "value_after")?,
                    reason: row.try_get("", "reason")?,
                })
            })
            .collect()
    }
}
