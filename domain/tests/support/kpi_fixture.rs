//! A hand-made organization for the metric tests: 3 clusters (A and B in region 1, C in
//! region 2, founded mid-2025), 8 members and a few facts of every kind in 2025, small
//! enough that every expected value in `kpi_metrics.rs` is worked out by hand there.

use domain::scratch_database::ScratchDatabase;
use domain::sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

/// Loads the fixture into an empty, migrated database.
pub async fn load(db: &DatabaseConnection) {
    let (t, f) = match db.get_database_backend() {
        DbBackend::Postgres => ("TRUE", "FALSE"),
        _ => ("1", "0"),
    };
    let statements = [
        "INSERT INTO settings (key, value) VALUES ('fiscal_year_start_month', '1')".to_owned(),
        "INSERT INTO regions (id, code, name) VALUES (1, 'R1', 'North'), (2, 'R2', 'South')".into(),
        "INSERT INTO clusters (id, code, name, region_id, city, founded_on) VALUES \
         (1, 'A', 'Alpha', 1, 'Aa', '2020-01-01'), (2, 'B', 'Beta', 1, 'Bb', '2020-01-01'), \
         (3, 'C', 'Gamma', 2, 'Cc', '2025-06-01')"
            .into(),
        format!(
            "INSERT INTO members (id, member_number, first_name, last_name, email, company) VALUES {}",
            (1..=8)
                .map(|i| format!("({i}, 'M{i}', 'First{i}', 'Last{i}', 'm{i}@example.org', 'Co{i}')"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        "INSERT INTO memberships (id, member_id, cluster_id, start_date, end_date, renewal_due_on, renewal_outcome) VALUES \
         (1, 1, 1, '2020-01-01', NULL, '2025-03-01', 'renewed'), \
         (2, 2, 1, '2021-01-01', NULL, '2025-06-30', 'renewed'), \
         (3, 3, 1, '2022-01-01', '2025-05-31', '2025-05-31', 'lapsed'), \
         (4, 4, 1, '2025-02-10', NULL, NULL, NULL), \
         (5, 5, 2, '2019-01-01', '2025-03-31', NULL, NULL), \
         (6, 5, 1, '2025-04-01', NULL, NULL, NULL), \
         (7, 6, 2, '2020-05-01', NULL, '2025-12-31', 'pending'), \
         (8, 7, 2, '2024-12-01', NULL, NULL, NULL), \
         (9, 8, 3, '2025-07-01', NULL, NULL, NULL)"
            .into(),
        "INSERT INTO dues_invoices (id, invoice_number, member_id, cluster_id, amount_cents, due_on, paid_on, paid_cents, reserved_cents) VALUES \
         (1, 'D1', 1, 1, 100000, '2025-01-31', '2025-01-31', 100000, 10000), \
         (2, 'D2', 2, 1, 100000, '2025-01-31', '2025-02-05', 100000, 0), \
         (3, 'D3', 4, 1, 100000, '2025-03-31', NULL, 0, 0), \
         (4, 'D4', 6, 2, 50000, '2025-06-30', '2025-06-01', 50000, 5000)"
            .into(),
        "INSERT INTO forums (id, cluster_id, name, formed_on, dissolved_on) VALUES \
         (1, 1, 'F1', '2020-01-01', NULL), (2, 1, 'F2', '2025-01-01', NULL), (3, 2, 'F3', '2020-01-01', NULL)"
            .into(),
        format!(
            "INSERT INTO forum_memberships (id, forum_id, member_id, role, trained, start_date, end_date) VALUES \
             (1, 1, 1, 'moderator', {t}, '2023-01-01', NULL), \
             (2, 1, 2, 'member', {f}, '2023-01-01', '2025-10-31'), \
             (3, 1, 3, 'member', {f}, '2024-01-01', '2025-05-31'), \
             (4, 2, 4, 'moderator', {f}, '2025-02-15', NULL), \
             (5, 2, 5, 'member', {f}, '2025-04-01', NULL), \
             (6, 3, 6, 'moderator', {t}, '2022-01-01', NULL)"
        ),
        "INSERT INTO committees (id, cluster_id, name) VALUES (1, 1, 'Board')".into(),
        // No metric reads committee seats; recording a call invites the seat holders.
        "INSERT INTO committee_members (id, committee_id, member_id, start_date, end_date) VALUES \
         (1, 1, 1, '2023-01-01', NULL), (2, 1, 2, '2023-01-01', NULL), (3, 1, 4, '2025-02-15', NULL)"
            .into(),
        "INSERT INTO events (id, event_ref, kind, title, host_cluster_id, region_id, forum_id, committee_id, scheduled_start, status) VALUES \
         (1, 'E1', 'cluster_event', 'e1', 1, NULL, NULL, NULL, '2025-01-15 10:00:00', 'held'), \
         (2, 'E2', 'cluster_event', 'e2', 1, NULL, NULL, NULL, '2025-03-31 18:00:00', 'held'), \
         (3, 'E3', 'cluster_event', 'e3', 1, NULL, NULL, NULL, '2025-05-10 18:00:00', 'cancelled'), \
         (4, 'E4', 'cluster_event', 'e4', 2, NULL, NULL, NULL, '2025-02-01 18:00:00', 'held'), \
         (5, 'E5', 'forum_meeting', 'e5', 1, NULL, 1, NULL, '2025-01-20 18:00:00', 'held'), \
         (6, 'E6', 'forum_meeting', 'e6', 1, NULL, 1, NULL, '2025-02-20 18:00:00', 'held'), \
         (7, 'E7', 'forum_meeting', 'e7', 1, NULL, 2, NULL, '2025-02-21 18:00:00', 'held'), \
         (8, 'E8', 'forum_meeting', 'e8', 2, NULL, 3, NULL, '2025-03-05 18:00:00', 'cancelled'), \
         (9, 'E9', 'committee_call', 'e9', 1, NULL, NULL, 1, '2025-04-01 19:00:00', 'held'), \
         (10, 'E10', 'committee_call', 'e10', 1, NULL, NULL, 1, '2025-05-01 19:00:00', 'cancelled'), \
         (11, 'E11', 'committee_call', 'e11', 1, NULL, NULL, 1, '2025-06-01 19:00:00', 'held'), \
         (12, 'E12', 'annual_meeting', 'e12', NULL, NULL, NULL, NULL, '2025-09-15 09:00:00', 'held'), \
         (13, 'E13', 'regional_event', 'e13', NULL, 1, NULL, NULL, '2025-10-10 09:00:00', 'held'), \
         (14, 'E14', 'global_event', 'e14', NULL, NULL, NULL, NULL, '2025-11-11 09:00:00', 'held'), \
         (15, 'E15', 'intercluster_program', 'e15', 2, NULL, NULL, NULL, '2025-08-08 09:00:00', 'held'), \
         (16, 'E16', 'intercluster_program', 'e16', 1, NULL, NULL, NULL, '2025-08-20 09:00:00', 'held')"
            .into(),
        "INSERT INTO event_invitations (id, event_id, member_id) VALUES \
         (1, 5, 1), (2, 5, 2), (3, 5, 3), (4, 6, 1), (5, 6, 2), (6, 6, 3), (7, 7, 4), (8, 7, 5), \
         (9, 8, 6), (10, 9, 1), (11, 9, 2), (12, 9, 4), (13, 10, 1), (14, 10, 2), (15, 11, 1), (16, 11, 2)"
            .into(),
        "INSERT INTO attendances (id, event_id, member_id, joined_at) VALUES \
         (1, 1, 1, NULL), (2, 1, 2, NULL), (3, 1, 3, NULL), (4, 1, 6, NULL), (5, 2, 1, NULL), \
         (6, 4, 6, NULL), (7, 4, 7, NULL), (8, 5, 1, NULL), (9, 5, 2, NULL), (10, 6, 1, NULL), \
         (11, 7, 4, NULL), \
         (12, 9, 1, '2025-04-01 19:03:00'), (13, 9, 2, '2025-04-01 19:05:00'), (14, 9, 4, '2025-04-01 19:05:01'), \
         (15, 11, 1, '2025-06-01 19:10:00'), (16, 11, 3, '2025-06-01 18:55:00'), \
         (17, 12, 1, NULL), (18, 12, 6, NULL), (19, 13, 2, NULL), (20, 13, 7, NULL), (21, 14, 2, NULL), \
         (22, 15, 1, NULL), (23, 15, 6, NULL), (24, 16, 7, NULL), (25, 16, 4, NULL)"
            .into(),
        "INSERT INTO speakers (id, event_id, member_id, topic) VALUES \
         (1, 13, 2, 't'), (2, 14, 2, 't'), (3, 14, 6, 't'), (4, 12, 1, 't')"
            .into(),
        "INSERT INTO mentorships (id, mentor_id, mentee_id, cluster_id, start_date, end_date) VALUES \
         (1, 1, 4, 1, '2025-03-01', NULL), (2, 6, 7, 2, '2024-12-15', '2025-06-30')"
            .into(),
        format!(
            "INSERT INTO goals (id, cluster_id, year, title, recorded_on, deadline, achieved) VALUES \
             (1, 1, 2025, 'Grow', '2025-01-20', '2025-01-31', {t}), \
             (2, 1, 2025, 'Forum', '2025-01-31', '2025-01-31', {f}), \
             (3, 2, 2025, 'X', '2025-02-15', '2025-01-31', {t})"
        ),
        format!(
            "INSERT INTO board_seats (id, cluster_id, title, is_leader) VALUES \
             (1, 1, 'Leader', {t}), (2, 1, 'Treasurer', {f}), (3, 1, 'Secretary', {f}), \
             (4, 2, 'Leader', {t}), (5, 2, 'Treasurer', {f})"
        ),
        "INSERT INTO board_terms (id, board_seat_id, member_id, start_date, end_date, successor_id, successor_named_on) VALUES \
         (1, 1, 1, '2023-01-01', '2025-12-31', 2, '2025-09-30'), \
         (2, 2, 2, '2024-01-01', '2024-12-31', NULL, NULL), \
         (3, 2, 4, '2025-03-01', NULL, NULL, NULL), \
         (4, 4, 6, '2022-01-01', '2025-12-31', 7, '2025-10-01'), \
         (5, 5, 7, '2024-06-01', NULL, NULL, NULL)"
            .into(),
        "INSERT INTO trainings (id, member_id, course, completed_on) VALUES \
         (1, 1, 'Lead', '2025-05-05'), (2, 6, 'Lead', '2024-11-01'), (3, 7, 'Lead', '2025-02-02')"
            .into(),
        "INSERT INTO budgets (id, cluster_id, year, amount_cents, deadline, submitted_on) VALUES \
         (1, 1, 2025, 1200000, '2025-01-31', '2025-01-31'), (2, 2, 2025, 600000, '2025-01-31', '2025-02-10')"
            .into(),
        "INSERT INTO spendings (id, cluster_id, spent_on, amount_cents, category, reference) VALUES \
         (1, 1, '2025-01-10', 100000, 'x', 'S1'), (2, 1, '2025-06-15', 1000000, 'x', 'S2'), (3, 2, '2025-03-03', 700000, 'x', 'S3')"
            .into(),
        "INSERT INTO media_items (id, cluster_id, published_on, outlet, kind, reach, title, reference) VALUES \
         (1, 1, '2025-01-05', 'o', 'mention', 1000, 't', 'MEDIA-1'), (2, 1, '2025-04-05', 'o', 'mention', 2000, 't', 'MEDIA-2'), \
         (3, 1, '2025-04-06', 'o', 'press_release', 500, 't', 'MEDIA-3'), (4, 2, '2025-07-07', 'o', 'social_post', 300, 't', 'MEDIA-4')"
            .into(),
        "INSERT INTO award_applications (id, cluster_id, member_id, award, submitted_on, outcome, reference) VALUES \
         (1, 1, NULL, 'Best', '2025-03-03', 'won', 'AWARD-1'), (2, 1, 1, 'Entrepreneur', '2025-12-31', 'pending', 'AWARD-2'), \
         (3, 2, NULL, 'Best', '2026-01-01', 'lost', 'AWARD-3')"
            .into(),
        "INSERT INTO self_reports (id, member_id, cluster_id, report_month, kind, due_on, submitted_on, hours, description, status) VALUES \
         (1, 1, 1, '2025-01-01', 'activity', '2025-02-10', '2025-02-10', 0, '', 'verified'), \
         (2, 2, 1, '2025-01-01', 'activity', '2025-02-10', '2025-02-11', 0, '', 'submitted'), \
         (3, 4, 1, '2025-01-01', 'activity', '2025-02-10', NULL, 0, '', 'expected'), \
         (4, 1, 1, '2025-02-01', 'volunteer_hours', '2025-03-10', '2025-03-01', 6, '', 'verified'), \
         (5, 2, 1, '2025-03-01', 'volunteer_hours', '2025-04-10', '2025-03-20', 4, '', 'rejected'), \
         (6, 6, 2, '2025-05-01', 'volunteer_hours', '2025-06-10', '2025-05-20', 3, '', 'verified')"
            .into(),
        "INSERT INTO service_projects (id, cluster_id, name, started_on, completed_on) VALUES \
         (1, 1, 'P1', '2025-01-01', '2025-06-30'), (2, 1, 'P2', '2025-02-01', NULL), (3, 2, 'P3', '2024-05-01', '2024-12-31')"
            .into(),
        "INSERT INTO referrals (id, from_cluster_id, to_cluster_id, prospect_name, referred_on) VALUES \
         (1, 1, 2, 'p', '2025-04-04'), (2, 1, 1, 'q', '2025-05-05'), (3, 2, 1, 'r', '2025-06-06')"
            .into(),
        "INSERT INTO partnerships (id, cluster_id, partner_name, start_date, end_date) VALUES \
         (1, 1, 'P', '2024-01-01', '2025-01-15'), (2, 1, 'Q', '2025-11-01', NULL), (3, 2, 'R', '2023-01-01', '2024-12-31')"
            .into(),
    ];
    for sql in statements {
        db.execute_unprepared(&sql)
            .await
            .unwrap_or_else(|e| panic!("fixture: {e}\n{sql}"));
    }
    // Rows were inserted with their ids: move PostgreSQL's sequences past them, so rows
    // the tests add get fresh ids.
    if db.get_database_backend() == DbBackend::Postgres {
        for table in domain::migration::FACT_TABLES
            .iter()
            .filter(|t| **t != "settings")
        {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            );
            db.execute_unprepared(&sql)
                .await
                .unwrap_or_else(|e| panic!("fixture: {e}\n{sql}"));
        }
    }
}

/// Every test database with the fixture loaded and its KPIs computed up to
/// 31 December 2025.
#[allow(dead_code, reason = "some test binaries load the fixture themselves")]
pub async fn computed() -> Vec<ScratchDatabase> {
    let mut all = domain::scratch_database::for_tests()
        .await
        .expect("test databases");
    for scratch in &mut all {
        load(&scratch.conn).await;
        domain::kpi_engine::KpiEngine::recompute_all(
            &scratch.conn,
            chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
        )
        .await
        .expect("recompute");
    }
    all
}
