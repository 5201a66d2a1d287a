//! Award applications recorded by a leader: an application counts in the cluster's award
//! KPIs at once, marking it won counts it among awards won, removing it takes it out; a
//! bad application is refused line by line and writes nothing. On every test database,
//! over the hand-made fixture (cluster A in 2025: two applications, one won, from
//! `kpi_metrics.rs`).

mod support;

use chrono::NaiveDate;
use domain::DomainError;
use domain::award_applications::{AwardApplications, AwardDraft};
use domain::entity::award_application::AwardOutcome;
use domain::sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use kpi::{ClusterId, MemberId};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

async fn value(db: &DatabaseConnection, metric: &str) -> Option<f64> {
    support::cluster_value(db, CLUSTER_A, "2025", metric).await
}

#[tokio::test]
async fn an_application_counts_at_once_and_its_outcome_too() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let draft = AwardDraft {
            award: " Young Founder ".into(),
            submitted_on: day(2025, 11, 2),
            member: Some(MemberId(2)),
        };
        let application = AwardApplications::record(&db.conn, CLUSTER_A, draft, today)
            .await
            .expect("recorded");
        assert_eq!(application.award, "Young Founder", "{}: trimmed", db.name);
        assert_eq!(application.outcome, AwardOutcome::Pending, "{}", db.name);
        assert_eq!(
            value(&db.conn, "award_applications").await,
            Some(3.0),
            "{}",
            db.name
        );
        let recent = AwardApplications::recent(&db.conn, CLUSTER_A, 10)
            .await
            .expect("recent");
        let newest = recent.iter().find(|r| r.application.id == application.id);
        assert_eq!(
            newest.and_then(|r| r.applicant.clone()).as_deref(),
            Some("First2 Last2"),
            "{}",
            db.name
        );

        AwardApplications::decide(
            &db.conn,
            CLUSTER_A,
            application.id,
            AwardOutcome::Won,
            today,
        )
        .await
        .expect("decided");
        assert_eq!(
            value(&db.conn, "awards_won").await,
            Some(2.0),
            "{}",
            db.name
        );

        // Another cluster can neither decide nor remove it; its own leader can.
        for refused in [
            AwardApplications::decide(
                &db.conn,
                ClusterId(2),
                application.id,
                AwardOutcome::Lost,
                today,
            )
            .await
            .map(|_| ()),
            AwardApplications::remove(&db.conn, ClusterId(2), application.id, today).await,
        ] {
            assert!(
                matches!(refused, Err(DomainError::Refused(_))),
                "{}: {refused:?}",
                db.name
            );
        }
        AwardApplications::remove(&db.conn, CLUSTER_A, application.id, today)
            .await
            .expect("removed");
        assert_eq!(
            value(&db.conn, "award_applications").await,
            Some(2.0),
            "{}",
            db.name
        );
        assert_eq!(
            value(&db.conn, "awards_won").await,
            Some(1.0),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn a_bad_application_is_refused_line_by_line_and_writes_nothing() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let count = || async {
            domain::entity::award_application::Entity::find()
                .count(&db.conn)
                .await
                .expect("count")
        };
        let before = count().await;
        let bad = AwardDraft {
            award: "  ".into(),
            submitted_on: day(2026, 1, 5),
            // Member 6 belongs to cluster B.
            member: Some(MemberId(6)),
        };
        let Err(DomainError::Refused(problems)) =
            AwardApplications::record(&db.conn, CLUSTER_A, bad, today).await
        else {
            panic!("{}: refused", db.name);
        };
        assert_eq!(problems.len(), 3, "{}: {problems:?}", db.name);
        assert!(
            problems[0].starts_with("submitted on: 2026-01-05 is in the future")
                && problems[1] == "award: required"
                && problems[2].starts_with("member: member 6 was not a member"),
            "{}: {problems:?}",
            db.name
        );

        // The fixture's own application, entered again.
        let twice = AwardDraft {
            award: "Best".into(),
            submitted_on: day(2025, 3, 3),
            member: None,
        };
        let Err(DomainError::Refused(problems)) =
            AwardApplications::record(&db.conn, CLUSTER_A, twice, today).await
        else {
            panic!("{}: refused", db.name);
        };
        assert!(
            problems
                .iter()
                .any(|p| p.contains("\"Best\" on 2025-03-03 is already recorded")),
            "{}: {problems:?}",
            db.name
        );
        assert_eq!(count().await, before, "{}: nothing written", db.name);
        assert_eq!(
            value(&db.conn, "award_applications").await,
            Some(2.0),
            "{}",
            db.name
        );
    }
}
