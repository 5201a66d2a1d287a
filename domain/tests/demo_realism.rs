//! The demo organization is worth exploring: clusters differ, and some change over time.
//! Measured with plain SQL over the written facts, independent of any KPI code.

mod support;

use chrono::NaiveDate;
use domain::{
    demo::{self, DemoConfig},
    sea_orm::{ConnectionTrait, DatabaseConnection, Statement},
};

fn config() -> DemoConfig {
    DemoConfig {
        // 100 members a cluster: enough invitations that rates move by trend, not noise.
        members: 4_000,
        clusters: 40,
        regions: 4,
        years: 3,
        seed: 42,
        until: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date"),
    }
}

/// `(cluster, value)` rows of a query.
async fn per_cluster(db: &DatabaseConnection, sql: &str) -> Vec<(i32, f64)> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .expect("query runs");
    rows.iter()
        .map(|row| {
            let cluster: i32 = row.try_get("", "cluster_id").expect("cluster_id");
            let value: f64 = row.try_get("", "value").expect("value");
            (cluster, value)
        })
        .collect()
}

fn spread(values: &[(i32, f64)]) -> f64 {
    let max = values.iter().map(|v| v.1).fold(f64::MIN, f64::max);
    let min = values.iter().map(|v| v.1).fold(f64::MAX, f64::min);
    max - min
}

#[tokio::test]
async fn clusters_differ_and_some_improve_while_others_decline() {
    for db in support::databases().await {
        let data = demo::generate(&config(), &mut |_| {}).expect("generates");
        demo::write(&db.conn, data, &mut |_, _| {})
            .await
            .expect("writes");
        let conn = &db.conn;

        let renewal = per_cluster(conn, "
            SELECT cluster_id, CAST(1.0 * SUM(CASE WHEN renewal_outcome = 'renewed' THEN 1 ELSE 0 END) / COUNT(*) AS DOUBLE PRECISION) AS value
            FROM memberships
            WHERE renewal_due_on >= '2025-01-01' AND renewal_due_on <= '2025-12-31'
              AND renewal_outcome IN ('renewed', 'lapsed')
            GROUP BY cluster_id HAVING COUNT(*) >= 10").await;
        assert!(
            renewal.len() >= 30,
            "{}: renewal rates for most clusters",
            db.name
        );
        assert!(
            spread(&renewal) > 0.12,
            "{}: renewal rates barely differ: {renewal:?}",
            db.name
        );

        let forum_attendance = per_cluster(
            conn,
            "
            SELECT e.host_cluster_id AS cluster_id, CAST(1.0 * COUNT(a.id) / COUNT(i.id) AS DOUBLE PRECISION) AS value
            FROM events e
            JOIN event_invitations i ON i.event_id = e.id
            LEFT JOIN attendances a ON a.event_id = e.id AND a.member_id = i.member_id
            WHERE e.kind = 'forum_meeting' AND e.status = 'held'
              AND e.scheduled_start >= '2025-01-01' AND e.scheduled_start < '2026-01-01'
            GROUP BY e.host_cluster_id",
        )
        .await;
        assert!(
            spread(&forum_attendance) > 0.2,
            "{}: forum attendance barely differs",
            db.name
        );

        let dues_on_time = per_cluster(conn, "
            SELECT cluster_id, CAST(1.0 * SUM(CASE WHEN paid_on <= due_on THEN 1 ELSE 0 END) / COUNT(*) AS DOUBLE PRECISION) AS value
            FROM dues_invoices WHERE due_on >= '2025-01-01' AND due_on <= '2025-12-31'
            GROUP BY cluster_id HAVING COUNT(*) >= 5").await;
        assert!(
            spread(&dues_on_time) > 0.1,
            "{}: dues punctuality barely differs",
            db.name
        );

        // Forum attendance from January to October, 2024 against 2026: with hundreds of
        // invitations a cluster, noise moves a rate by about 0.02; trends move it far more.
        let attendance_in = |year: i32| {
            format!(
                "
                SELECT e.host_cluster_id AS cluster_id,
                       CAST(1.0 * COUNT(a.id) / COUNT(i.id) AS DOUBLE PRECISION) AS value
                FROM events e
                JOIN event_invitations i ON i.event_id = e.id
                LEFT JOIN attendances a ON a.event_id = e.id AND a.member_id = i.member_id
                WHERE e.kind = 'forum_meeting' AND e.status = 'held'
                  AND e.scheduled_start >= '{year}-01-01' AND e.scheduled_start < '{year}-11-01'
                GROUP BY e.host_cluster_id HAVING COUNT(i.id) >= 200"
            )
        };
        let before = per_cluster(conn, &attendance_in(2024)).await;
        let after = per_cluster(conn, &attendance_in(2026)).await;
        let changes: Vec<f64> = after
            .iter()
            .filter_map(|(cluster, now)| {
                before
                    .iter()
                    .find(|(c, _)| c == cluster)
                    .map(|(_, then)| now - then)
            })
            .collect();
        assert!(
            changes.len() >= 30,
            "{}: too few comparable clusters: {before:?} {after:?}",
            db.name
        );
        assert!(
            changes.iter().any(|d| *d >= 0.06),
            "{}: no cluster improved: {changes:?}",
            db.name
        );
        assert!(
            changes.iter().any(|d| *d <= -0.06),
            "{}: no cluster declined: {changes:?}",
            db.name
        );
    }
}
