//! A member's participation: the seven member-scope metrics computed for them on request,
//! their cluster's value beside each, and the events they were invited to or attended
//! with the metrics each counts in. On every test database, over the hand-made fixture;
//! every expected number is worked out by hand in the comments.

mod support;

use domain::member_participation::{MemberParticipation, Participation};
use domain::sea_orm::DatabaseConnection;
use kpi::{ClusterId, FiscalYearStart, MemberId, Period};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

async fn participation(db: &DatabaseConnection, member: i32, period: &str) -> Participation {
    let period = Period::parse(period, FiscalYearStart::default()).expect("period");
    MemberParticipation::load(db, MemberId(member), CLUSTER_A, period)
        .await
        .expect("participation")
}

fn value(p: &Participation, metric: &str) -> Option<f64> {
    p.metrics
        .iter()
        .find(|m| m.metric.as_str() == metric)
        .unwrap_or_else(|| panic!("{metric} is a member metric"))
        .value
}

#[tokio::test]
async fn computes_the_member_metrics_from_the_members_own_facts() {
    for db in kpi_fixture::computed().await {
        let m1 = participation(&db.conn, 1, "2025").await;
        assert_eq!(m1.metrics.len(), 7, "{}", db.name);
        // Active on 31 December and attended held events: 1 / 1.
        assert_eq!(value(&m1, "active_member_share"), Some(1.0), "{}", db.name);
        // Invited to the held forum meetings e5 and e6, attended both.
        assert_eq!(value(&m1, "forum_attendance"), Some(1.0), "{}", db.name);
        // A's held cluster events e1, e2 x 1 member; attended both.
        assert_eq!(value(&m1, "event_attendance"), Some(1.0), "{}", db.name);
        // Invited to the held calls e9 and e11 (e10 was cancelled), attended both.
        assert_eq!(value(&m1, "committee_attendance"), Some(1.0), "{}", db.name);
        // Joined e9 3 minutes late (on time), e11 10 minutes late.
        assert_eq!(value(&m1, "committee_on_time"), Some(0.5), "{}", db.name);
        // One activity report (sr1), on its due date.
        assert_eq!(
            value(&m1, "self_report_timeliness"),
            Some(1.0),
            "{}",
            db.name
        );
        // sr4: 6 verified hours, for one member.
        assert_eq!(value(&m1, "volunteer_hours"), Some(6.0), "{}", db.name);

        // The cluster's stored values sit beside them (kpi_metrics.rs).
        let forum = m1
            .metrics
            .iter()
            .find(|m| m.metric.as_str() == "forum_attendance")
            .expect("listed");
        assert_eq!(forum.cluster_value, Some(0.5), "{}", db.name);
        assert_eq!(
            (forum.numerator, forum.denominator),
            (Some(2.0), Some(2.0)),
            "{}",
            db.name
        );

        // Member 4 joined e9 at 19:05:01 (late), never sent the January report.
        let m4 = participation(&db.conn, 4, "2025").await;
        assert_eq!(value(&m4, "forum_attendance"), Some(1.0), "{}", db.name);
        assert_eq!(value(&m4, "committee_on_time"), Some(0.0), "{}", db.name);
        assert_eq!(
            value(&m4, "self_report_timeliness"),
            Some(0.0),
            "{}",
            db.name
        );
        assert_eq!(value(&m4, "volunteer_hours"), Some(0.0), "{}", db.name);

        // Nothing to count in a month without invitations: no value, not zero.
        let march = participation(&db.conn, 1, "2025-03").await;
        assert_eq!(value(&march, "forum_attendance"), None, "{}", db.name);
    }
}

#[tokio::test]
async fn lists_the_members_events_with_the_metrics_they_count_in() {
    for db in kpi_fixture::computed().await {
        let m1 = participation(&db.conn, 1, "2025").await;
        let titles: Vec<&str> = m1.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            ["e12", "e15", "e11", "e10", "e9", "e2", "e6", "e5", "e1"],
            "{}: newest first",
            db.name
        );
        let event = |title: &str| m1.events.iter().find(|e| e.title == title).expect("listed");
        let e10 = event("e10");
        assert!(e10.invited && !e10.attended, "{}", db.name);
        assert_eq!(e10.status, "cancelled", "{}", db.name);
        assert_eq!(event("e9").minutes_late, Some(3), "{}", db.name);
        assert_eq!(event("e1").minutes_late, None, "{}", db.name);

        let counts = |title: &str| -> Vec<String> {
            event(title)
                .counts_in
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        assert_eq!(
            counts("e5"),
            ["active_member_share", "forum_attendance"],
            "{}",
            db.name
        );
        assert_eq!(
            counts("e9"),
            [
                "active_member_share",
                "committee_attendance",
                "committee_on_time"
            ],
            "{}",
            db.name
        );
        assert_eq!(
            counts("e1"),
            ["active_member_share", "event_attendance"],
            "{}",
            db.name
        );
        assert_eq!(counts("e12"), ["active_member_share"], "{}", db.name);
    }
}
