//! The KPI engine: metric definitions (data, `kpi::definition`) compiled against a
//! registry of fact sources into set-based SQL, computed for every period and scope, and
//! stored with numerator and denominator so every number can be explained.
//!
//! Entry points: [`KpiEngine::recompute_all`], [`KpiEngine::recompute_after_change`] and
//! [`check_definition`] (used before a definition is saved).

pub mod computation;
pub mod definition_check;
pub mod dialect;
pub mod fact_source;
pub mod measure_query;
pub mod month_base;
pub mod period_frame;
pub mod stored_parts;
pub mod value_store;

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use chrono::NaiveDate;
use kpi::definition::MetricDefinition;
use kpi::{ClusterId, FiscalYearStart, Grain, MetricKey, Scope};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};

pub use computation::{ClusterPlace, ComputedValue, PlannedMetric};
pub use definition_check::{DefinitionProblems, check_definition};
pub use value_store::SaveCounts;

use crate::DomainError;
use crate::entity::{cluster, setting};
use crate::metric_catalogue::MetricCatalogue;
use crate::sql::statement;
use month_base::MonthBase;
use period_frame::PeriodFrame;

/// What a recompute did, with timings for the benchmark and the logs.
#[derive(Clone, Debug, Default)]
pub struct RecomputeReport {
    /// Metrics computed.
    pub metrics: usize,
    /// Periods computed, over all grains.
    pub periods: usize,
    /// Values produced (clusters, regions and the organization).
    pub values: usize,
    /// What the save changed.
    pub saved: SaveCounts,
    /// Milliseconds spent reading the catalogue, the clusters and the settings.
    pub prepare_ms: u128,
    /// Milliseconds spent computing (SQL and combining).
    pub compute_ms: u128,
    /// Milliseconds spent saving.
    pub save_ms: u128,
}

/// A change to facts: the tables written and the earliest date any changed row carries.
#[derive(Clone, Debug)]
pub struct FactChange {
    /// The fact tables that changed.
    pub tables: Vec<String>,
    /// The earliest date any changed row carries (old or new values).
    pub from: NaiveDate,
    /// The latest date any changed row carries (old or new values).
    pub to: NaiveDate,
    /// Every cluster whose values the change can move: the clusters its rows are credited
    /// to and the clusters of the members it concerns; `None` when that is not known, and
    /// every cluster is recomputed.
    pub clusters: Option<Vec<ClusterId>>,
}

impl FactChange {
    /// A change to rows of `tables` dated `from..=to`, credited to `clusters` and about
    /// `members`: the clusters those members' own facts are credited to are added, since a
    /// metric may count a member through a link to the changed rows (members of a cluster
    /// who attended any event, say).
    pub async fn concerning<C: ConnectionTrait>(
        db: &C,
        tables: &[&str],
        (from, to): (NaiveDate, NaiveDate),
        clusters: &[ClusterId],
        members: &[kpi::MemberId],
    ) -> Result<Self, DomainError> {
        let mut all: Vec<ClusterId> = clusters.to_vec();
        if !members.is_empty() {
            let ids: Vec<String> = members.iter().map(|m| m.0.to_string()).collect();
            let ids = ids.join(", ");
            let sql = format!(
                "SELECT cluster_id FROM memberships WHERE member_id IN ({ids}) \
                 UNION SELECT s.cluster_id FROM board_terms t \
                 JOIN board_seats s ON s.id = t.board_seat_id WHERE t.member_id IN ({ids}) \
                 UNION SELECT f.cluster_id FROM forum_memberships fm \
                 JOIN forums f ON f.id = fm.forum_id WHERE fm.member_id IN ({ids}) \
                 UNION SELECT cluster_id FROM mentorships WHERE mentee_id IN ({ids}) OR mentor_id IN ({ids})"
            );
            for row in db
                .query_all_raw(statement(db.get_database_backend(), &sql, []))
                .await?
            {
                all.push(ClusterId(row.try_get("", "cluster_id")?));
            }
        }
        all.sort_unstable_by_key(|c| c.0);
        all.dedup();
        Ok(Self {
            tables: tables.iter().map(|t| (*t).to_owned()).collect(),
            from,
            to,
            clusters: Some(all),
        })
    }
}

/// Everything a computation needs to know about the organization.
struct Setting {
    fiscal_start: FiscalYearStart,
    clusters: Vec<ClusterPlace>,
    metrics: Vec<PlannedMetric>,
    history_start: Option<NaiveDate>,
    /// Milliseconds reading all of this took.
    prepare_ms: u128,
}

/// Computes and stores KPI values.
pub struct KpiEngine;

impl KpiEngine {
    /// Recomputes every active metric for every period from the first fact to `today`.
    #[tracing::instrument(skip(db), err)]
    pub async fn recompute_all(
        db: &DatabaseConnection,
        today: NaiveDate,
    ) -> Result<RecomputeReport, DomainError> {
        let setting = Self::load(db, today).await?;
        let Some(from) = setting.history_start else {
            return Ok(RecomputeReport::default());
        };
        Self::run(db, &setting, &setting.metrics, from, today).await
    }

    /// Recomputes only what `change` can affect: metrics whose sources read a changed
    /// table (and composites of them, with their components), for the periods the change
    /// can reach: those containing its dates, or every period from it to `today` when a
    /// changed table is read through an interval or a trailing window.
    #[tracing::instrument(skip(db), err)]
    pub async fn recompute_after_change(
        db: &DatabaseConnection,
        change: &FactChange,
        today: NaiveDate,
    ) -> Result<RecomputeReport, DomainError> {
        let setting = Self::load(db, today).await?;
        let Some(history_start) = setting.history_start else {
            return Ok(RecomputeReport::default());
        };
        let tables: HashSet<&str> = change.tables.iter().map(String::as_str).collect();
        let affected: HashSet<MetricKey> = setting
            .metrics
            .iter()
            .filter(|m| reads_any(&m.definition, &tables))
            .map(|m| m.key.clone())
            .collect();
        let metrics = with_dependents(&setting.metrics, affected);
        if metrics.is_empty() {
            return Ok(RecomputeReport::default());
        }
        // A fact placed by its date changes only the periods that contain the date. A
        // fact with an interval (a membership, a board term) also changes every later
        // period: who is active on their last day, or a year before it, may differ.
        let dated_only = metrics
            .iter()
            .all(|m| placed_by_date_only(&m.definition, &tables));
        let from = change.from.max(history_start);
        let to = if dated_only {
            change.to.min(today)
        } else {
            today
        };
        if from > to {
            return Ok(RecomputeReport::default());
        }
        // A change that concerns every cluster (a large import) is computed unfiltered.
        let only: Option<Vec<i32>> = change
            .clusters
            .as_ref()
            .map(|ids| ids.iter().map(|c| c.0).collect::<Vec<i32>>())
            .filter(|ids| setting.clusters.iter().any(|c| !ids.contains(&c.id)));
        Self::run_for(db, &setting, &metrics, from, to, only.as_deref()).await
    }

    /// Recomputes `keys` (a new or edited metric), the composites over them and the
    /// components those need, for every period from the first fact to `today`.
    #[tracing::instrument(skip(db), err)]
    pub async fn recompute_metrics(
        db: &DatabaseConnection,
        keys: &[MetricKey],
        today: NaiveDate,
    ) -> Result<RecomputeReport, DomainError> {
        let setting = Self::load(db, today).await?;
        let Some(from) = setting.history_start else {
            return Ok(RecomputeReport::default());
        };
        let metrics = with_dependents(&setting.metrics, keys.iter().cloned().collect());
        if metrics.is_empty() {
            return Ok(RecomputeReport::default());
        }
        Self::run(db, &setting, &metrics, from, today).await
    }

    /// Computes `keys` for one member in `period`, on request (member-scope values are
    /// not stored): the member's own facts of sources about members, the facts of
    /// `cluster` (the member's) for sources about the cluster. Values are returned for
    /// the cluster scope; metrics whose components are not among `keys` get none.
    #[tracing::instrument(skip(db), err)]
    pub async fn compute_for_member(
        db: &DatabaseConnection,
        member: kpi::MemberId,
        cluster: kpi::ClusterId,
        keys: &[MetricKey],
        period: kpi::Period,
    ) -> Result<Vec<ComputedValue>, DomainError> {
        let setting = Self::load(db, period.last_day()).await?;
        let metrics: Vec<PlannedMetric> = setting
            .metrics
            .iter()
            .filter(|m| keys.contains(&m.key))
            .cloned()
            .collect();
        let clusters: Vec<ClusterPlace> = setting
            .clusters
            .iter()
            .filter(|c| c.id == cluster.0)
            .copied()
            .collect();
        let mut frame = PeriodFrame::single(period, setting.fiscal_start);
        frame.member = Some(member);
        // Only the cluster's value is kept: facts credited to other clusters (their
        // events, say) need not be read at all.
        frame.clusters = Some(vec![cluster.0]);
        let values = computation::compute_frame(
            db,
            &metrics,
            &frame,
            &clusters,
            query_concurrency(db),
            None,
            None,
        )
        .await?;
        Ok(values
            .into_iter()
            .filter(|v| v.scope == kpi::Scope::Cluster(cluster))
            .collect())
    }

    async fn run(
        db: &DatabaseConnection,
        setting: &Setting,
        metrics: &[PlannedMetric],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<RecomputeReport, DomainError> {
        Self::run_for(db, setting, metrics, from, to, None).await
    }

    /// Computes and saves `metrics` for the periods overlapping `from..=to`; with `only`,
    /// for those clusters (their regions and the organization summed with the other
    /// clusters' stored parts) wherever every other cluster's parts are stored.
    async fn run_for(
        db: &DatabaseConnection,
        setting: &Setting,
        metrics: &[PlannedMetric],
        from: NaiveDate,
        to: NaiveDate,
        only: Option<&[i32]>,
    ) -> Result<RecomputeReport, DomainError> {
        let started = Instant::now();
        let mut values = Vec::new();
        let mut periods = 0;
        let mut limited = only.is_some();
        let concurrency = query_concurrency(db);
        let mut frames = Vec::new();
        for grain in [Grain::Year, Grain::Quarter, Grain::Month] {
            // Periods are whole: a change late in a year recomputes the whole year.
            let mut frame = PeriodFrame::covering(grain, from, to, setting.fiscal_start);
            periods += frame.periods.len();
            let stored = match only {
                Some(ids) => {
                    stored_parts::others(db, metrics, &frame, &setting.clusters, ids).await?
                }
                None => None,
            };
            if stored.is_some() {
                frame.clusters = only.map(<[i32]>::to_vec);
            } else {
                limited = false;
            }
            frames.push((frame, stored));
        }
        let plain: Vec<PeriodFrame> = frames.iter().map(|(frame, _)| frame.clone()).collect();
        let months = MonthBase::covering(&plain, dialect::Dialect(db.get_database_backend()));
        let frames: Vec<(&PeriodFrame, Option<&computation::StoredParts>)> = frames
            .iter()
            .map(|(frame, stored)| (frame, stored.as_ref()))
            .collect();
        values.extend(
            computation::compute_frames(
                db,
                metrics,
                &frames,
                &setting.clusters,
                concurrency,
                months.as_ref(),
            )
            .await?,
        );
        // The other clusters' values were read back, not recomputed: leave their rows.
        let saved_clusters = only.filter(|_| limited);
        if let Some(ids) = saved_clusters {
            values.retain(|v| match v.scope {
                Scope::Cluster(cluster) => ids.contains(&cluster.0),
                _ => true,
            });
        }
        let compute_ms = started.elapsed().as_millis();
        let saving = Instant::now();
        let saved = value_store::save_values(db, &values, saved_clusters).await?;
        let report = RecomputeReport {
            metrics: metrics.len(),
            periods,
            values: values.len(),
            saved,
            prepare_ms: setting.prepare_ms,
            compute_ms,
            save_ms: saving.elapsed().as_millis(),
        };
        tracing::info!(
            kpi.metrics = report.metrics,
            kpi.periods = report.periods,
            kpi.values = report.values,
            kpi.inserted = report.saved.inserted,
            kpi.updated = report.saved.updated,
            kpi.stale = report.saved.stale,
            duration_ms = report.compute_ms + report.save_ms,
            "KPI values recomputed"
        );
        Ok(report)
    }

    /// The month the fiscal year starts in (setting `fiscal_year_start_month`, January
    /// when unset); a setting that is not a month is an error naming it.
    pub async fn fiscal_year_start<C: ConnectionTrait>(
        db: &C,
    ) -> Result<FiscalYearStart, DomainError> {
        let Some(row) = setting::Entity::find_by_id("fiscal_year_start_month".to_owned())
            .one(db)
            .await?
        else {
            return Ok(FiscalYearStart::default());
        };
        row.value
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(|m| FiscalYearStart::new(m).ok())
            .ok_or_else(|| {
                DomainError::Invalid(format!(
                    "setting fiscal_year_start_month is {:?}; it must be a month from 1 to 12",
                    row.value
                ))
            })
    }

    async fn load<C: ConnectionTrait>(db: &C, today: NaiveDate) -> Result<Setting, DomainError> {
        let started = Instant::now();
        let fiscal_start = Self::fiscal_year_start(db).await?;
        let clusters = cluster::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| ClusterPlace {
                id: c.id,
                region_id: c.region_id,
                founded_on: c.founded_on,
            })
            .collect();
        let catalogue = MetricCatalogue::all(db).await?;
        let mut definitions: HashMap<MetricKey, MetricDefinition> = HashMap::new();
        let mut metrics = Vec::new();
        for metric in catalogue {
            let Some(definition) = metric.definition()? else {
                continue;
            };
            definitions.insert(metric.key.clone(), definition.clone());
            if metric.row.retired_on.is_some_and(|day| day <= today) {
                continue;
            }
            metrics.push(PlannedMetric {
                id: metric.row.id,
                key: metric.key,
                definition,
                yearly_only: metric.row.yearly_only,
            });
        }
        for metric in &metrics {
            check_definition(&metric.key, &metric.definition, &definitions)
                .map_err(|e| DomainError::Invalid(format!("metric {}: {e}", metric.key)))?;
        }
        let history_start = Self::first_fact_day(db).await?;
        Ok(Setting {
            fiscal_start,
            clusters,
            metrics,
            history_start,
            prepare_ms: started.elapsed().as_millis(),
        })
    }

    /// The day of the earliest dated activity (events, dues, self-reports, media): KPI
    /// history starts in its period. Memberships are left out: a member who joined in
    /// 1998 does not make 1998 a year with KPIs.
    async fn first_fact_day<C: ConnectionTrait>(db: &C) -> Result<Option<NaiveDate>, DomainError> {
        let backend = db.get_database_backend();
        let mut first: Option<NaiveDate> = None;
        for (table, column) in [
            ("events", "scheduled_start"),
            ("dues_invoices", "due_on"),
            ("self_reports", "report_month"),
            ("media_items", "published_on"),
        ] {
            let sql = format!("SELECT MIN({column}) AS first FROM {table}");
            let row = db.query_one_raw(statement(backend, &sql, [])).await?;
            let day = match row {
                Some(row) => match backend {
                    sea_orm::DbBackend::Postgres if column == "scheduled_start" => row
                        .try_get::<Option<chrono::NaiveDateTime>>("", "first")?
                        .map(|t| t.date()),
                    sea_orm::DbBackend::Postgres => {
                        row.try_get::<Option<NaiveDate>>("", "first")?
                    }
                    _ => row
                        .try_get::<Option<String>>("", "first")?
                        .and_then(|text| {
                            NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
                        }),
                },
                None => None,
            };
            first = match (first, day) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        Ok(first)
    }
}

/// `affected` with every composite built on it (transitively), plus the components those
/// composites need to be recomputed from.
fn with_dependents(all: &[PlannedMetric], mut affected: HashSet<MetricKey>) -> Vec<PlannedMetric> {
    loop {
        let more: Vec<MetricKey> = all
            .iter()
            .filter(|m| !affected.contains(&m.key))
            .filter(|m| {
                m.definition
                    .components()
                    .iter()
                    .any(|c| affected.contains(&c.metric))
            })
            .map(|m| m.key.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        affected.extend(more);
    }
    let needed: HashSet<MetricKey> = all
        .iter()
        .filter(|m| affected.contains(&m.key))
        .flat_map(|m| {
            m.definition
                .components()
                .iter()
                .map(|c| c.metric.clone())
                .chain([m.key.clone()])
                .collect::<Vec<_>>()
        })
        .collect();
    all.iter()
        .filter(|m| needed.contains(&m.key))
        .cloned()
        .collect()
}

/// How many measure queries run at once: as many as the pool allows, at most 4 (SQLite
/// readers run side by side in WAL mode; an in-memory database has one connection).
fn query_concurrency(db: &DatabaseConnection) -> usize {
    let pool_size = match db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => db
            .get_sqlite_connection_pool()
            .options()
            .get_max_connections(),
        _ => db
            .get_postgres_connection_pool()
            .options()
            .get_max_connections(),
    };
    (pool_size as usize).clamp(1, 4)
}

/// Every source the definition reads, with the placement that puts its rows in a period:
/// each measure's own, and each of its links'.
fn placed_sources(definition: &MetricDefinition) -> Vec<(&str, &kpi::definition::Placement)> {
    use kpi::definition::Filter;
    let mut all = Vec::new();
    for measure in definition.measures() {
        all.push((measure.source.as_str(), &measure.placement));
        for filter in &measure.filters {
            if let Filter::Exists(link) | Filter::NotExists(link) = filter {
                all.push((link.source.as_str(), &link.placement));
            }
        }
    }
    all
}

/// Whether the fact source named `source` reads one of `tables`.
fn source_reads(source: &str, tables: &HashSet<&str>) -> bool {
    fact_source::fact_source(source).is_some_and(|s| s.tables.iter().any(|t| tables.contains(t)))
}

/// Whether every source of the definition that reads one of `tables` places its rows by
/// a date (or a year), rather than by an interval or a trailing window.
fn placed_by_date_only(definition: &MetricDefinition, tables: &HashSet<&str>) -> bool {
    use kpi::definition::Placement;
    placed_sources(definition)
        .into_iter()
        .all(|(source, placement)| {
            !source_reads(source, tables)
                || matches!(
                    placement,
                    Placement::DateInPeriod { .. }
                        | Placement::FiscalYear { .. }
                        | Placement::CalendarYearOfLastDay { .. }
                )
        })
}

/// Whether any measure (or link) of the definition reads one of `tables`.
fn reads_any(definition: &MetricDefinition, tables: &HashSet<&str>) -> bool {
    placed_sources(definition)
        .into_iter()
        .any(|(source, _)| source_reads(source, tables))
}
