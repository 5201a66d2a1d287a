//! A cluster's scorecard for a period: every metric the cluster is measured on that year
//! (the obligatory ones and the optional ones its leader selected), with the number that
//! counts, its signal, the thresholds in effect, what it takes to reach the next signal,
//! the same period before and a year before, and a trend over the periods leading up to it.

use std::collections::HashMap;

use chrono::Datelike;
use kpi::{ClusterId, Direction, MetricKey, Period, RegionId, Signal, Thresholds};
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::DomainError;
use crate::entity::{cluster, region};
use crate::kpi_completeness::{ClusterCompleteness, KpiCompleteness};
use crate::kpi_engine::KpiEngine;
use crate::kpi_values::{KpiFilter, KpiValueRow, KpiValues, for_period};
use crate::metric_targets::MetricTargets;

/// How many periods of the same grain the trend shows, ending with the chosen one.
pub const TREND_LENGTH: i32 = 8;

/// Which values a reader wants to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ValueBasis {
    /// Every stored value, whatever its validation status.
    #[default]
    All,
    /// Only values staff validated or overrode; others count as not yet available.
    ValidatedOnly,
}

impl ValueBasis {
    /// The number `row` contributes under this basis.
    pub fn counted(self, row: &KpiValueRow) -> Option<f64> {
        match self {
            Self::All => row.counted(),
            Self::ValidatedOnly => row.counted().filter(|_| row.is_validated()),
        }
    }
}

/// One metric on a scorecard.
#[derive(Clone, Debug, PartialEq)]
pub struct ScorecardLine {
    /// The metric.
    pub metric: MetricKey,
    /// Its name.
    pub name: String,
    /// Its group (business, engagement, community).
    pub group: String,
    /// Its unit.
    pub unit: String,
    /// Which direction is better.
    pub direction: Direction,
    /// Obligatory for every cluster (else selected by the leader).
    pub obligatory: bool,
    /// The number that counts for the period; `None` when there is no data.
    pub value: Option<f64>,
    /// The stored value's validation status; `None` when nothing is stored.
    pub status: Option<String>,
    /// The signal of `value`.
    pub signal: Option<Signal>,
    /// The thresholds in effect for the period (target or defaults, pro-rated).
    pub thresholds: Thresholds,
    /// The next better signal and how far the value has to move to reach it.
    pub gap: Option<(Signal, f64)>,
    /// The number for the period before.
    pub previous: Option<f64>,
    /// The number for the same period a year before.
    pub last_year: Option<f64>,
    /// The numbers of the periods up to and including this one, oldest first.
    pub trend: Vec<(Period, Option<f64>)>,
}

/// A cluster's scorecard for one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    /// The cluster.
    pub cluster: cluster::Model,
    /// Its region.
    pub region: region::Model,
    /// The period.
    pub period: Period,
    /// One line per metric, in catalogue order.
    pub lines: Vec<ScorecardLine>,
    /// The share of expected inputs present, per input.
    pub completeness: Option<ClusterCompleteness>,
}

/// Building scorecards.
pub struct ClusterScorecard;

impl ClusterScorecard {
    /// The scorecard of `cluster` for `period`, counting values on `basis`; `None` when
    /// there is no such cluster.
    #[tracing::instrument(skip(db), err)]
    pub async fn load<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        period: Period,
        basis: ValueBasis,
    ) -> Result<Option<Scorecard>, DomainError> {
        let Some(cluster_row) = cluster::Entity::find_by_id(cluster.0).one(db).await? else {
            return Ok(None);
        };
        let Some(region_row) = region::Entity::find_by_id(cluster_row.region_id)
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
        let year = period.fiscal_year(fiscal_start).first_day().year();
        let plan = MetricTargets::plan(db, cluster, year).await?;
        let trend_periods: Vec<Period> = (0..TREND_LENGTH)
            .rev()
            .map(|back| period.shifted(-back))
            .collect();
        let (previous, last_year) = (period.previous(), period.same_period_last_year());
        let key = period.key();
        let previous_key = previous.key();
        let last_year_key = last_year.key();
        // Only the periods the card shows: a cluster has some fifty periods of values.
        let mut shown = trend_periods.clone();
        shown.extend([previous, last_year]);
        shown.sort_by_key(Period::key);
        shown.dedup();
        let rows = KpiValues::list(
            db,
            &KpiFilter {
                cluster: Some(cluster),
                periods: shown,
                ..KpiFilter::default()
            },
        )
        .await?;
        let stored: HashMap<(&str, &str), &KpiValueRow> = rows
            .iter()
            .map(|row| ((row.metric.as_str(), row.period.as_str()), row))
            .collect();

        let lines = plan
            .metrics
            .into_iter()
            .filter(|m| m.selected)
            .map(|m| {
                let metric = m.metric.as_str();
                let row = stored.get(&(metric, key.as_str())).copied();
                let number = |period_key: &str| {
                    stored
                        .get(&(metric, period_key))
                        .and_then(|row| basis.counted(row))
                };
                let value = row.and_then(|row| basis.counted(row));
                // Without a stored value the plan's thresholds still say what green is.
                let thresholds = row.map_or_else(
                    || for_period(m.target.unwrap_or(m.default), &m.unit, &period),
                    |row| row.thresholds,
                );
                ScorecardLine {
                    value,
                    status: row.map(|row| row.status.clone()),
                    signal: thresholds.signal(value),
                    gap: thresholds.gap_to_next(value),
                    thresholds,
                    previous: number(&previous_key),
                    last_year: number(&last_year_key),
                    trend: trend_periods
                        .iter()
                        .map(|p| (*p, number(&p.key())))
                        .collect(),
                    name: m.name,
                    group: m.group,
                    unit: m.unit,
                    direction: m.direction,
                    obligatory: m.obligatory,
                    metric: m.metric,
                }
            })
            .collect();
        let completeness = KpiCompleteness::for_cluster(db, &period, cluster).await?;
        Ok(Some(Scorecard {
            cluster: cluster_row,
            region: region_row,
            period,
            lines,
            completeness,
        }))
    }

    /// The cluster `member` belongs to on `day`: their newest membership covering it, else
    /// (a lapsed member) the last cluster they belonged to before it.
    pub async fn cluster_of_member<C: ConnectionTrait>(
        db: &C,
        member: kpi::MemberId,
        day: chrono::NaiveDate,
    ) -> Result<Option<(ClusterId, RegionId)>, DomainError> {
        let row = db
            .query_one_raw(crate::sql::statement(
                db.get_database_backend(),
                "SELECT ms.cluster_id, c.region_id FROM memberships ms \
                 JOIN clusters c ON c.id = ms.cluster_id \
                 WHERE ms.member_id = ? AND ms.start_date <= ? \
                 ORDER BY CASE WHEN ms.end_date IS NULL OR ms.end_date >= ? THEN 0 ELSE 1 END, \
                 ms.start_date DESC LIMIT 1",
                [member.0.into(), day.into(), day.into()],
            ))
            .await?;
        row.map(|row| {
            Ok((
                ClusterId(row.try_get("", "cluster_id")?),
                RegionId(row.try_get("", "region_id")?),
            ))
        })
        .transpose()
    }
}
