//! List downloads: admins get the accounts, staff the import history and the metric
//! catalogue as CSV or XLSX,
//! the rows the pages show in the reader's language; other roles are refused, visitors
//! sent to sign in.

use axum::http::{StatusCode, header};
use domain::account::Role;

use crate::support::{apps, get_as, send, send_bytes, session_cookie, upload_as};

#[tokio::test]
async fn admins_download_the_accounts_and_staff_the_import_history() {
    for (db, app) in apps().await {
        let name = db.name;
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let leader = session_cookie(&db.conn, Role::Leader).await;

        let (response, body) = send(&app, get_as("/exports/lists/users.csv", &admin)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        assert!(
            response.headers()[header::CONTENT_DISPOSITION]
                .to_str()
                .is_ok_and(|d| d.contains("users.csv")),
            "{name}"
        );
        let mut lines = body.lines();
        assert_eq!(
            lines.next(),
            Some("Name,E-mail address,Role,Cluster,Member,Region,Status"),
            "{name}"
        );
        let rows: Vec<&str> = lines.collect();
        // Every account the test made, each with its role in words; staff see all regions.
        assert!(rows.len() >= 3, "{name}: {body}");
        assert!(
            rows.iter()
                .any(|r| r.contains(",Admin,") && r.ends_with(",Active")),
            "{name}: {body}"
        );
        assert!(
            rows.iter()
                .any(|r| r.contains(",Staff,") && r.contains("All regions")),
            "{name}: {body}"
        );
        // A leader's row names their cluster.
        assert!(
            rows.iter().any(|r| {
                let cells: Vec<&str> = r.split(',').collect();
                cells.get(2) == Some(&"Cluster leader")
                    && cells.get(3).is_some_and(|c| !c.is_empty())
            }),
            "{name}: {body}"
        );
        // In the reader's language.
        let request = axum::http::Request::get("/exports/lists/users.csv")
            .header(header::COOKIE, &admin)
            .header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9")
            .body(axum::body::Body::empty())
            .expect("request");
        let (_, german) = send(&app, request).await;
        assert!(
            german.starts_with("Name,E-Mail-Adresse,Rolle,"),
            "{name}: {german}"
        );
        // Staff do not administer accounts.
        let (response, _) = send(&app, get_as("/exports/lists/users.csv", &staff)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // An import, then the history's download names it with its counts.
        let csv = "member_number,first_name,last_name,email\nLIST-1,Ada,Lovelace,ada@example.org\n";
        let (response, body) = send(
            &app,
            upload_as("members", &staff, csv.as_bytes(), true, "crm-members.csv"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let (response, body) = send(&app, get_as("/exports/lists/imports.csv", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let mut lines = body.lines();
        assert_eq!(
            lines.next(),
            Some("When,Kind,Source,By,Rows,New,Changed,Status"),
            "{name}"
        );
        let newest = lines.next().expect("the import");
        assert!(
            newest.contains(",Members,crm-members.csv,") && newest.ends_with(",1,1,0,In place"),
            "{name}: {newest}"
        );
        let (response, bytes) =
            send_bytes(&app, get_as("/exports/lists/imports.xlsx", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert!(bytes.starts_with(b"PK"), "{name}: a workbook");
        // The metric catalogue, every shipped metric with its thresholds as numbers.
        let (response, body) = send(&app, get_as("/exports/lists/metrics.csv", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let mut lines = body.lines();
        assert_eq!(
            lines.next(),
            Some("Key,Metric,Kind,Group,Unit,Green from,Amber from,Owner,Version,Description"),
            "{name}"
        );
        let metrics: Vec<&str> = lines.collect();
        assert!(metrics.len() >= 49, "{name}: {} metrics", metrics.len());
        assert!(
            metrics
                .iter()
                .any(|r| r.starts_with("forum_attendance,") && r.contains(",Obligatory,")),
            "{name}: {body}"
        );
        let (response, _) = send(&app, get_as("/exports/lists/metrics.csv", &leader)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        // Leaders do not import; visitors sign in first; other lists are not there.
        let (response, _) = send(&app, get_as("/exports/lists/imports.csv", &leader)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(&app, get_as("/exports/lists/imports.csv", "")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{name}");
        for path in ["/exports/lists/nothing.csv", "/exports/lists/users.pdf"] {
            let (response, _) = send(&app, get_as(path, &admin)).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{name} {path}");
        }
    }
}

#[tokio::test]
async fn tokens_dashboards_and_the_report_queue_download_with_the_pages_filters() {
    use domain::sea_orm::{ConnectionTrait, Statement};

    for (db, app) in apps().await {
        let name = db.name;
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let staff = session_cookie(&db.conn, Role::Staff).await;

        // The tokens, with the secret's first characters only.
        crate::support::api_token(&db.conn, domain::entity::api_token::ApiAccess::Write).await;
        let (response, body) = send(&app, get_as("/exports/lists/api-tokens.csv", &admin)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let mut lines = body.lines();
        assert_eq!(
            lines.next(),
            Some("Integration,Access,Token,Created,Last used,Status"),
            "{name}"
        );
        let token = lines.next().expect("a token");
        assert!(token.contains(",Read and write,mpk_"), "{name}: {token}");
        assert!(token.ends_with(",Never,Active"), "{name}: {token}");
        let (response, _) = send(&app, get_as("/exports/lists/api-tokens.csv", &staff)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // The dashboards, the shipped ones first.
        let (response, body) = send(&app, get_as("/exports/lists/dashboards.csv", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let mut lines = body.lines();
        assert_eq!(lines.next(), Some("Name,Shipped,Charts,Changed"), "{name}");
        assert!(
            lines.next().is_some_and(|row| row.contains(",Yes,")),
            "{name}: {body}"
        );

        // The whole queue, past its first page, and by region as the page filters it.
        let waiting = |sql: String| {
            let conn = db.conn.clone();
            async move {
                conn.query_one_raw(Statement::from_string(conn.get_database_backend(), sql))
                    .await
                    .expect("query")
                    .expect("a row")
                    .try_get::<i64>("", "n")
                    .expect("n") as usize
            }
        };
        let (response, body) = send(&app, get_as("/exports/lists/self-reports.csv", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        assert_eq!(
            body.lines().next(),
            Some("Member,Cluster,Month,Kind,Hours,Description,Sent on"),
            "{name}"
        );
        let all = body.lines().count() - 1;
        assert_eq!(
            all,
            waiting("SELECT COUNT(*) AS n FROM self_reports WHERE status = 'submitted'".into())
                .await,
            "{name}: every report waiting"
        );
        assert!(all > 50, "{name}: more than a page ({all})");
        let (_, body) = send(
            &app,
            get_as("/exports/lists/self-reports.csv?region=1", &staff),
        )
        .await;
        assert_eq!(
            body.lines().count() - 1,
            waiting(
                "SELECT COUNT(*) AS n FROM self_reports r JOIN clusters c ON c.id = r.cluster_id \
                 WHERE r.status = 'submitted' AND c.region_id = 1"
                    .into()
            )
            .await,
            "{name}: the region's reports"
        );
    }
}
