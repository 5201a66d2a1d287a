//! The region view: staff see every cluster of a region on one metric group as a heatmap
//! of signals whose cells and counts agree with the stored values; others are refused;
//! bad choices are named; its download is the heatmap's table.

use axum::http::StatusCode;
use domain::{
    account::Role,
    kpi_values::{KpiFilter, KpiValues},
};
use kpi::{Period, RegionId, ScopeKind};

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn form(extra: &str) -> String {
    format!("query%5Bvalidated_only%5D=false{extra}")
}

#[tokio::test]
async fn staff_see_a_regions_signals_as_the_engine_stored_them() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) = send(
            &app,
            post_as(
                "/api/region/view",
                &staff,
                &form("&query%5Bperiod%5D=2025&query%5Bregion%5D=1&query%5Bgroup%5D=community"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let view: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(view["region"], "1", "{}", db.name);
        assert_eq!(view["group"], "community", "{}", db.name);
        let clusters = view["clusters"].as_array().expect("clusters");
        assert!(!clusters.is_empty(), "{}", db.name);

        // One heatmap cell per stored cluster value with a signal.
        let start = domain::kpi_engine::KpiEngine::fiscal_year_start(&db.conn)
            .await
            .expect("setting");
        let stored = KpiValues::list(
            &db.conn,
            &KpiFilter {
                period: Some(Period::parse("2025", start).expect("period")),
                scope_kind: Some(ScopeKind::Cluster),
                region: Some(RegionId(1)),
                group: Some("community".into()),
                ..KpiFilter::default()
            },
        )
        .await
        .expect("values");
        let signalled = stored
            .iter()
            .filter(|row| row.counted().is_some() && row.signal.is_some())
            .count();
        let chart = &view["heatmap"];
        let option: serde_json::Value =
            serde_json::from_str(chart["option"].as_str().expect("option")).expect("JSON");
        let cells = option["series"][0]["data"].as_array().expect("cells");
        assert_eq!(cells.len(), signalled, "{}", db.name);
        assert_eq!(
            chart["links"].as_array().map(Vec::len),
            Some(signalled),
            "{}: every cell drills into a scorecard",
            db.name
        );
        let counts = &view["counts"];
        let coloured = ["green", "amber", "red"]
            .iter()
            .map(|k| counts[k].as_u64().expect("count"))
            .sum::<u64>();
        assert_eq!(coloured as usize, signalled, "{}", db.name);
        let metrics = option["xAxis"]["data"]
            .as_array()
            .map(Vec::len)
            .expect("columns");
        assert_eq!(
            coloured + counts["none"].as_u64().expect("none"),
            (clusters.len() * metrics) as u64,
            "{}: every cell is counted once",
            db.name
        );
        assert_eq!(
            chart["table"]["rows"].as_array().map(Vec::len),
            Some(clusters.len()),
            "{}",
            db.name
        );

        // The download is the heatmap's table.
        let (response, csv) = send(
            &app,
            get_as(
                "/exports/charts/region-heatmap.csv?region=1&period=2025&group=community",
                &staff,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {csv}", db.name);
        assert_eq!(csv.lines().count(), clusters.len() + 1, "{}", db.name);
        assert!(csv.starts_with("Cluster,"), "{}: {csv}", db.name);

        // Bad choices are named.
        for (extra, named) in [
            ("&query%5Bregion%5D=north", "north"),
            ("&query%5Bgroup%5D=galaxy", "galaxy"),
            ("&query%5Bperiod%5D=someday", "someday"),
        ] {
            let (response, body) =
                send(&app, post_as("/api/region/view", &staff, &form(extra))).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {extra}: {body}",
                db.name
            );
            assert!(body.contains(named), "{}: {body}", db.name);
        }

        for role in [Role::Member, Role::Leader] {
            let cookie = session_cookie(&db.conn, role).await;
            let (response, body) =
                send(&app, post_as("/api/region/view", &cookie, &form(""))).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{}: {role:?}",
                db.name
            );
            assert!(!body.contains("heatmap"), "{}: nothing leaked", db.name);
        }
    }
}
