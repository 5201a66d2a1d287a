//! A cluster's goals set by its leader: a goal recorded after the deadline makes the year's
//! goals late at once, marking it achieved counts it, removing it takes it out; only the
//! running and the next fiscal year are open; bad goals are refused line by line and write
//! nothing. On every test database, over the hand-made fixture (cluster A in 2025: two goals
//! on time, one achieved, from `kpi_metrics.rs`).

mod support;

use chrono::NaiveDate;
use domain::DomainError;
use domain::cluster_goals::ClusterGoals;
use domain::entity::goal;
use domain::sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use kpi::ClusterId;

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

async fn value(db: &DatabaseConnection, metric: &str) -> Option<f64> {
    support::cluster_value(db, CLUSTER_A, "2025", metric).await
}

fn refused<T: std::fmt::Debug>(name: &str, result: Result<T, DomainError>) -> Vec<String> {
    match result {
        Err(DomainError::Refused(problems)) => problems,
        other => panic!("{name}: must be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn goals_count_at_once_on_time_or_late_achieved_or_not() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let name = &db.name;
        assert_eq!(
            value(&db.conn, "goals_set_on_time").await,
            Some(1.0),
            "{name}"
        );

        let late = ClusterGoals::add(&db.conn, CLUSTER_A, 2025, " Mentoring ", today)
            .await
            .expect("added");
        assert_eq!(late.title, "Mentoring", "{name}: trimmed");
        assert_eq!(
            late.deadline,
            day(2025, 1, 31),
            "{name}: thirty days into the year"
        );
        assert_eq!(late.recorded_on, today, "{name}");
        assert_eq!(
            value(&db.conn, "goals_set_on_time").await,
            Some(0.0),
            "{name}: late"
        );
        assert_eq!(
            value(&db.conn, "goal_achievement").await,
            Some(1.0 / 3.0),
            "{name}"
        );

        ClusterGoals::set_achieved(&db.conn, CLUSTER_A, late.id, true, today)
            .await
            .expect("achieved");
        assert_eq!(
            value(&db.conn, "goal_achievement").await,
            Some(2.0 / 3.0),
            "{name}"
        );

        ClusterGoals::remove(&db.conn, CLUSTER_A, late.id, today)
            .await
            .expect("removed");
        assert_eq!(
            value(&db.conn, "goals_set_on_time").await,
            Some(1.0),
            "{name}"
        );
        assert_eq!(
            value(&db.conn, "goal_achievement").await,
            Some(0.5),
            "{name}"
        );

        // Next year's goals can be set ahead.
        ClusterGoals::add(&db.conn, CLUSTER_A, 2026, "Grow", today)
            .await
            .expect("next year");
        let next = ClusterGoals::of_year(&db.conn, CLUSTER_A, 2026)
            .await
            .expect("goals");
        assert_eq!(next.len(), 1, "{name}");
        assert_eq!(next[0].deadline, day(2026, 1, 31), "{name}");
    }
}

#[tokio::test]
async fn bad_goals_are_refused_line_by_line_and_write_nothing() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let name = &db.name;
        let before = goal::Entity::find().count(&db.conn).await.expect("count");

        let problems = refused(
            name,
            ClusterGoals::add(&db.conn, CLUSTER_A, 2024, "  ", today).await,
        );
        assert_eq!(problems.len(), 2, "{name}: {problems:?}");
        assert!(
            problems[0].starts_with("title: required"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[1].contains("set for 2025 or 2026, not 2024"),
            "{name}: {problems:?}"
        );

        let problems = refused(
            name,
            ClusterGoals::add(&db.conn, CLUSTER_A, 2025, "grow", today).await,
        );
        assert!(
            problems[0].contains("already a goal for 2025"),
            "{name}: {problems:?}"
        );

        // Cluster B cannot mark or remove A's goal 1.
        let problems = refused(
            name,
            ClusterGoals::set_achieved(&db.conn, ClusterId(2), 1, false, today).await,
        );
        assert!(problems[0].contains("no goal 1"), "{name}: {problems:?}");
        refused(
            name,
            ClusterGoals::remove(&db.conn, ClusterId(2), 1, today).await,
        );

        assert_eq!(
            goal::Entity::find().count(&db.conn).await.expect("count"),
            before,
            "{name}: nothing written"
        );
        assert_eq!(
            value(&db.conn, "goal_achievement").await,
            Some(0.5),
            "{name}"
        );
    }
}
