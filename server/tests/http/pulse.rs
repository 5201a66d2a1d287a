//! The organization's pulse on the overview: its signal counts are the stored cluster
//! values' signals, the clusters most on track come first and open their scorecards, the
//! key metrics' trends are the organization's stored numbers; the `overview_metrics`
//! setting picks the key metrics; others are refused.

use axum::http::StatusCode;
use domain::{
    account::Role,
    entity::setting,
    kpi_engine::KpiEngine,
    kpi_values::{KpiFilter, KpiValueRow, KpiValues},
    sea_orm::{ActiveModelTrait, Set},
};
use kpi::{Period, ScopeKind};

use crate::support::{apps, apps_with_kpis, get_as, post_as, send, session_cookie};

const FORM: &str = "query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=false";

#[tokio::test]
async fn before_the_first_recompute_there_is_no_pulse_and_an_asked_period_counts_nothing() {
    for (db, app) in apps().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let newest = "query%5Bvalidated_only%5D=false";
        let (response, body) = send(&app, post_as("/api/organization/pulse", &staff, newest)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        assert_eq!(body, "null", "{}", db.name);
        let (response, body) = send(&app, post_as("/api/organization/pulse", &staff, FORM)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let pulse: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(pulse["period"], "2025", "{}", db.name);
        assert_eq!(pulse["counts"]["green"], 0, "{}", db.name);
    }
}

#[tokio::test]
async fn the_pulse_counts_the_stored_signals_and_ranks_clusters_by_their_share_on_track() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) = send(&app, post_as("/api/organization/pulse", &staff, FORM)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let pulse: serde_json::Value = serde_json::from_str(&body).expect("JSON");

        let start = KpiEngine::fiscal_year_start(&db.conn)
            .await
            .expect("setting");
        let stored = KpiValues::list(
            &db.conn,
            &KpiFilter {
                period: Some(Period::parse("2025", start).expect("period")),
                scope_kind: Some(ScopeKind::Cluster),
                ..KpiFilter::default()
            },
        )
        .await
        .expect("values");
        let mut expected = [0u64; 4];
        for row in &stored {
            let index = match row.signal.filter(|_| row.counted().is_some()) {
                Some(kpi::Signal::Green) => 0,
                Some(kpi::Signal::Amber) => 1,
                Some(kpi::Signal::Red) => 2,
                None => 3,
            };
            expected[index] += 1;
        }
        let counts = &pulse["counts"];
        let shown = ["green", "amber", "red", "none"].map(|k| counts[k].as_u64().expect("count"));
        assert_eq!(shown, expected, "{}", db.name);

        // Best first: the share on track falls down the top list and rises up the bottom.
        let share = |entry: &serde_json::Value| {
            let c = &entry["counts"];
            let green = c["green"].as_f64().expect("green");
            green / (green + c["amber"].as_f64().expect("amber") + c["red"].as_f64().expect("red"))
        };
        let top = pulse["top"].as_array().expect("top");
        let bottom = pulse["bottom"].as_array().expect("bottom");
        assert!(!top.is_empty() && !bottom.is_empty(), "{}", db.name);
        assert!(
            top.windows(2).all(|w| share(&w[0]) >= share(&w[1])),
            "{}",
            db.name
        );
        assert!(
            bottom.windows(2).all(|w| share(&w[0]) <= share(&w[1])),
            "{}",
            db.name
        );
        assert!(share(&top[0]) >= share(&bottom[0]), "{}", db.name);
        let href = top[0]["href"].as_str().expect("href");
        assert!(
            href.starts_with("/scorecard?cluster="),
            "{}: {href}",
            db.name
        );
        let (response, _) = send(&app, get_as(href, &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);

        // The key metrics' trends are the organization's own quarterly numbers.
        let trends = pulse["trends"].as_array().expect("trends");
        assert_eq!(
            trends.len(),
            4,
            "{}: the first four obligatory metrics",
            db.name
        );
        let organization: Vec<KpiValueRow> = KpiValues::list(
            &db.conn,
            &KpiFilter {
                scope_kind: Some(ScopeKind::Organization),
                ..KpiFilter::default()
            },
        )
        .await
        .expect("values");
        for trend in trends {
            let metric = trend["metric"].as_str().expect("metric");
            let rows = trend["chart"]["table"]["rows"].as_array().expect("rows");
            assert!(!rows.is_empty() && rows.len() <= 8, "{}: {metric}", db.name);
            for row in rows {
                let quarter = row[0]["Text"].as_str().expect("period");
                assert!(quarter.contains("-Q"), "{}: {quarter}", db.name);
                let expected = organization
                    .iter()
                    .find(|r| r.metric == metric && r.period == quarter)
                    .and_then(KpiValueRow::counted);
                let shown = row[1]["Number"]["value"].as_f64();
                let same = match (shown, expected) {
                    (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                    (a, b) => a.is_none() && b.is_none(),
                };
                assert!(
                    same,
                    "{}: {metric} {quarter}: {shown:?} vs {expected:?}",
                    db.name
                );
            }
        }

        // The overview page carries the pulse.
        let (response, html) = send(&app, get_as("/?period=2025", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(
            html.contains(r#"data-testid="top-clusters""#),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn a_setting_picks_the_key_metrics_and_others_are_refused() {
    for (db, app) in apps_with_kpis().await {
        setting::ActiveModel {
            key: Set("overview_metrics".into()),
            value: Set("volunteer_hours, forum_attendance".into()),
        }
        .insert(&db.conn)
        .await
        .expect("setting");
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (_, body) = send(&app, post_as("/api/organization/pulse", &staff, FORM)).await;
        let pulse: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let metrics: Vec<&str> = pulse["trends"]
            .as_array()
            .expect("trends")
            .iter()
            .map(|t| t["metric"].as_str().expect("metric"))
            .collect();
        assert_eq!(
            metrics,
            ["volunteer_hours", "forum_attendance"],
            "{}",
            db.name
        );

        let (response, csv) = send(
            &app,
            get_as(
                "/exports/charts/overview-trend.csv?metric=forum_attendance&period=2025",
                &staff,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {csv}", db.name);
        assert!(csv.lines().count() > 1, "{}: {csv}", db.name);

        let (response, body) = send(
            &app,
            post_as(
                "/api/organization/pulse",
                &staff,
                "query%5Bperiod%5D=soon&query%5Bvalidated_only%5D=false",
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {body}",
            db.name
        );
        for role in [Role::Leader, Role::Member] {
            let cookie = session_cookie(&db.conn, role).await;
            let (response, _) = send(&app, post_as("/api/organization/pulse", &cookie, FORM)).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{} {role:?}",
                db.name
            );
        }
    }
}

#[tokio::test]
async fn the_pulse_follows_a_decision_at_once() {
    const VALIDATED: &str = "query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=true";
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let counts = |form: &'static str| {
            let (app, staff) = (app.clone(), staff.clone());
            async move {
                let (response, body) =
                    send(&app, post_as("/api/organization/pulse", &staff, form)).await;
                assert_eq!(response.status(), StatusCode::OK, "{body}");
                let pulse: serde_json::Value = serde_json::from_str(&body).expect("JSON");
                ["green", "amber", "red", "none"]
                    .map(|k| pulse["counts"][k].as_u64().expect("count"))
            }
        };
        // Nothing is validated yet: on validated values alone, no value has a signal.
        let all = counts(FORM).await;
        let validated = counts(VALIDATED).await;
        assert_eq!(validated[..3], [0, 0, 0], "{}: {validated:?}", db.name);
        assert_eq!(validated[3], all.iter().sum::<u64>(), "{}", db.name);

        let (response, body) = send(
            &app,
            post_as(
                "/api/validation/decide",
                &staff,
                "request%5Bperiod%5D=2025&request%5Bkind%5D=Validate&request%5Bbulk%5D=true",
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        // Every value validated: the same counts on validated values as on all.
        assert_eq!(counts(VALIDATED).await, all, "{}", db.name);
        assert_eq!(counts(FORM).await, all, "{}", db.name);
    }
}
