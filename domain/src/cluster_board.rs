//! A cluster's board as its leader keeps it: the seats defined on the board, the member
//! holding each seat for a term, the hand-over to the next holder, and the successor named
//! for the seat that leads the cluster. Every change runs the incremental KPI recompute
//! (board seats filled, board renewed, tenure, succession plan, and the metrics over
//! board members).

use std::collections::HashMap;

use chrono::{NaiveDate, TimeDelta};
use kpi::{ClusterId, MemberId};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use crate::DomainError;
use crate::entity::{board_seat, board_term, member};
use crate::kpi_engine::{FactChange, KpiEngine};
use crate::leader_entry::text_problem;
use crate::organization::OrganizationQuery;

/// Longest seat title (the column's width).
pub const MAX_TITLE: usize = 80;
/// How far back a leader may date a term's start or end.
const OLDEST_DAYS: i64 = 400;
/// How far ahead a term may be agreed to start or end (a board elected for next year).
const LATEST_DAYS: i64 = 366;

/// A term with the names of its holder and successor.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldTerm {
    /// The row.
    pub term: board_term::Model,
    /// "First Last" of the holder.
    pub holder: String,
    /// "First Last" of the successor named, if any.
    pub successor: Option<String>,
}

/// A seat with its holder.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardSeat {
    /// The row.
    pub seat: board_seat::Model,
    /// The term running today or, when none is, the next one agreed; `None`: vacant.
    pub term: Option<HeldTerm>,
    /// How many terms the seat has had (a seat with history is never removed).
    pub terms: usize,
}

/// Reading and changing a cluster's board.
pub struct ClusterBoard;

impl ClusterBoard {
    /// The seats of `cluster`, the leading seat first then by title, each with its term
    /// of `today`.
    pub async fn of_cluster<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        today: NaiveDate,
    ) -> Result<Vec<BoardSeat>, DomainError> {
        let seats = board_seat::Entity::find()
            .filter(board_seat::Column::ClusterId.eq(cluster.0))
            .order_by_desc(board_seat::Column::IsLeader)
            .order_by_asc(board_seat::Column::Title)
            .all(db)
            .await?;
        let terms = board_term::Entity::find()
            .filter(board_term::Column::BoardSeatId.is_in(seats.iter().map(|s| s.id)))
            .order_by_asc(board_term::Column::StartDate)
            .all(db)
            .await?;
        let people: Vec<i32> = terms
            .iter()
            .flat_map(|t| [Some(t.member_id), t.successor_id])
            .flatten()
            .collect();
        let names: HashMap<i32, String> = member::Entity::find()
            .filter(member::Column::Id.is_in(people))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, format!("{} {}", m.first_name, m.last_name)))
            .collect();
        let name_of = |id: i32| names.get(&id).cloned().unwrap_or_default();
        Ok(seats
            .into_iter()
            .map(|seat| {
                let of_seat: Vec<&board_term::Model> = terms
                    .iter()
                    .filter(|t| t.board_seat_id == seat.id)
                    .collect();
                let running = of_seat
                    .iter()
                    .find(|t| t.start_date <= today && t.end_date.is_none_or(|end| end >= today));
                let next = of_seat.iter().find(|t| t.start_date > today);
                let term = running.or(next).map(|t| HeldTerm {
                    term: (*t).clone(),
                    holder: name_of(t.member_id),
                    successor: t.successor_id.map(name_of),
                });
                BoardSeat {
                    terms: of_seat.len(),
                    seat,
                    term,
                }
            })
            .collect())
    }

    /// Defines a seat titled `title` on `cluster`'s board; `leads` marks the seat whose
    /// holder leads the cluster (one per board). Refused for an empty or too long title, a
    /// title the board has, or a second leading seat.
    #[tracing::instrument(skip(db), err)]
    pub async fn add_seat(
        db: &DatabaseConnection,
        cluster: ClusterId,
        title: &str,
        leads: bool,
        today: NaiveDate,
    ) -> Result<board_seat::Model, DomainError> {
        let title = title.trim().to_owned();
        let seats = board_seat::Entity::find()
            .filter(board_seat::Column::ClusterId.eq(cluster.0))
            .all(db)
            .await?;
        let mut problems: Vec<String> = text_problem("title", &title, MAX_TITLE)
            .into_iter()
            .collect();
        if seats
            .iter()
            .any(|s| s.title.to_lowercase() == title.to_lowercase())
        {
            problems.push(format!("title: the board already has a seat \"{title}\""));
        }
        if leads && let Some(leading) = seats.iter().find(|s| s.is_leader) {
            problems.push(format!(
                "leads the cluster: \"{}\" already does; a board has one leading seat",
                leading.title
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let seat = board_seat::ActiveModel {
            cluster_id: Set(cluster.0),
            title: Set(title),
            is_leader: Set(leads),
            ..Default::default()
        }
        .insert(db)
        .await?;
        recompute(db, cluster, today, today).await;
        Ok(seat)
    }

    /// Removes seat `seat` of `cluster`, defined by mistake; refused when it has had a term
    /// (its history counts in past KPIs).
    #[tracing::instrument(skip(db), err)]
    pub async fn remove_seat(
        db: &DatabaseConnection,
        cluster: ClusterId,
        seat: i32,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let found = Self::seat(db, cluster, seat).await?;
        let terms = board_term::Entity::find()
            .filter(board_term::Column::BoardSeatId.eq(found.id))
            .one(db)
            .await?;
        if terms.is_some() {
            return Err(DomainError::Refused(vec![format!(
                "seat: \"{}\" has had terms and stays in the board's history; end its term instead",
                found.title
            )]));
        }
        board_seat::Entity::delete_by_id(found.id).exec(db).await?;
        recompute(db, cluster, today, today).await;
        Ok(())
    }

    /// Starts `member`'s term on seat `seat` of `cluster` on `starts_on`; a term running
    /// then ends the day before (the hand-over). Refused for a day more than 400 days back
    /// or a year ahead, a member who does not belong to the cluster, or a seat with a term
    /// starting on or after that day. All or nothing.
    #[tracing::instrument(skip(db), err)]
    pub async fn start_term(
        db: &DatabaseConnection,
        cluster: ClusterId,
        seat: i32,
        member: MemberId,
        starts_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<board_term::Model, DomainError> {
        let found = Self::seat(db, cluster, seat).await?;
        let mut problems: Vec<String> = day_problem("starts on", starts_on, today)
            .into_iter()
            .collect();
        let belongs = OrganizationQuery::members_of(db, cluster.0, starts_on.min(today))
            .await?
            .iter()
            .any(|m| m.member_id == member.0);
        if !belongs {
            problems.push(format!(
                "member: member {} does not belong to the cluster on {}",
                member.0,
                starts_on.min(today)
            ));
        }
        let terms = board_term::Entity::find()
            .filter(board_term::Column::BoardSeatId.eq(found.id))
            .all(db)
            .await?;
        if let Some(later) = terms.iter().find(|t| t.start_date >= starts_on) {
            problems.push(format!(
                "starts on: \"{}\" has a term from {}; remove or end that one first",
                found.title, later.start_date
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let txn = db.begin().await?;
        for running in terms
            .iter()
            .filter(|t| t.end_date.is_none_or(|end| end >= starts_on))
        {
            board_term::ActiveModel {
                id: Set(running.id),
                end_date: Set(Some(starts_on - TimeDelta::days(1))),
                ..Default::default()
            }
            .update(&txn)
            .await?;
        }
        let term = board_term::ActiveModel {
            board_seat_id: Set(found.id),
            member_id: Set(member.0),
            start_date: Set(starts_on),
            end_date: Set(None),
            successor_id: Set(None),
            successor_named_on: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        recompute(db, cluster, starts_on, today).await;
        Ok(term)
    }

    /// Ends term `term` of a seat of `cluster` on `ends_on` (its last day). Refused for a
    /// day before the term's start, more than 400 days back or a year ahead.
    #[tracing::instrument(skip(db), err)]
    pub async fn end_term(
        db: &DatabaseConnection,
        cluster: ClusterId,
        term: i32,
        ends_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let found = Self::term(db, cluster, term).await?;
        let mut problems: Vec<String> =
            day_problem("ends on", ends_on, today).into_iter().collect();
        if ends_on < found.start_date {
            problems.push(format!(
                "ends on: {ends_on} is before the term's start, {}",
                found.start_date
            ));
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        let from = found.end_date.map_or(ends_on, |before| before.min(ends_on));
        board_term::ActiveModel {
            id: Set(found.id),
            end_date: Set(Some(ends_on)),
            ..Default::default()
        }
        .update(db)
        .await?;
        recompute(db, cluster, from, today).await;
        Ok(())
    }

    /// Names `successor` (from `today`) for term `term` of `cluster`'s leading seat, or
    /// clears the name with `None`. Refused for a term of another seat, a term that has
    /// ended, the holder themself, or someone who does not belong to the cluster.
    #[tracing::instrument(skip(db), err)]
    pub async fn name_successor(
        db: &DatabaseConnection,
        cluster: ClusterId,
        term: i32,
        successor: Option<MemberId>,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let found = Self::term(db, cluster, term).await?;
        let seat = Self::seat(db, cluster, found.board_seat_id).await?;
        let mut problems = Vec::new();
        if !seat.is_leader {
            problems.push(format!(
                "successor: \"{}\" does not lead the cluster; successors are named for the leading seat",
                seat.title
            ));
        }
        if let Some(end) = found.end_date.filter(|end| *end < today) {
            problems.push(format!("successor: the term ended on {end}"));
        }
        if let Some(successor) = successor {
            if successor.0 == found.member_id {
                problems.push("successor: the holder cannot succeed themself".into());
            }
            let belongs = OrganizationQuery::members_of(db, cluster.0, today)
                .await?
                .iter()
                .any(|m| m.member_id == successor.0);
            if !belongs {
                problems.push(format!(
                    "successor: member {} does not belong to the cluster today",
                    successor.0
                ));
            }
        }
        if !problems.is_empty() {
            return Err(DomainError::Refused(problems));
        }
        board_term::ActiveModel {
            id: Set(found.id),
            successor_id: Set(successor.map(|s| s.0)),
            successor_named_on: Set(successor.map(|_| today)),
            ..Default::default()
        }
        .update(db)
        .await?;
        recompute(db, cluster, found.start_date.min(today), today).await;
        Ok(())
    }

    /// Removes term `term` of `cluster`, recorded by mistake.
    #[tracing::instrument(skip(db), err)]
    pub async fn remove_term(
        db: &DatabaseConnection,
        cluster: ClusterId,
        term: i32,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let found = Self::term(db, cluster, term).await?;
        board_term::Entity::delete_by_id(found.id).exec(db).await?;
        recompute(db, cluster, found.start_date.min(today), today).await;
        Ok(())
    }

    /// Seat `seat` if it is on `cluster`'s board, else a refusal naming it.
    async fn seat<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        seat: i32,
    ) -> Result<board_seat::Model, DomainError> {
        board_seat::Entity::find_by_id(seat)
            .filter(board_seat::Column::ClusterId.eq(cluster.0))
            .one(db)
            .await?
            .ok_or_else(|| {
                DomainError::Refused(vec![format!("seat: this cluster has no board seat {seat}")])
            })
    }

    /// Term `term` if it is of a seat on `cluster`'s board, else a refusal naming it.
    async fn term<C: ConnectionTrait>(
        db: &C,
        cluster: ClusterId,
        term: i32,
    ) -> Result<board_term::Model, DomainError> {
        let refused =
            || DomainError::Refused(vec![format!("term: this cluster has no board term {term}")]);
        let found = board_term::Entity::find_by_id(term)
            .one(db)
            .await?
            .ok_or_else(refused)?;
        Self::seat(db, cluster, found.board_seat_id)
            .await
            .map_err(|_| refused())?;
        Ok(found)
    }
}

/// The problem with term day `day` of `field`, if it is more than 400 days before `today`
/// or more than a year after it.
fn day_problem(field: &str, day: NaiveDate, today: NaiveDate) -> Option<String> {
    if day > today + TimeDelta::days(LATEST_DAYS) {
        Some(format!("{field}: {day} is more than a year ahead"))
    } else if day < today - TimeDelta::days(OLDEST_DAYS) {
        Some(format!(
            "{field}: {day} is more than {OLDEST_DAYS} days ago; ask staff to import it"
        ))
    } else {
        None
    }
}

/// The incremental recompute after a change to `cluster`'s board from `from` on (a term
/// counts on every day it runs). The fact is saved either way; a failed recompute is
/// caught up by the next write or `server kpis recompute`.
async fn recompute(db: &DatabaseConnection, cluster: ClusterId, from: NaiveDate, today: NaiveDate) {
    let change = FactChange {
        tables: vec!["board_seats".into(), "board_terms".into()],
        from: from.min(today),
        to: today,
        clusters: Some(vec![cluster]),
    };
    if let Err(error) = KpiEngine::recompute_after_change(db, &change, today).await {
        tracing::error!(%error, "KPI recompute after a board change failed");
    }
}
