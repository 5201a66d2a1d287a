//! Service projects and partnerships recorded by a leader: a completed project counts in
//! the period it was completed, a partnership in every period it overlaps, at once;
//! ending, reopening and removing move the KPIs with them; a bad entry is refused line by
//! line and writes nothing; another cluster's item cannot be touched. On every test
//! database, over the hand-made fixture (cluster A in 2025: one project completed, two
//! partnerships active, from `kpi_metrics.rs`).

mod support;

use chrono::NaiveDate;
use domain::DomainError;
use domain::community_work::{CommunityWork, WorkDraft, WorkKind};
use domain::entity::{partnership, service_project};
use domain::sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use kpi::ClusterId;

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

async fn value(db: &DatabaseConnection, period: &str, metric: &str) -> Option<f64> {
    support::cluster_value(db, CLUSTER_A, period, metric).await
}

#[tokio::test]
async fn projects_and_partnerships_count_at_once_and_follow_their_ends() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let name = &db.name;

        // A project completed in Q3 counts there and in the year.
        let project = CommunityWork::record(
            &db.conn,
            CLUSTER_A,
            WorkDraft {
                kind: WorkKind::ServiceProject,
                name: " Park clean-up ".into(),
                started_on: day(2025, 7, 1),
                ended_on: Some(day(2025, 8, 15)),
            },
            today,
        )
        .await
        .expect("recorded");
        assert_eq!(project.name, "Park clean-up", "{name}: trimmed");
        assert_eq!(
            value(&db.conn, "2025", "service_projects").await,
            Some(2.0),
            "{name}"
        );
        assert_eq!(
            value(&db.conn, "2025-Q3", "service_projects").await,
            Some(1.0),
            "{name}"
        );

        // Reopened, it no longer counts; completed in Q4, it counts there.
        CommunityWork::set_end(
            &db.conn,
            CLUSTER_A,
            WorkKind::ServiceProject,
            project.id,
            None,
            today,
        )
        .await
        .expect("reopened");
        assert_eq!(
            value(&db.conn, "2025", "service_projects").await,
            Some(1.0),
            "{name}"
        );
        CommunityWork::set_end(
            &db.conn,
            CLUSTER_A,
            WorkKind::ServiceProject,
            project.id,
            Some(day(2025, 11, 3)),
            today,
        )
        .await
        .expect("completed");
        assert_eq!(
            value(&db.conn, "2025-Q4", "service_projects").await,
            Some(1.0),
            "{name}"
        );
        assert_eq!(
            value(&db.conn, "2025-Q3", "service_projects").await,
            Some(0.0),
            "{name}"
        );

        // A partnership from Q2 with no end counts in Q2 (where there was none) and on.
        let partner = CommunityWork::record(
            &db.conn,
            CLUSTER_A,
            WorkDraft {
                kind: WorkKind::Partnership,
                name: "City Library".into(),
                started_on: day(2025, 5, 1),
                ended_on: None,
            },
            today,
        )
        .await
        .expect("recorded");
        assert_eq!(
            value(&db.conn, "2025-Q2", "partnerships").await,
            Some(1.0),
            "{name}"
        );
        assert_eq!(
            value(&db.conn, "2025", "partnerships").await,
            Some(3.0),
            "{name}"
        );
        // Ended in June, it no longer counts in Q3.
        CommunityWork::set_end(
            &db.conn,
            CLUSTER_A,
            WorkKind::Partnership,
            partner.id,
            Some(day(2025, 6, 30)),
            today,
        )
        .await
        .expect("ended");
        assert_eq!(
            value(&db.conn, "2025-Q3", "partnerships").await,
            Some(0.0),
            "{name}"
        );
        assert_eq!(
            value(&db.conn, "2025-Q2", "partnerships").await,
            Some(1.0),
            "{name}"
        );

        let listed = CommunityWork::of_cluster(&db.conn, CLUSTER_A)
            .await
            .expect("list");
        assert!(
            listed
                .iter()
                .any(|i| i.kind == WorkKind::Partnership && i.name == "City Library"),
            "{name}: {listed:?}"
        );
        assert!(
            listed.first().is_some_and(|i| i.ended_on.is_none()),
            "{name}: ongoing first: {listed:?}"
        );

        // Another cluster can neither end nor remove them.
        for refused in [
            CommunityWork::set_end(
                &db.conn,
                ClusterId(2),
                WorkKind::Partnership,
                partner.id,
                None,
                today,
            )
            .await
            .map(|_| ()),
            CommunityWork::remove(
                &db.conn,
                ClusterId(2),
                WorkKind::ServiceProject,
                project.id,
                today,
            )
            .await,
        ] {
            assert!(
                matches!(refused, Err(DomainError::Refused(_))),
                "{name}: {refused:?}"
            );
        }

        CommunityWork::remove(
            &db.conn,
            CLUSTER_A,
            WorkKind::Partnership,
            partner.id,
            today,
        )
        .await
        .expect("removed");
        assert_eq!(
            value(&db.conn, "2025-Q2", "partnerships").await,
            Some(0.0),
            "{name}"
        );
        CommunityWork::remove(
            &db.conn,
            CLUSTER_A,
            WorkKind::ServiceProject,
            project.id,
            today,
        )
        .await
        .expect("removed");
        assert_eq!(
            value(&db.conn, "2025", "service_projects").await,
            Some(1.0),
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_bad_entry_is_refused_line_by_line_and_writes_nothing() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let name = &db.name;
        let before = (
            service_project::Entity::find()
                .count(&db.conn)
                .await
                .expect("count"),
            partnership::Entity::find()
                .count(&db.conn)
                .await
                .expect("count"),
        );
        let refusal = |result: Result<_, DomainError>| match result {
            Err(DomainError::Refused(problems)) => problems,
            other => panic!("{name}: must be refused, got {other:?}"),
        };

        let problems = refusal(
            CommunityWork::record(
                &db.conn,
                CLUSTER_A,
                WorkDraft {
                    kind: WorkKind::ServiceProject,
                    name: "  ".into(),
                    started_on: day(2026, 1, 5),
                    ended_on: Some(day(2025, 12, 1)),
                },
                today,
            )
            .await,
        );
        assert_eq!(problems.len(), 3, "{name}: {problems:?}");
        assert!(
            problems[0].starts_with("name: required"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[1].contains("in the future"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[2].contains("before the start"),
            "{name}: {problems:?}"
        );

        // A project is completed when it is: not ahead of today. A partnership may be
        // agreed to end later, but not beyond five years; the same name twice is refused.
        let problems = refusal(
            CommunityWork::record(
                &db.conn,
                CLUSTER_A,
                WorkDraft {
                    kind: WorkKind::ServiceProject,
                    name: "p1".into(),
                    started_on: day(2025, 3, 1),
                    ended_on: Some(day(2026, 2, 1)),
                },
                today,
            )
            .await,
        );
        assert_eq!(problems.len(), 2, "{name}: {problems:?}");
        assert!(
            problems[0].starts_with("completed on: 2026-02-01 is in the future"),
            "{name}"
        );
        assert!(
            problems[1].contains("already recorded"),
            "{name}: {problems:?}"
        );
        let problems = refusal(
            CommunityWork::record(
                &db.conn,
                CLUSTER_A,
                WorkDraft {
                    kind: WorkKind::Partnership,
                    name: "x".repeat(161),
                    started_on: day(2019, 1, 1),
                    ended_on: Some(day(2032, 1, 1)),
                },
                today,
            )
            .await,
        );
        assert_eq!(problems.len(), 3, "{name}: {problems:?}");
        assert!(
            problems[0].contains("161 characters"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[1].contains("ask staff to import it"),
            "{name}: {problems:?}"
        );
        assert!(
            problems[2].contains("five years ahead"),
            "{name}: {problems:?}"
        );

        let problems = refusal(
            CommunityWork::set_end(
                &db.conn,
                CLUSTER_A,
                WorkKind::Partnership,
                2,
                Some(day(2025, 10, 1)),
                today,
            )
            .await,
        );
        assert!(
            problems[0].contains("before the start, 2025-11-01"),
            "{name}: {problems:?}"
        );

        let after = (
            service_project::Entity::find()
                .count(&db.conn)
                .await
                .expect("count"),
            partnership::Entity::find()
                .count(&db.conn)
                .await
                .expect("count"),
        );
        assert_eq!(before, after, "{name}: nothing written");
        assert_eq!(
            value(&db.conn, "2025", "partnerships").await,
            Some(2.0),
            "{name}"
        );
    }
}
