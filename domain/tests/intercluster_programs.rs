//! Inter-cluster programs recorded by the host's leader: a held program counts as hosted at
//! once, cancelling it takes it out for the host and for the participation of the clusters
//! whose members attended; a program with attendances is not removed; bad entries are
//! refused line by line and write nothing. On every test database, over the hand-made
//! fixture (A hosts program 16, attended by B's member 7; B hosts 15).

mod support;

use chrono::{NaiveDate, NaiveDateTime};
use domain::DomainError;
use domain::entity::event::{self, EventStatus};
use domain::intercluster_programs::{InterclusterPrograms, ProgramDraft};
use domain::sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use kpi::ClusterId;

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);
const CLUSTER_B: ClusterId = ClusterId(2);

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|day| day.and_hms_opt(h, 0, 0))
        .expect("a time")
}

async fn value(db: &DatabaseConnection, cluster: ClusterId, metric: &str) -> Option<f64> {
    support::cluster_value(db, cluster, "2025", metric).await
}

fn refused<T: std::fmt::Debug>(name: &str, result: Result<T, DomainError>) -> Vec<String> {
    match result {
        Err(DomainError::Refused(problems)) => problems,
        other => panic!("{name}: must be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn held_programs_count_for_the_host_and_their_guests_at_once() {
    for db in kpi_fixture::computed().await {
        let now = at(2025, 12, 31, 12);
        let name = &db.name;
        assert_eq!(
            value(&db.conn, CLUSTER_A, "intercluster_hosted").await,
            Some(1.0),
            "{name}"
        );

        let program = InterclusterPrograms::record(
            &db.conn,
            CLUSTER_A,
            ProgramDraft {
                title: " Export workshop ".into(),
                starts_at: at(2025, 10, 10, 18),
                status: EventStatus::Held,
            },
            now,
        )
        .await
        .expect("recorded");
        assert_eq!(program.title, "Export workshop", "{name}: trimmed");
        assert_eq!(
            value(&db.conn, CLUSTER_A, "intercluster_hosted").await,
            Some(2.0),
            "{name}"
        );

        // Cancelling A's earlier program takes it out for A, and B's member 7 no longer
        // took part in another cluster's program.
        assert_eq!(
            value(&db.conn, CLUSTER_B, "intercluster_participation").await,
            Some(0.5),
            "{name}"
        );
        InterclusterPrograms::set_status(&db.conn, CLUSTER_A, 16, EventStatus::Cancelled, now)
            .await
            .expect("cancelled");
        assert_eq!(
            value(&db.conn, CLUSTER_A, "intercluster_hosted").await,
            Some(1.0),
            "{name}"
        );
        assert_eq!(
            value(&db.conn, CLUSTER_B, "intercluster_participation").await,
            Some(0.0),
            "{name}"
        );

        let hosted = InterclusterPrograms::hosted(&db.conn, CLUSTER_A, 10)
            .await
            .expect("list");
        let titles: Vec<(&str, u64)> = hosted
            .iter()
            .map(|p| (p.event.title.as_str(), p.attendances))
            .collect();
        assert_eq!(
            titles,
            [("Export workshop", 0), ("e16", 2)],
            "{name}: newest first"
        );

        // A program with attendances stays; B cannot touch A's programs.
        let problems = refused(
            name,
            InterclusterPrograms::remove(&db.conn, CLUSTER_A, 16, now).await,
        );
        assert!(
            problems[0].contains("mark it cancelled instead"),
            "{name}: {problems:?}"
        );
        let problems = refused(
            name,
            InterclusterPrograms::set_status(
                &db.conn,
                CLUSTER_B,
                program.id,
                EventStatus::Cancelled,
                now,
            )
            .await,
        );
        assert!(
            problems[0].contains("hosts no inter-cluster program"),
            "{name}: {problems:?}"
        );

        InterclusterPrograms::remove(&db.conn, CLUSTER_A, program.id, now)
            .await
            .expect("removed");
        assert_eq!(
            value(&db.conn, CLUSTER_A, "intercluster_hosted").await,
            Some(0.0),
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_bad_program_is_refused_line_by_line_and_writes_nothing() {
    for db in kpi_fixture::computed().await {
        let now = at(2025, 12, 31, 12);
        let name = &db.name;
        let before = event::Entity::find().count(&db.conn).await.expect("count");

        let problems = refused(
            name,
            InterclusterPrograms::record(
                &db.conn,
                CLUSTER_A,
                ProgramDraft {
                    title: String::new(),
                    starts_at: at(2027, 3, 1, 9),
                    status: EventStatus::Held,
                },
                now,
            )
            .await,
        );
        assert_eq!(problems.len(), 3, "{name}: {problems:?}");
        assert!(
            problems[0].starts_with("title: required"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[1].contains("more than a year ahead"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[2].contains("cannot have been held yet"),
            "{name}: {problems:?}"
        );

        let problems = refused(
            name,
            InterclusterPrograms::record(
                &db.conn,
                CLUSTER_A,
                ProgramDraft {
                    title: "Old".into(),
                    starts_at: at(2024, 1, 1, 9),
                    status: EventStatus::Held,
                },
                now,
            )
            .await,
        );
        assert!(
            problems[0].contains("ask staff to import it"),
            "{name}: {problems:?}"
        );

        assert_eq!(
            event::Entity::find().count(&db.conn).await.expect("count"),
            before,
            "{name}: nothing written"
        );
    }
}
