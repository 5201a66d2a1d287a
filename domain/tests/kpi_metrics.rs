//! Every one of the 49 shipped metrics on the hand-made fixture (`support/kpi_fixture.rs`),
//! on every test database. Each expected value was worked out by hand from the fixture's
//! rows; the comment beside it shows the working. Also: period boundaries (facts on the
//! last day of a quarter), roll-ups (a region is the sum of its clusters' facts), a
//! cluster founded mid-year, and "no value" where there is nothing to divide by.

mod support;

use chrono::NaiveDate;
use domain::kpi_engine::KpiEngine;
use domain::sea_orm::{ConnectionTrait, DatabaseConnection};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const A: (&str, i32) = ("cluster", 1);
const B: (&str, i32) = ("cluster", 2);
const C: (&str, i32) = ("cluster", 3);
const R1: (&str, i32) = ("region", 1);
const ORG: (&str, i32) = ("organization", 0);

/// (metric, period, scope, expected value; `None` = no value).
type Expectation = (&'static str, &'static str, (&'static str, i32), Option<f64>);

fn expectations() -> Vec<Expectation> {
    let v = Some;
    vec![
        // renewal_rate: due in 2025 — A: ms1 renewed, ms2 renewed, ms3 lapsed; B: ms7 pending.
        ("renewal_rate", "2025", A, v(2.0 / 3.0)),
        ("renewal_rate", "2025", B, v(0.0)),
        ("renewal_rate", "2025", C, None),
        ("renewal_rate", "2025", R1, v(2.0 / 4.0)),
        ("renewal_rate", "2025-Q1", A, v(1.0)),
        // ms2 is due on 30 June, the last day of Q2: it belongs to Q2.
        ("renewal_rate", "2025-Q2", A, v(1.0 / 2.0)),
        // retention_12m: active 31 Dec 2024 — A: m1 m2 m3, still in A: m1 m2; B: m5 m6 m7,
        // m5 moved to A (lost to B).
        ("retention_12m", "2025", A, v(2.0 / 3.0)),
        ("retention_12m", "2025", B, v(2.0 / 3.0)),
        ("retention_12m", "2025", C, None),
        ("retention_12m", "2025", R1, v(4.0 / 6.0)),
        // new_members: first memberships in 2025: m4 (A), m8 (C); m5's move is not new.
        ("new_members", "2025", A, v(1.0)),
        ("new_members", "2025", B, v(0.0)),
        ("new_members", "2025", ORG, v(2.0)),
        ("new_members", "2025-Q1", A, v(1.0)),
        // net_growth: A 3 -> 4, B 3 -> 2, C 0 -> 1 (nothing to divide by).
        ("net_growth", "2025", A, v(1.0 / 3.0)),
        ("net_growth", "2025", B, v(-1.0 / 3.0)),
        ("net_growth", "2025", C, None),
        ("net_growth", "2025", R1, v(0.0)),
        ("net_growth", "2025", ORG, v(1.0 / 6.0)),
        // active_member_share: A m1 m2 m4 attended, m5 did not; B m6 m7; C m8 did not.
        ("active_member_share", "2025", A, v(3.0 / 4.0)),
        ("active_member_share", "2025", B, v(1.0)),
        ("active_member_share", "2025", C, v(0.0)),
        ("active_member_share", "2025", R1, v(5.0 / 6.0)),
        ("active_member_share", "2025", ORG, v(5.0 / 7.0)),
        // forums_active: A f1, f2 held meetings; B's only meeting was cancelled.
        ("forums_active", "2025", A, v(2.0)),
        ("forums_active", "2025", B, v(0.0)),
        ("forums_active", "2025-01", A, v(1.0)),
        ("forums_active", "2025-02", A, v(2.0)),
        // forum_participation on 31 Dec: A m1 m4 m5 (m2 left in October); B m6; C none.
        ("forum_participation", "2025", A, v(3.0 / 4.0)),
        ("forum_participation", "2025", B, v(1.0 / 2.0)),
        ("forum_participation", "2025", C, v(0.0)),
        // new_forum_members: fm4, fm5 started in 2025 (A).
        ("new_forum_members", "2025", A, v(2.0)),
        ("new_forum_members", "2025", B, v(0.0)),
        // moderator_coverage: A f1 (trained m1) yes, f2 (untrained m4) no; B no active forum.
        ("moderator_coverage", "2025", A, v(1.0 / 2.0)),
        ("moderator_coverage", "2025", B, None),
        ("new_moderators", "2025", A, v(1.0)),
        ("new_moderators", "2025", B, v(0.0)),
        // forum_meeting_rate: 3 meetings / 2 forums / 12 months; Q1: 3 / 2 / 3.
        ("forum_meeting_rate", "2025", A, v(3.0 / 24.0)),
        ("forum_meeting_rate", "2025-Q1", A, v(3.0 / 6.0)),
        ("forum_meeting_rate", "2025", B, None),
        // forum_attendance: invitations e5 3 + e6 3 + e7 2 = 8, attended 2 + 1 + 1.
        ("forum_attendance", "2025", A, v(4.0 / 8.0)),
        ("forum_attendance", "2025", B, None),
        ("forum_attendance", "2025", R1, v(4.0 / 8.0)),
        // mentorships_active: A mt1; B mt2 ended 30 June.
        ("mentorships_active", "2025", A, v(1.0)),
        ("mentorships_active", "2025", B, v(1.0)),
        ("mentorships_active", "2025-Q2", B, v(1.0)),
        ("mentorships_active", "2025-Q3", B, v(0.0)),
        // mentorship_coverage: joined in the 12 months to 31 Dec: m4 (A, mentored), m8 (C, not).
        ("mentorship_coverage", "2025", A, v(1.0)),
        ("mentorship_coverage", "2025", B, None),
        ("mentorship_coverage", "2025", C, v(0.0)),
        ("mentorship_coverage", "2025", ORG, v(1.0 / 2.0)),
        // Q1 (to 31 Mar): m7 joined B on 1 Dec 2024, mentored by mt2 on 31 Mar.
        ("mentorship_coverage", "2025-Q1", B, v(1.0)),
        // events_held: A e1, e2 (e3 cancelled); e2 at 18:00 on 31 March is in Q1 and March.
        ("events_held", "2025", A, v(2.0)),
        ("events_held", "2025", B, v(1.0)),
        ("events_held", "2025-Q1", A, v(2.0)),
        ("events_held", "2025-03", A, v(1.0)),
        ("events_held", "2025-Q2", A, v(0.0)),
        // event_attendance: A members' attendances at A's events: e1 m1 m2, e2 m1 = 3 /
        // (2 events x 4 members); B: 2 / (1 x 2); C: no events.
        ("event_attendance", "2025", A, v(3.0 / 8.0)),
        ("event_attendance", "2025", B, v(1.0)),
        ("event_attendance", "2025", C, None),
        ("event_attendance", "2025", R1, v(5.0 / 10.0)),
        // dues_on_time: A d1 (paid on the due date) yes, d2 late, d3 unpaid; B d4 yes.
        ("dues_on_time", "2025", A, v(1.0 / 3.0)),
        ("dues_on_time", "2025", B, v(1.0)),
        ("dues_on_time", "2025", R1, v(2.0 / 4.0)),
        // dues_reserved: A 10,000 / 200,000; B 5,000 / 50,000; February: A paid d2, reserved 0.
        ("dues_reserved", "2025", A, v(0.05)),
        ("dues_reserved", "2025", B, v(0.1)),
        ("dues_reserved", "2025", R1, v(15_000.0 / 250_000.0)),
        ("dues_reserved", "2025-02", A, v(0.0)),
        // goals_set_on_time: A both on time (one on the deadline), B one late, C none.
        ("goals_set_on_time", "2025", A, v(1.0)),
        ("goals_set_on_time", "2025", B, v(0.0)),
        ("goals_set_on_time", "2025", C, v(0.0)),
        ("goals_set_on_time", "2025", R1, v(1.0 / 2.0)),
        ("goals_set_on_time", "2025", ORG, v(1.0 / 3.0)),
        ("goal_achievement", "2025", A, v(1.0 / 2.0)),
        ("goal_achievement", "2025", B, v(1.0)),
        ("goal_achievement", "2025", R1, v(2.0 / 3.0)),
        ("goal_achievement", "2025", C, None),
        // committee_calls_held: e9 held, e10 cancelled, e11 held.
        ("committee_calls_held", "2025", A, v(2.0 / 3.0)),
        ("committee_calls_held", "2025", B, None),
        // committee_attendance: invited e9 3 + e11 2; attended and invited 3 + 1 (m3 uninvited).
        ("committee_attendance", "2025", A, v(4.0 / 5.0)),
        // committee_on_time: 19:03 yes, 19:05:00 yes, 19:05:01 no, 19:10 no, 18:55 yes.
        ("committee_on_time", "2025", A, v(3.0 / 5.0)),
        // annual_meeting_participation: A m1 of 4, B m6 of 2, C 0 of 1.
        ("annual_meeting_participation", "2025", A, v(1.0 / 4.0)),
        ("annual_meeting_participation", "2025", B, v(1.0 / 2.0)),
        ("annual_meeting_participation", "2025", ORG, v(2.0 / 7.0)),
        // annual_meeting_leadership: boards on 31 Dec A m1 m4, B m6 m7; m1 and m6 attended.
        ("annual_meeting_leadership", "2025", A, v(1.0 / 2.0)),
        ("annual_meeting_leadership", "2025", R1, v(2.0 / 4.0)),
        // board_renewed: A t3 started in 2025; B none; C none.
        ("board_renewed", "2025", A, v(1.0)),
        ("board_renewed", "2025", B, v(0.0)),
        ("board_renewed", "2025", R1, v(1.0 / 2.0)),
        // board_seats_filled: A 2 of 3 seats, B 2 of 2.
        ("board_seats_filled", "2025", A, v(2.0 / 3.0)),
        ("board_seats_filled", "2025", B, v(1.0)),
        ("board_seats_filled", "2025", R1, v(4.0 / 5.0)),
        ("board_seats_filled", "2025", C, None),
        // board_tenure: A m1 2023-2025 = 3, m4 2025 = 1; B m6 2022-2025 = 4, m7 2024-2025 = 2.
        ("board_tenure", "2025", A, v(2.0)),
        ("board_tenure", "2025", B, v(3.0)),
        ("board_tenure", "2025", R1, v(10.0 / 4.0)),
        // succession_plan: A named 30 Sep, before 1 Oct; B named on 1 Oct, too late.
        ("succession_plan", "2025", A, v(1.0)),
        ("succession_plan", "2025", B, v(0.0)),
        ("budget_submitted", "2025", A, v(1.0)),
        ("budget_submitted", "2025", B, v(0.0)),
        ("budget_submitted", "2025", R1, v(1.0 / 2.0)),
        // budget_variance: A |1,100,000 - 1,200,000| / 1,200,000; B |700,000 - 600,000| /
        // 600,000; January A: spent 100,000 of a 100,000 monthly share; C has no budget.
        ("budget_variance", "2025", A, v(100_000.0 / 1_200_000.0)),
        ("budget_variance", "2025", B, v(100_000.0 / 600_000.0)),
        ("budget_variance", "2025", R1, v(200_000.0 / 1_800_000.0)),
        ("budget_variance", "2025-01", A, v(0.0)),
        ("budget_variance", "2025-02", A, v(1.0)),
        ("budget_variance", "2025", C, None),
        // self_report_timeliness: activity reports sr1 (on the due date), sr2 late, sr3 never.
        ("self_report_timeliness", "2025", A, v(1.0 / 3.0)),
        ("self_report_timeliness", "2025", B, None),
        // self_report_verified: A submitted sr1 sr2 sr4 sr5, verified sr1 sr4; B sr6 of sr6.
        ("self_report_verified", "2025", A, v(2.0 / 4.0)),
        ("self_report_verified", "2025", B, v(1.0)),
        // leader_training: A m1 (May 2025) of m1 m4; B m7 of m6 (trained 2024) m7.
        ("leader_training", "2025", A, v(1.0 / 2.0)),
        ("leader_training", "2025", B, v(1.0 / 2.0)),
        // engagement_index: A 100 x (0.4 x 0.75 + 0.3 x 0.5 + 0.3 x 0.375); B has no
        // forum_attendance, so no value; R1 from rolled-up components.
        ("engagement_index", "2025", A, v(56.25)),
        ("engagement_index", "2025", B, None),
        (
            "engagement_index",
            "2025",
            R1,
            v(100.0 * (0.4 * 5.0 / 6.0 + 0.3 * 0.5 + 0.3 * 0.5)),
        ),
        ("media_mentions", "2025", A, v(2.0)),
        ("media_mentions", "2025", B, v(0.0)),
        ("media_mentions", "2025-Q2", A, v(1.0)),
        ("media_reach", "2025", A, v(3500.0)),
        ("media_reach", "2025", R1, v(3800.0)),
        ("press_releases", "2025", A, v(1.0)),
        ("social_posts", "2025", B, v(1.0)),
        ("social_posts", "2025", A, v(0.0)),
        ("intercluster_hosted", "2025", A, v(1.0)),
        ("intercluster_hosted", "2025", B, v(1.0)),
        // intercluster_participation: A m1 at B's program; B m7 at A's; own programs don't count.
        ("intercluster_participation", "2025", A, v(1.0 / 4.0)),
        ("intercluster_participation", "2025", B, v(1.0 / 2.0)),
        // award_applications: A aw1 and aw2 (31 Dec); B's is in 2026.
        ("award_applications", "2025", A, v(2.0)),
        ("award_applications", "2025", B, v(0.0)),
        ("award_applications", "2025-Q4", A, v(1.0)),
        ("awards_won", "2025", A, v(1.0)),
        // global_event_attendance: A m2 (regional and global, once) of 4; B m7 of 2.
        ("global_event_attendance", "2025", A, v(1.0 / 4.0)),
        ("global_event_attendance", "2025", B, v(1.0 / 2.0)),
        // volunteer_hours: A 6 verified hours / 4 members (sr5 rejected); B 3 / 2; C 0 / 1.
        ("volunteer_hours", "2025", A, v(1.5)),
        ("volunteer_hours", "2025", B, v(1.5)),
        ("volunteer_hours", "2025", C, v(0.0)),
        ("volunteer_hours", "2025", R1, v(9.0 / 6.0)),
        // service_projects: A p1 completed in 2025 (p2 never completed); B p3 in 2024.
        ("service_projects", "2025", A, v(1.0)),
        ("service_projects", "2025", B, v(0.0)),
        // speakers_provided: A m2 (twice, counted once); B m6; the annual meeting does not count.
        ("speakers_provided", "2025", A, v(1.0)),
        ("speakers_provided", "2025", B, v(1.0)),
        // member_referrals: A to B counts, A to A does not; B to A counts.
        ("member_referrals", "2025", A, v(1.0)),
        ("member_referrals", "2025", B, v(1.0)),
        // partnerships: A pa1 (until 15 Jan) and pa2 (from 1 Nov); none in Q2; B ended 2024.
        ("partnerships", "2025", A, v(2.0)),
        ("partnerships", "2025-Q2", A, v(0.0)),
        ("partnerships", "2025", B, v(0.0)),
    ]
}

async fn stored(
    db: &DatabaseConnection,
    metric: &str,
    period: &str,
    (kind, id): (&str, i32),
) -> Option<Option<f64>> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(domain::sql::statement(
            backend,
            "SELECT v.value AS value FROM kpi_values v JOIN metrics m ON m.id = v.metric_id \
             WHERE m.key = ? AND v.period_key = ? AND v.scope_kind = ? AND v.scope_id = ?",
            [metric.into(), period.into(), kind.into(), id.into()],
        ))
        .await
        .expect("query")?;
    Some(row.try_get::<Option<f64>>("", "value").expect("value"))
}

#[tokio::test]
async fn every_metric_matches_its_hand_worked_value() {
    let today = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", scratch.name));
        let mut failures = Vec::new();
        let mut covered = std::collections::BTreeSet::new();
        for (metric, period, scope, expected) in expectations() {
            covered.insert(metric);
            let got = stored(db, metric, period, scope).await;
            let ok = match (got, expected) {
                (Some(Some(g)), Some(e)) => (g - e).abs() < 1e-9,
                (Some(None), None) => true,
                _ => false,
            };
            if !ok {
                failures.push(format!(
                    "{metric} {period} {}-{}: expected {expected:?}, stored {got:?}",
                    scope.0, scope.1
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{}: {} wrong:\n{}",
            scratch.name,
            failures.len(),
            failures.join("\n")
        );
        assert_eq!(covered.len(), 49, "every metric has an expectation");
    }
}

#[tokio::test]
async fn a_cluster_has_no_values_before_it_was_founded_and_is_left_out_of_roll_ups() {
    let today = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    for scratch in support::databases().await {
        let db = &scratch.conn;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today)
            .await
            .expect("recompute");
        // C was founded on 1 June 2025: nothing for Q1, but a value for the year.
        assert_eq!(
            stored(db, "new_members", "2025-Q1", C).await,
            None,
            "{}",
            scratch.name
        );
        assert_eq!(stored(db, "new_members", "2025", C).await, Some(Some(1.0)));
        // Q1 booleans: the organization is the share of A and B only.
        assert_eq!(
            stored(db, "goals_set_on_time", "2025", ORG).await,
            Some(Some(1.0 / 3.0))
        );
        assert_eq!(
            stored(db, "goals_set_on_time", "2025-Q1", ORG).await,
            None,
            "yearly metrics have no quarter values"
        );
        assert_eq!(
            stored(db, "active_member_share", "2025-Q1", ORG)
                .await
                .flatten(),
            stored(db, "active_member_share", "2025-Q1", R1)
                .await
                .flatten(),
            "{}: in Q1 the organization is region 1 (C not founded yet)",
            scratch.name
        );
    }
}
