//! A cluster's board kept by its leader: a term on a vacant seat fills it in the KPIs at
//! once, a new term hands the seat over (the running one ends the day before), a named
//! successor counts in the succession plan, and bad changes are refused line by line and
//! write nothing. On every test database, over the hand-made fixture (cluster A in 2025:
//! Leader and Treasurer held, Secretary vacant, from `kpi_metrics.rs`).

mod support;

use chrono::NaiveDate;
use domain::DomainError;
use domain::cluster_board::ClusterBoard;
use domain::entity::{board_seat, board_term};
use domain::sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use kpi::{ClusterId, MemberId};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);
const LEADER_SEAT: i32 = 1;
const TREASURER_SEAT: i32 = 2;
const SECRETARY_SEAT: i32 = 3;

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
async fn terms_fill_seats_hand_over_and_name_successors_at_once() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let name = &db.name;
        assert_eq!(
            value(&db.conn, "board_seats_filled").await,
            Some(2.0 / 3.0),
            "{name}"
        );

        // The vacant Secretary seat filled by member 2 from November.
        ClusterBoard::start_term(
            &db.conn,
            CLUSTER_A,
            SECRETARY_SEAT,
            MemberId(2),
            day(2025, 11, 1),
            today,
        )
        .await
        .expect("started");
        assert_eq!(
            value(&db.conn, "board_seats_filled").await,
            Some(1.0),
            "{name}"
        );

        // Member 1 takes over as Treasurer on 1 December: member 4's term ends the day before.
        ClusterBoard::start_term(
            &db.conn,
            CLUSTER_A,
            TREASURER_SEAT,
            MemberId(1),
            day(2025, 12, 1),
            today,
        )
        .await
        .expect("handed over");
        let handed = board_term::Entity::find_by_id(3)
            .one(&db.conn)
            .await
            .expect("query")
            .expect("member 4's term");
        assert_eq!(handed.end_date, Some(day(2025, 11, 30)), "{name}");
        let board = ClusterBoard::of_cluster(&db.conn, CLUSTER_A, today)
            .await
            .expect("board");
        let titles: Vec<&str> = board.iter().map(|s| s.seat.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Leader", "Secretary", "Treasurer"],
            "{name}: leading seat first"
        );
        let treasurer = board
            .iter()
            .find(|s| s.seat.id == TREASURER_SEAT)
            .expect("seat");
        assert_eq!(
            treasurer.term.as_ref().map(|t| t.holder.as_str()),
            Some("First1 Last1"),
            "{name}"
        );
        assert_eq!(treasurer.terms, 3, "{name}");

        // The successor named today (31 December) is too late for 2025's plan; cleared and
        // the plan is gone too.
        assert_eq!(
            value(&db.conn, "succession_plan").await,
            Some(1.0),
            "{name}"
        );
        ClusterBoard::name_successor(&db.conn, CLUSTER_A, 1, Some(MemberId(4)), today)
            .await
            .expect("named");
        assert_eq!(
            value(&db.conn, "succession_plan").await,
            Some(0.0),
            "{name}"
        );
        let leader = ClusterBoard::of_cluster(&db.conn, CLUSTER_A, today)
            .await
            .expect("board")
            .into_iter()
            .find(|s| s.seat.id == LEADER_SEAT)
            .and_then(|s| s.term)
            .expect("the leader's term");
        assert_eq!(leader.successor.as_deref(), Some("First4 Last4"), "{name}");

        // A seat defined by mistake is removed; one with history is not.
        let extra = ClusterBoard::add_seat(&db.conn, CLUSTER_A, " Events ", false, today)
            .await
            .expect("added");
        assert_eq!(extra.title, "Events", "{name}: trimmed");
        assert_eq!(
            value(&db.conn, "board_seats_filled").await,
            Some(3.0 / 4.0),
            "{name}"
        );
        ClusterBoard::remove_seat(&db.conn, CLUSTER_A, extra.id, today)
            .await
            .expect("removed");
        assert_eq!(
            value(&db.conn, "board_seats_filled").await,
            Some(1.0),
            "{name}"
        );
        let problems = refused(
            name,
            ClusterBoard::remove_seat(&db.conn, CLUSTER_A, SECRETARY_SEAT, today).await,
        );
        assert!(
            problems[0].contains("end its term instead"),
            "{name}: {problems:?}"
        );
    }
}

#[tokio::test]
async fn bad_board_changes_are_refused_line_by_line_and_write_nothing() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let name = &db.name;
        let count = || async {
            (
                board_seat::Entity::find()
                    .count(&db.conn)
                    .await
                    .expect("count"),
                board_term::Entity::find()
                    .count(&db.conn)
                    .await
                    .expect("count"),
            )
        };
        let before = count().await;

        // A term before the seat's newest, by someone of another cluster.
        let problems = refused(
            name,
            ClusterBoard::start_term(
                &db.conn,
                CLUSTER_A,
                TREASURER_SEAT,
                MemberId(6),
                day(2025, 1, 1),
                today,
            )
            .await,
        );
        assert_eq!(problems.len(), 2, "{name}: {problems:?}");
        assert!(
            problems[0].contains("member 6 does not belong"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[1].contains("has a term from 2025-03-01"),
            "{name}: {problems:?}"
        );

        let problems = refused(
            name,
            ClusterBoard::start_term(
                &db.conn,
                CLUSTER_A,
                SECRETARY_SEAT,
                MemberId(2),
                day(2027, 6, 1),
                today,
            )
            .await,
        );
        assert!(
            problems[0].contains("more than a year ahead"),
            "{name}: {problems:?}"
        );

        // Another cluster's seat and term are unknown here.
        let problems = refused(
            name,
            ClusterBoard::start_term(&db.conn, CLUSTER_A, 4, MemberId(2), today, today).await,
        );
        assert!(
            problems[0].contains("no board seat 4"),
            "{name}: {problems:?}"
        );
        let problems = refused(
            name,
            ClusterBoard::end_term(&db.conn, CLUSTER_A, 4, today, today).await,
        );
        assert!(
            problems[0].contains("no board term 4"),
            "{name}: {problems:?}"
        );

        let problems = refused(
            name,
            ClusterBoard::end_term(&db.conn, CLUSTER_A, 3, day(2025, 2, 1), today).await,
        );
        assert!(
            problems[0].contains("before the term's start, 2025-03-01"),
            "{name}: {problems:?}"
        );

        // Successors only for the leading seat, never the holder, only from the cluster.
        let problems = refused(
            name,
            ClusterBoard::name_successor(&db.conn, CLUSTER_A, 3, Some(MemberId(2)), today).await,
        );
        assert!(
            problems[0].contains("does not lead the cluster"),
            "{name}: {problems:?}"
        );
        let problems = refused(
            name,
            ClusterBoard::name_successor(&db.conn, CLUSTER_A, 1, Some(MemberId(1)), today).await,
        );
        assert!(
            problems[0].contains("cannot succeed themself"),
            "{name}: {problems:?}"
        );
        let problems = refused(
            name,
            ClusterBoard::name_successor(&db.conn, CLUSTER_A, 1, Some(MemberId(7)), today).await,
        );
        assert!(
            problems[0].contains("member 7 does not belong"),
            "{name}: {problems:?}"
        );

        let problems = refused(
            name,
            ClusterBoard::add_seat(&db.conn, CLUSTER_A, "treasurer", true, today).await,
        );
        assert_eq!(problems.len(), 2, "{name}: {problems:?}");
        assert!(
            problems[0].contains("already has a seat"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[1].contains("\"Leader\" already does"),
            "{name}: {problems:?}"
        );

        assert_eq!(count().await, before, "{name}: nothing written");
        assert_eq!(
            value(&db.conn, "board_seats_filled").await,
            Some(2.0 / 3.0),
            "{name}"
        );
    }
}
