//! Committee calls recorded by a leader: the call, its invitations (the committee's
//! members that day) and attendances are written together and the KPIs follow; a bad
//! call is refused with one line per problem and writes nothing. On every test
//! database, over the hand-made fixture (committee 1 "Board" of cluster A; committee
//! attendance of A in 2025 is 4 / 5 and on-time joining 3 / 5, from `kpi_metrics.rs`).

mod support;

use chrono::{NaiveDate, NaiveDateTime};
use domain::DomainError;
use domain::committee_calls::{Attendee, CallDraft, CommitteeCalls};
use domain::sea_orm::DatabaseConnection;
use kpi::{ClusterId, MemberId};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, 0).expect("time")
}

async fn value(db: &DatabaseConnection, metric: &str) -> Option<f64> {
    support::cluster_value(db, CLUSTER_A, "2025", metric).await
}

/// The members of committee 1 on `on`, as the roster gives them.
async fn roster(db: &DatabaseConnection, on: NaiveDate) -> Vec<MemberId> {
    CommitteeCalls::rosters(db, CLUSTER_A, on)
        .await
        .expect("rosters")
        .into_iter()
        .find(|r| r.committee.id == 1)
        .expect("committee 1 belongs to A")
        .members
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

#[tokio::test]
async fn a_recorded_call_counts_in_the_cluster_kpis_at_once() {
    for db in kpi_fixture::computed().await {
        let on = day(2025, 11, 4);
        let members = roster(&db.conn, on).await;
        assert!(
            !members.is_empty(),
            "{}: the fixture's committee has members",
            db.name
        );
        let invited_before = support::count(&db.conn, "event_invitations").await;
        let attendance_before = value(&db.conn, "committee_attendance").await;
        assert_eq!(attendance_before, Some(4.0 / 5.0), "{}", db.name);

        // Everyone invited; the first joins on time, nobody else.
        let call = CommitteeCalls::record(
            &db.conn,
            CLUSTER_A,
            CallDraft {
                committee: 1,
                starts_at: at(2025, 11, 4, 19, 0),
                held: true,
                attendees: vec![Attendee {
                    member: members[0],
                    joined_at: Some(at(2025, 11, 4, 19, 2)),
                }],
            },
            at(2025, 12, 31, 12, 0),
        )
        .await
        .expect("recorded");
        let invited = i64::try_from(members.len()).expect("small");
        assert_eq!(
            (call.invited, call.attended, call.on_time),
            (invited, 1, 1),
            "{}",
            db.name
        );
        assert_eq!(
            support::count(&db.conn, "event_invitations").await,
            invited_before + invited,
            "{}",
            db.name
        );
        // committee_attendance: (4 + 1) / (5 + invited); on time: (3 + 1) / (5 + 1).
        let expected = 5.0 / (5.0 + invited as f64);
        let after = value(&db.conn, "committee_attendance")
            .await
            .expect("a value");
        assert!(
            (after - expected).abs() < 1e-9,
            "{}: {after} vs {expected}",
            db.name
        );
        let on_time = value(&db.conn, "committee_on_time").await.expect("a value");
        assert!((on_time - 4.0 / 6.0).abs() < 1e-9, "{}: {on_time}", db.name);

        let recent = CommitteeCalls::recent(&db.conn, CLUSTER_A, day(2025, 12, 31), 5)
            .await
            .expect("recent");
        assert_eq!(
            recent.first().map(|c| c.event),
            Some(call.event),
            "{}: newest first",
            db.name
        );
        assert_eq!(recent.first().map(|c| c.on_time), Some(1), "{}", db.name);
    }
}

#[tokio::test]
async fn a_bad_call_is_refused_line_by_line_and_writes_nothing() {
    for db in kpi_fixture::computed().await {
        let events_before = support::count(&db.conn, "events").await;
        let attendances_before = support::count(&db.conn, "attendances").await;
        let now = at(2025, 12, 31, 12, 0);
        let refused = CommitteeCalls::record(
            &db.conn,
            CLUSTER_A,
            CallDraft {
                committee: 1,
                starts_at: at(2026, 2, 1, 19, 0),
                held: false,
                attendees: vec![
                    Attendee {
                        member: MemberId(8),
                        joined_at: Some(at(2026, 2, 1, 23, 30)),
                    },
                    Attendee {
                        member: MemberId(8),
                        joined_at: None,
                    },
                ],
            },
            now,
        )
        .await;
        let Err(DomainError::Refused(problems)) = refused else {
            panic!("{}: refused, got {refused:?}", db.name);
        };
        let text = problems.join("\n");
        for expected in [
            "start: 2026-02-01 19:00 is in the future",
            "attendees: a cancelled call has no attendees",
            "attendees: member 8 was not on the Board committee",
            "attendees: member 8 is listed twice",
            "joined at: 23:30 for member 8 is not between",
        ] {
            assert!(
                text.contains(expected),
                "{}: {expected:?} in {text}",
                db.name
            );
        }

        // Another cluster's committee, and a call recorded twice.
        let other = CommitteeCalls::record(
            &db.conn,
            ClusterId(2),
            CallDraft {
                committee: 1,
                starts_at: at(2025, 11, 4, 19, 0),
                held: true,
                attendees: Vec::new(),
            },
            now,
        )
        .await;
        assert!(
            matches!(&other, Err(DomainError::Refused(p)) if p[0].contains("not a committee of this cluster")),
            "{}: {other:?}",
            db.name
        );
        // The same call entered twice is refused the second time.
        let draft = CallDraft {
            committee: 1,
            starts_at: at(2025, 10, 7, 19, 0),
            held: true,
            attendees: Vec::new(),
        };
        CommitteeCalls::record(&db.conn, CLUSTER_A, draft.clone(), now)
            .await
            .expect("first time");
        let twice = CommitteeCalls::record(&db.conn, CLUSTER_A, draft, now).await;
        assert!(
            matches!(&twice, Err(DomainError::Refused(p)) if p.iter().any(|l| l.contains("already recorded"))),
            "{}: {twice:?}",
            db.name
        );
        assert_eq!(
            support::count(&db.conn, "events").await,
            events_before + 1,
            "{}",
            db.name
        );
        assert_eq!(
            support::count(&db.conn, "attendances").await,
            attendances_before,
            "{}",
            db.name
        );
    }
}
