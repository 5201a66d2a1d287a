//! A cluster's goals for a fiscal year as its leader sets them: each goal is recorded on
//! the day it is entered against the year's goal-setting deadline (thirty days into the
//! fiscal year), and later marked achieved. Every change runs the incremental KPI
//! recompute (goals set on time, goal achievement).

use chrono::{Datelike, NaiveDate, TimeDelta};
use kpi::{ClusterId, FiscalYearStart, Period};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::DomainError;
use crate::entity::goal;
use crate::kpi_engine::{FactChange, KpiEngine};
use crate::leader_entry::text_problem;

/// Longest goal title (the column's width).
pub const MAX_TITLE: usize = 160;
/// Days from a fiscal year's first day to its goal-setting deadline.
pub const DEADLINE_DAYS: i64 = 30;

/// Setting, marking and removing a cluster's goals.
pub struct ClusterGoals;

impl ClusterGoals {
    /// The goals of `cluster` for fiscal year `year`, in the order they were recorded.
    pub async fn of_year<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        year: i32,
    ) -> Result<Vec<goal::Model>, DomainError> {
        Ok(goal::Entity::find()
            .filter(goal::Column::ClusterId.eq(cluster.0))
            .filter(goal::Column::Year.eq(year))
            .order_by_asc(goal::Column::RecordedOn)
            .order_by_asc(goal::Column::Id)
            .all(db)
            .await?)
    }

    /// The goal-setting deadline of fiscal year `year`.
    pub fn deadline(year: i32, start: FiscalYearStart) -> NaiveDate {
        Period::Year { year, start }.first_day() + TimeDelta::days(DEADLINE_DAYS)
    }

    /// The fiscal years a leader may set goals for on `today`: the running one and the
    /// next (the previous one is closed: its goals came in on time or not at all).
    pub fn open_years(today: NaiveDate, start: FiscalYearStart) -> [i32; 2] {
        // A fiscal year is named by the calendar year it starts in.
        let running = Period::containing(kpi::Grain::Year, today, start)
            .first_day()
            .year();
        [running, running + 1]
    }

    /// Records goal `title` for `cluster`'s fiscal year `year` on `today`. Refused, line by
    /// line and writing nothing, for an empty or too long title, a year that is not open,
    /// or a title the year has.
    #[tracing::instrument(skip(db), err)]
    pub async fn add(
        db: &DatabaseConnection,
        cluster: ClusterId,
        year: i32,
        title: &str,
        today: NaiveDate,
    ) -> Result<goal::Model, DomainError> {
        let start = KpiEngine::fiscal_year_start(db).await?;
        let title = title.trim().to_owned();
        let mut problems: Vec<String> = text_problem("title", &title, MAX_TITLE)
            .into_iter()
            .collect();
        let open = Self::open_years(today, start);
        if !open.contains(&year) {
            problems.push(format!(
                "year: goals are set for {} or {}, not {year}",
                open[0], open[1]
            ));
        }
        let wanted = title.to_lowercase();
        if Self::of_year(db, cluster, year)
            .await?
            .iter()
            .any(|g| g.title.to_lowercase() == wanted)
        {
            problems.push(format!("title: \"{title}\" is already a goal for {year}"));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let goal = goal::ActiveModel {
            cluster_id: Set(cluster.0),
            year: Set(year),
            title: Set(title),
            recorded_on: Set(today),
            deadline: Set(Self::deadline(year, start)),
            achieved: Set(false),
            ..Default::default()
        }
        .insert(db)
        .await?;
        recompute(db, cluster, year, start, today).await;
        Ok(goal)
    }

    /// Marks goal `id` of `cluster` achieved or not; refused for another cluster's goal.
    #[tracing::instrument(skip(db), err)]
    pub async fn set_achieved(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
        achieved: bool,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let found = Self::find(db, cluster, id).await?;
        goal::ActiveModel {
            id: Set(found.id),
            achieved: Set(achieved),
            ..Default::default()
        }
        .update(db)
        .await?;
        let start = KpiEngine::fiscal_year_start(db).await?;
        recompute(db, cluster, found.year, start, today).await;
        Ok(())
    }

    /// Removes goal `id` of `cluster`, recorded by mistake; refused for another cluster's.
    #[tracing::instrument(skip(db), err)]
    pub async fn remove(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let found = Self::find(db, cluster, id).await?;
        goal::Entity::delete_by_id(found.id).exec(db).await?;
        let start = KpiEngine::fiscal_year_start(db).await?;
        recompute(db, cluster, found.year, start, today).await;
        Ok(())
    }

    /// Goal `id` if it is `cluster`'s, else a refusal naming it.
    async fn find(
        db: &DatabaseConnection,
        cluster: ClusterId,
        id: i32,
    ) -> Result<goal::Model, DomainError> {
        goal::Entity::find_by_id(id)
            .filter(goal::Column::ClusterId.eq(cluster.0))
            .one(db)
            .await?
            .ok_or_else(|| {
                DomainError::Refused(vec![format!("goal: this cluster has no goal {id}")])
            })
    }
}

/// The incremental recompute of fiscal year `year` after a change to `cluster`'s goals
/// (nothing while the year has not begun: no period of it is computed). The fact is saved
/// either way; a failed recompute is caught up by the next write or
/// `server kpis recompute`.
async fn recompute(
    db: &DatabaseConnection,
    cluster: ClusterId,
    year: i32,
    start: FiscalYearStart,
    today: NaiveDate,
) {
    let period = Period::Year { year, start };
    if period.first_day() > today {
        return;
    }
    let change = FactChange {
        tables: vec!["goals".into()],
        from: period.first_day(),
        to: period.last_day().min(today),
        clusters: Some(vec![cluster]),
    };
    if let Err(error) = KpiEngine::recompute_after_change(db, &change, today).await {
        tracing::error!(%error, "KPI recompute after a goal change failed");
    }
}
