//! Chart downloads: the numbers behind a chart as CSV and XLSX, computed by the page's own
//! server function, so they match the screen and obey the same roles: staff any cluster,
//! a member only their own cluster's trend, visitors sent to sign in; bad choices named.

use axum::http::{StatusCode, header};
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, send_bytes, session_cookie};

/// Whether two columns of numbers agree (JSON parsing may differ in the last digit).
fn same_numbers(a: &[Option<f64>], b: &[Option<f64>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|pair| match pair {
            (Some(x), Some(y)) => (x - y).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        })
}

/// The numbers of a chart table's rows as the server function sent them.
fn table_numbers(chart: &serde_json::Value, column: usize) -> Vec<Option<f64>> {
    chart["table"]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| row[column]["Number"]["value"].as_f64())
        .collect()
}

#[tokio::test]
async fn the_leaderboard_download_holds_the_charts_numbers() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let form = "query%5Bmetric%5D=active_member_share&query%5Bperiod%5D=2025\
                    &query%5Bvalidated_only%5D=false";
        let (_, body) = send(&app, post_as("/api/leaderboard/get", &staff, form)).await;
        let board: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let chart = &board["chart"];
        assert_eq!(chart["kind"], "Ranking", "{}", db.name);
        let download = &chart["download"];
        let href = format!(
            "{}.csv?{}",
            download["path"].as_str().expect("path"),
            download["query"].as_str().expect("query")
        );
        assert_eq!(
            href,
            "/exports/charts/leaderboard.csv?metric=active_member_share&period=2025&region=all",
            "{}",
            db.name
        );
        // The option draws one bar per cluster, best first, with the green line.
        let option: serde_json::Value =
            serde_json::from_str(chart["option"].as_str().expect("option")).expect("option JSON");
        assert_eq!(
            option["series"][0]["data"].as_array().map(Vec::len),
            Some(12),
            "{}",
            db.name
        );
        assert!(option["series"][0]["markLine"].is_object(), "{}", db.name);
        assert_eq!(
            chart["links"].as_array().map(Vec::len),
            Some(12),
            "{}: every bar drills into its scorecard",
            db.name
        );

        let (response, csv) = send(&app, get_as(&href, &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {csv}", db.name);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/csv; charset=utf-8",
            "{}",
            db.name
        );
        assert!(
            response.headers()[header::CONTENT_DISPOSITION]
                .to_str()
                .is_ok_and(|d| d.contains("leaderboard.csv")),
            "{}",
            db.name
        );
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("Rank,Cluster,Region,Value,Signal"),
            "{}",
            db.name
        );
        let values: Vec<Option<f64>> = lines
            .map(|line| line.split(',').nth(3).and_then(|v| v.parse().ok()))
            .collect();
        let shown = table_numbers(chart, 3);
        assert!(
            same_numbers(&values, &shown),
            "{}: the chart's numbers: {values:?} {shown:?}",
            db.name
        );

        let (response, bytes) =
            send_bytes(&app, get_as(&href.replace(".csv", ".xlsx"), &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(bytes.starts_with(b"PK"), "{}: a workbook", db.name);
    }
}

#[tokio::test]
async fn trend_downloads_obey_the_scorecards_roles() {
    for (db, app) in apps_with_kpis().await {
        let member = session_cookie(&db.conn, Role::Member).await;
        let form = "query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=false\
                    &query%5Bmetric%5D=forum_attendance";
        let (response, body) = send(&app, post_as("/api/scorecard/get", &member, form)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let card: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(card["charted_metric"], "forum_attendance", "{}", db.name);
        let own = card["cluster"].as_i64().expect("cluster");
        let chart = &card["trend_chart"];
        assert_eq!(chart["kind"], "Trend", "{}", db.name);
        let href = format!(
            "{}.csv?{}",
            chart["download"]["path"].as_str().expect("path"),
            chart["download"]["query"].as_str().expect("query")
        );
        let (response, csv) = send(&app, get_as(&href, &member)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {csv}", db.name);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("Period,Value"), "{}", db.name);
        let values: Vec<Option<f64>> = lines
            .map(|line| line.split(',').nth(1).and_then(|v| v.parse().ok()))
            .collect();
        let shown = table_numbers(chart, 1);
        assert!(
            same_numbers(&values, &shown),
            "{}: {values:?} {shown:?}",
            db.name
        );
        assert!(
            values.iter().any(Option::is_some),
            "{}: numbers, not blanks",
            db.name
        );

        // The gauge and the profile of the same metric come with the scorecard.
        assert_eq!(card["gauge_chart"]["kind"], "Gauge", "{}", db.name);
        let profile = &card["profile_chart"];
        assert_eq!(profile["kind"], "Radar", "{}", db.name);
        let rows = profile["table"]["rows"]
            .as_array()
            .map(Vec::len)
            .expect("rows");
        assert!(rows >= 3, "{}: a metric group has several metrics", db.name);
        for (chart, header, lines) in [
            ("scorecard-gauge", "Metric,Value", 4),
            (
                "scorecard-profile",
                "Metric,This cluster,Region median,Similar-size clusters (median)",
                rows,
            ),
        ] {
            let (response, csv) = send(
                &app,
                get_as(
                    &format!("/exports/charts/{chart}.csv?period=2025&metric=forum_attendance"),
                    &member,
                ),
            )
            .await;
            assert_eq!(
                response.status(),
                StatusCode::OK,
                "{}: {chart}: {csv}",
                db.name
            );
            assert_eq!(csv.lines().next(), Some(header), "{}: {chart}", db.name);
            assert_eq!(csv.lines().count(), lines + 1, "{}: {chart}", db.name);
        }

        // Another cluster's trend is refused, and nothing leaks.
        let other = if own == 1 { 2 } else { 1 };
        let (response, body) = send(
            &app,
            get_as(
                &format!("/exports/charts/scorecard-trend.csv?cluster={other}&period=2025&metric=forum_attendance"),
                &member,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        assert!(!body.contains("Period"), "{}: {body}", db.name);

        // Visitors sign in first; unknown charts and formats are not there; bad choices
        // are named.
        let (response, _) = send(&app, get_as(&href, "")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", db.name);
        for path in [
            "/exports/charts/nothing.csv",
            "/exports/charts/leaderboard.pdf",
            "/exports/charts/leaderboard",
        ] {
            let (response, _) = send(&app, get_as(path, &member)).await;
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "{}: {path}",
                db.name
            );
        }
        let (response, body) = send(
            &app,
            get_as(
                "/exports/charts/leaderboard.csv?metric=no_such_metric",
                &member,
            ),
        )
        .await;
        assert!(response.status().is_client_error(), "{}", db.name);
        assert!(body.contains("no_such_metric"), "{}: {body}", db.name);
        let (response, body) = send(
            &app,
            get_as("/exports/charts/scorecard-trend.csv?cluster=abc", &member),
        )
        .await;
        assert!(response.status().is_client_error(), "{}", db.name);
        assert!(body.contains("cluster"), "{}: {body}", db.name);
    }
}
