//! Cluster scorecards over HTTP: staff open any cluster, a leader only theirs, a member
//! only the cluster they belong to (another cluster's id is refused, nothing leaked), a
//! visitor none; the page renders the numbers the server function returns. Leaderboards
//! for everyone, participation for members only.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn query(cluster: Option<i32>) -> String {
    let mut form = "query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=false".to_owned();
    if let Some(cluster) = cluster {
        form.push_str(&format!("&query%5Bcluster%5D={cluster}"));
    }
    form
}

fn lines(card: &serde_json::Value) -> Vec<&serde_json::Value> {
    card["groups"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|g| g["lines"].as_array().into_iter().flatten())
        .collect()
}

#[tokio::test]
async fn each_role_reads_only_the_scorecards_it_may() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) =
            send(&app, post_as("/api/scorecard/get", &staff, &query(Some(2)))).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let card: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(card["cluster"], 2, "{}", db.name);
        assert_eq!(
            card["clusters"].as_array().map(Vec::len),
            Some(12),
            "{}",
            db.name
        );
        assert!(
            lines(&card).len() >= 27,
            "{}: every obligatory metric",
            db.name
        );
        assert!(
            lines(&card)
                .iter()
                .all(|l| l["explain_href"].is_string() || l["status"].is_null()),
            "{}: staff may explain every stored number",
            db.name
        );

        // The test leader leads cluster 1.
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let (response, body) =
            send(&app, post_as("/api/scorecard/get", &leader, &query(None))).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let card: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(card["cluster"], 1, "{}", db.name);
        assert_eq!(
            card["clusters"].as_array().map(Vec::len),
            Some(0),
            "{}",
            db.name
        );
        let (response, body) = send(
            &app,
            post_as("/api/scorecard/get", &leader, &query(Some(2))),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        assert!(
            !body.contains("forum_attendance"),
            "{}: no data leaked",
            db.name
        );

        let member = session_cookie(&db.conn, Role::Member).await;
        let (response, body) =
            send(&app, post_as("/api/scorecard/get", &member, &query(None))).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let card: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let own = card["cluster"].as_i64().expect("a cluster");
        assert!(
            lines(&card).iter().all(|l| l["explain_href"].is_null()),
            "{}: members never see fact rows",
            db.name
        );
        let other = if own == 1 { 2 } else { 1 };
        let (response, body) = send(
            &app,
            post_as("/api/scorecard/get", &member, &query(Some(other as i32))),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        assert!(
            !body.contains("forum_attendance"),
            "{}: no data leaked",
            db.name
        );

        let (response, _) = send(&app, post_as("/api/scorecard/get", "", &query(None))).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{}", db.name);
    }
}

#[tokio::test]
async fn the_page_shows_the_numbers_of_the_server_function() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (_, body) = send(&app, post_as("/api/scorecard/get", &staff, &query(Some(3)))).await;
        let card: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let (response, html) = send(&app, get_as("/scorecard?cluster=3&period=2025", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("Cluster scorecard"), "{}", db.name);
        let label = card["cluster_label"].as_str().expect("label");
        assert!(html.contains(label), "{}: {label}", db.name);
        for line in lines(&card) {
            let value = line["value_text"].as_str().expect("text");
            if !value.is_empty() {
                assert!(
                    html.contains(value),
                    "{}: {} {value}",
                    db.name,
                    line["metric"]
                );
            }
        }

        let (response, _) = send(&app, get_as("/scorecard", "")).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{}: visitors sign in",
            db.name
        );
    }
}

#[tokio::test]
async fn leaderboards_rank_clusters_and_mark_the_readers_own() {
    for (db, app) in apps_with_kpis().await {
        let form = |extra: &str| {
            format!(
                "query%5Bmetric%5D=active_member_share&query%5Bperiod%5D=2025\
                 &query%5Bvalidated_only%5D=false{extra}"
            )
        };
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) = send(&app, post_as("/api/leaderboard/get", &staff, &form(""))).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let board: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            board["region"], "all",
            "{}: staff start with the organization",
            db.name
        );
        let entries = board["entries"].as_array().expect("entries");
        assert_eq!(entries.len(), 12, "{}", db.name);
        // Ranks ascend, so numbers descend (a higher share is better).
        let ranks: Vec<i64> = entries.iter().filter_map(|e| e["rank"].as_i64()).collect();
        assert!(
            ranks.windows(2).all(|w| w[0] <= w[1]),
            "{}: {ranks:?}",
            db.name
        );
        assert!(
            board["own_summary"].is_null(),
            "{}: staff have no cluster",
            db.name
        );

        // The member's region by default, their cluster marked, and only its scorecard linked.
        let member = session_cookie(&db.conn, Role::Member).await;
        let (response, body) =
            send(&app, post_as("/api/leaderboard/get", &member, &form(""))).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let board: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_ne!(board["region"], "all", "{}", db.name);
        let entries = board["entries"].as_array().expect("entries");
        let own: Vec<&serde_json::Value> = entries.iter().filter(|e| e["own"] == true).collect();
        assert_eq!(own.len(), 1, "{}", db.name);
        assert!(
            board["own_summary"]
                .as_str()
                .is_some_and(|s| s.starts_with("Your cluster ranks")),
            "{}: {}",
            db.name,
            board["own_summary"]
        );
        assert!(
            entries
                .iter()
                .all(|e| e["scorecard_href"].is_null() == (e["own"] == false)),
            "{}: only their own scorecard is linked",
            db.name
        );

        let (response, _) = send(
            &app,
            post_as(
                "/api/leaderboard/get",
                &member,
                &form("&query%5Bregion%5D=999"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", db.name);
        let (response, body) = send(
            &app,
            post_as(
                "/api/leaderboard/get",
                &member,
                "query%5Bmetric%5D=nonsense&query%5Bvalidated_only%5D=false",
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(body.contains("nonsense"), "{}: {body}", db.name);

        let (response, html) = send(
            &app,
            get_as(
                "/leaderboard?metric=active_member_share&period=2025",
                &member,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("Your cluster ranks"), "{}", db.name);
    }
}

#[tokio::test]
async fn members_read_only_their_own_participation() {
    for (db, app) in apps_with_kpis().await {
        let member = session_cookie(&db.conn, Role::Member).await;
        let (response, body) = send(
            &app,
            post_as("/api/participation/mine", &member, "period=2025"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let mine: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            mine["metrics"].as_array().map(Vec::len),
            Some(7),
            "{}",
            db.name
        );

        // Each year lists exactly the events the member was invited to or attended.
        let mut listed = 0;
        for year in ["2024", "2025", "2026"] {
            let (_, body) = send(
                &app,
                post_as(
                    "/api/participation/mine",
                    &member,
                    &format!("period={year}"),
                ),
            )
            .await;
            let mine: serde_json::Value = serde_json::from_str(&body).expect("JSON");
            let shown = mine["events"].as_array().map_or(0, Vec::len);
            assert_eq!(
                shown,
                events_of_test_member(&db.conn, year).await,
                "{}: {year}",
                db.name
            );
            listed += shown;
        }
        assert!(
            listed > 0,
            "{}: the demo member takes part in something",
            db.name
        );

        // Nobody else has a participation page: it is the member's own by construction.
        for role in [Role::Staff, Role::Leader] {
            let cookie = session_cookie(&db.conn, role).await;
            let (response, _) = send(
                &app,
                post_as("/api/participation/mine", &cookie, "period=2025"),
            )
            .await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{}: {role:?}",
                db.name
            );
        }
        let (response, _) = send(&app, post_as("/api/participation/mine", "", "period=2025")).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{}", db.name);

        let (response, body) = send(
            &app,
            post_as("/api/participation/mine", &member, "period=last-tuesday"),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(body.contains("last-tuesday"), "{}: {body}", db.name);

        let (response, html) = send(&app, get_as("/me/participation?period=2025", &member)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("My participation"), "{}", db.name);
    }
}

/// How many events the test member (the first member of cluster 1) was invited to or
/// attended in fiscal `year`, counted straight from the fact tables.
async fn events_of_test_member(db: &domain::sea_orm::DatabaseConnection, year: &str) -> usize {
    use domain::sea_orm::{ConnectionTrait, Statement};

    let start = domain::kpi_engine::KpiEngine::fiscal_year_start(db)
        .await
        .expect("setting");
    let period = kpi::Period::parse(year, start).expect("period");
    let from = period.first_day().format("%Y-%m-%d 00:00:00");
    let after = (period.last_day() + chrono::TimeDelta::days(1)).format("%Y-%m-%d 00:00:00");
    let cast = match db.get_database_backend() {
        domain::sea_orm::DbBackend::Postgres => "::timestamp",
        _ => "",
    };
    let sql = format!(
        "SELECT COUNT(*) AS n FROM events e WHERE e.scheduled_start >= '{from}'{cast} \
         AND e.scheduled_start < '{after}'{cast} AND e.id IN ( \
           SELECT event_id FROM event_invitations WHERE member_id = (SELECT MIN(member_id) FROM memberships WHERE cluster_id = 1) \
           UNION SELECT event_id FROM attendances WHERE member_id = (SELECT MIN(member_id) FROM memberships WHERE cluster_id = 1))"
    );
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("query")
        .expect("a row");
    let n: i64 = row.try_get("", "n").expect("a count");
    usize::try_from(n).expect("a count")
}
