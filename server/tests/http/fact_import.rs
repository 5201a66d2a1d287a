//! The attendance import behind the import page: staff check a file (nothing written),
//! import it (written once, the KPIs follow), and see every bad row; others are refused.

use axum::http::StatusCode;
use domain::{
    account::Role,
    sea_orm::{ConnectionTrait, Statement},
};
use serde_json::Value;

use crate::support::{apps, post_as, send, session_cookie, upload_as};

/// The page's upload of `csv`, an attendance file, checked or with `commit` imported.
fn upload(csv: &str, cookie: &str, commit: bool) -> axum::http::Request<axum::body::Body> {
    upload_as(
        "attendances",
        cookie,
        csv.as_bytes(),
        commit,
        "attendances.csv",
    )
}

async fn attendances(db: &domain::sea_orm::DatabaseConnection) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM attendances",
        ))
        .await
        .expect("count")
        .expect("row");
    row.try_get("", "n").expect("n")
}

#[tokio::test]
async fn staff_check_then_import_a_file_once_and_bad_rows_are_named() {
    for (db, app) in apps().await {
        let name = db.name;
        let staff = session_cookie(&db.conn, Role::Staff).await;
        // Two members of an event's cluster who did not attend it.
        let rows = db
            .conn
            .query_all_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "SELECT e.event_ref AS event_ref, m.member_number AS member_number FROM events e \
                 JOIN memberships ms ON ms.cluster_id = e.host_cluster_id \
                 JOIN members m ON m.id = ms.member_id \
                 WHERE e.status = 'held' AND NOT EXISTS (SELECT 1 FROM attendances a \
                 WHERE a.event_id = e.id AND a.member_id = m.id) \
                 ORDER BY e.id, m.id LIMIT 2",
            ))
            .await
            .expect("query");
        let mut csv = String::from("event_ref,member_number,joined_at\n");
        let mut members = Vec::new();
        for row in &rows {
            let event: String = row.try_get("", "event_ref").expect("event");
            let member: String = row.try_get("", "member_number").expect("member");
            csv.push_str(&format!("{event},{member},\n"));
            members.push(member);
        }
        let before = attendances(&db.conn).await;

        let (response, body) = send(&app, upload(&csv, &staff, false)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let report: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(report["created"], 2, "{name}: {body}");
        assert_eq!(report["imported"], false, "{name}");
        assert_eq!(
            attendances(&db.conn).await,
            before,
            "{name}: a check writes nothing"
        );

        let (_, body) = send(&app, upload(&csv, &staff, true)).await;
        let report: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(report["imported"], true, "{name}: {body}");
        assert_eq!(attendances(&db.conn).await, before + 2, "{name}");
        let (_, body) = send(&app, upload(&csv, &staff, true)).await;
        let report: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(report["unchanged"], 2, "{name}: {body}");
        assert_eq!(
            attendances(&db.conn).await,
            before + 2,
            "{name}: imported once"
        );

        // The history names the file and who imported it; a rollback undoes it once.
        let (response, body) = send(&app, post_as("/api/import/history", &staff, "")).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let history: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(history.as_array().map(Vec::len), Some(1), "{name}: {body}");
        assert_eq!(history[0]["source"], "attendances.csv", "{name}: {body}");
        assert_eq!(history[0]["created"], 2, "{name}: {body}");
        assert!(
            history[0]["by"]
                .as_str()
                .is_some_and(|by| by.contains("@example.test")),
            "{body}"
        );
        let id = history[0]["id"].as_i64().expect("an id");
        let (response, body) = send(
            &app,
            post_as("/api/import/roll-back", &staff, &format!("id={id}")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let undone: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(undone["removed"], 2, "{name}: {body}");
        assert_eq!(attendances(&db.conn).await, before, "{name}: rolled back");
        let (response, body) = send(
            &app,
            post_as("/api/import/roll-back", &staff, &format!("id={id}")),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {body}"
        );
        assert!(body.contains("was rolled back on"), "{body}");
        let (_, body) = send(&app, upload(&csv, &staff, true)).await;
        let report: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            report["created"], 2,
            "{name}: imported again after the rollback"
        );

        // A bad row: named, and the good one is not written either.
        let bad = format!("{csv}NO-SUCH-EVENT,{},\n", members[0]);
        let (_, body) = send(&app, upload(&bad, &staff, true)).await;
        let report: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(report["imported"], false, "{name}: {body}");
        assert_eq!(report["problem_count"], 1, "{name}: {body}");
        assert_eq!(report["problems"][0]["line"], 4, "{name}: {body}");
        assert_eq!(
            report["problems"][0]["column"], "event_ref",
            "{name}: {body}"
        );
        assert_eq!(attendances(&db.conn).await, before + 2, "{name}");

        // The same rows as a workbook: read like the CSV file (now all recorded).
        let xlsx = {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            for (r, line) in csv.lines().enumerate() {
                for (c, cell) in line.split(',').enumerate() {
                    sheet.write_string(r as u32, c as u16, cell).expect("cell");
                }
            }
            book.save_to_buffer().expect("xlsx")
        };
        let (response, body) = send(
            &app,
            upload_as("attendances", &staff, &xlsx, false, "attendances.xlsx"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let report: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(report["problem_count"], 0, "{name}: {body}");
        assert_eq!(report["unchanged"], 2, "{name}: {body}");

        // A leader may not import.
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let (response, _) = send(&app, upload(&csv, &leader, true)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
    }
}

#[tokio::test]
async fn staff_download_recorded_facts_in_the_import_columns_and_they_import_unchanged() {
    use crate::support::{get, get_as, send_bytes};

    for (db, app) in apps().await {
        let name = db.name;
        let staff = session_cookie(&db.conn, Role::Staff).await;
        for kind in [
            "members",
            "memberships",
            "dues_invoices",
            "events",
            "event_invitations",
            "attendances",
            "speakers",
            "goals",
            "board_seats",
            "board_terms",
            "service_projects",
            "partnerships",
            "media_items",
            "award_applications",
            "forums",
            "forum_memberships",
            "committees",
            "committee_members",
            "self_reports",
            "mentorships",
            "trainings",
            "budgets",
            "spendings",
            "referrals",
        ] {
            let (response, body) =
                send(&app, get_as(&format!("/exports/facts/{kind}.csv"), &staff)).await;
            assert_eq!(response.status(), StatusCode::OK, "{name} {kind}: {body}");
            let disposition = response.headers()[axum::http::header::CONTENT_DISPOSITION]
                .to_str()
                .expect("text");
            assert!(
                disposition.contains(&format!("{kind}.csv")),
                "{name}: {disposition}"
            );
            let facts = body.lines().count() as u64 - 1;
            assert!(facts > 0, "{name} {kind}: the demo has some");
            // Imported again, the export changes nothing.
            let (_, report) = send(
                &app,
                upload_as(kind, &staff, body.as_bytes(), false, "export.csv"),
            )
            .await;
            let report: Value = serde_json::from_str(&report).expect("JSON");
            assert_eq!(report["problem_count"], 0, "{name} {kind}: {report}");
            assert_eq!(report["unchanged"], facts, "{name} {kind}: {report}");
        }

        // The workbook has the kind's sheet, which the import finds.
        let (response, bytes) =
            send_bytes(&app, get_as("/exports/facts/events.xlsx", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        let (_, report) = send(
            &app,
            upload_as("events", &staff, &bytes, false, "events.xlsx"),
        )
        .await;
        let report: Value = serde_json::from_str(&report).expect("JSON");
        assert_eq!(report["problem_count"], 0, "{name}: {report}");
        assert_eq!(report["created"], 0, "{name}: {report}");

        // Others are kept out; an unknown kind is not found.
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let (response, _) = send(&app, get_as("/exports/facts/members.csv", &leader)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(&app, get("/exports/facts/members.csv")).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{name}: visitors sign in"
        );
        let (response, _) = send(&app, get_as("/exports/facts/sponsors.csv", &staff)).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{name}");
    }
}

#[tokio::test]
async fn an_upload_names_its_kind_and_mapping_and_needs_staff() {
    for (db, app) in apps().await {
        let name = db.name;
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let csv = b"event_ref,member_number\n";
        let (response, _) = send(&app, upload_as("sponsors", &staff, csv, false, "x.csv")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{name}");
        let (response, body) = send(&app, upload_as("attendances", "", csv, false, "x.csv")).await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{name}: {body}"
        );
        let request = axum::http::Request::post("/imports/attendances?mapping=%5Bnope")
            .header(axum::http::header::COOKIE, &staff)
            .body(axum::body::Body::from(csv.to_vec()))
            .expect("a request");
        let (response, body) = send(&app, request).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{name}");
        assert!(body.starts_with("mapping:"), "{name}: {body}");
        // A CRM's headers read through the mapping the page sends.
        let mapping = serde_json::json!([
            {"header": "Event", "column": "event_ref"},
            {"header": "Member", "column": "member_number"},
        ])
        .to_string();
        let request = axum::http::Request::post(format!(
            "/imports/attendances?mapping={}",
            mapping
                .bytes()
                .map(|b| format!("%{b:02X}"))
                .collect::<String>()
        ))
        .header(axum::http::header::COOKIE, &staff)
        .body(axum::body::Body::from("Event,Member\nNOPE,M000001\n"))
        .expect("a request");
        let (response, body) = send(&app, request).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let report: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            report["problems"][0]["column"], "event_ref",
            "{name}: {body}"
        );
        assert_eq!(report["imported"], false, "{name}: {body}");
    }
}

#[tokio::test]
async fn a_leader_downloads_their_own_clusters_facts_of_a_kind() {
    use crate::support::get_as;

    for (db, app) in apps().await {
        let name = db.name;
        let leader = session_cookie(&db.conn, Role::Leader).await;
        // The leader leads the first cluster; the second is another's.
        let codes = db
            .conn
            .query_all_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "SELECT id, code FROM clusters ORDER BY id LIMIT 2",
            ))
            .await
            .expect("clusters");
        let (own, own_code): (i32, String) = (
            codes[0].try_get("", "id").expect("id"),
            codes[0].try_get("", "code").expect("code"),
        );
        let other: i32 = codes[1].try_get("", "id").expect("id");

        for kind in ["goals", "media_items", "board_terms", "service_projects"] {
            let (response, body) = send(
                &app,
                get_as(&format!("/exports/facts/{kind}.csv?cluster={own}"), &leader),
            )
            .await;
            assert_eq!(response.status(), StatusCode::OK, "{name} {kind}: {body}");
            let mut lines = body.lines();
            let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
            let at = header
                .iter()
                .position(|c| *c == "cluster_code")
                .expect("a cluster column");
            let rows: Vec<&str> = lines.collect();
            assert!(!rows.is_empty(), "{name} {kind}: the demo has some");
            assert!(
                rows.iter()
                    .all(|row| row.split(',').nth(at) == Some(own_code.as_str())),
                "{name} {kind}: only the leader's cluster: {body}"
            );
        }
        // One kind of its events: the committee calls.
        let (_, body) = send(
            &app,
            get_as(
                &format!("/exports/facts/events.csv?cluster={own}&kind=committee_call"),
                &leader,
            ),
        )
        .await;
        let calls: Vec<&str> = body.lines().skip(1).collect();
        assert!(!calls.is_empty(), "{name}: {body}");
        assert!(
            calls
                .iter()
                .all(|row| row.split(',').nth(1) == Some("committee_call")),
            "{name}: {body}"
        );

        // Not another cluster's, not the whole organization's, not what no cluster holds.
        for path in [
            format!("/exports/facts/goals.csv?cluster={other}"),
            "/exports/facts/goals.csv".to_owned(),
        ] {
            let (response, _) = send(&app, get_as(&path, &leader)).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name} {path}");
        }
        let (response, _) = send(
            &app,
            get_as(
                &format!("/exports/facts/members.csv?cluster={own}"),
                &leader,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{name}");
    }
}
