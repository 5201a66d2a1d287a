//! The metric explorer: staff see one metric over every region, or every cluster of a
//! region, and the periods of one grain; its cells, its trend and its download agree with
//! the stored values; region cells drill into the region, cluster cells into the
//! scorecard; bad choices are named.

use axum::http::StatusCode;
use domain::{
    account::Role,
    entity::region,
    kpi_values::{KpiFilter, KpiValueRow, KpiValues},
    sea_orm::{EntityTrait, QueryOrder},
};
use kpi::{MetricKey, RegionId, ScopeKind};

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

fn form(extra: &str) -> String {
    format!("query%5Bmetric%5D=forum_attendance&query%5Bvalidated_only%5D=false{extra}")
}

async fn stored(
    db: &domain::sea_orm::DatabaseConnection,
    scope_kind: ScopeKind,
    region: Option<i32>,
) -> Vec<KpiValueRow> {
    KpiValues::list(
        db,
        &KpiFilter {
            scope_kind: Some(scope_kind),
            metric: Some(MetricKey::parse("forum_attendance").expect("key")),
            region: region.map(RegionId),
            ..KpiFilter::default()
        },
    )
    .await
    .expect("values")
    .into_iter()
    .filter(|row| row.grain == "year")
    .collect()
}

/// The number in a table cell.
fn number(cell: &serde_json::Value) -> Option<f64> {
    cell["Number"]["value"].as_f64()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

#[tokio::test]
async fn regions_by_year_show_the_stored_values_and_drill_into_the_region() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) = send(
            &app,
            post_as("/api/explorer/get", &staff, &form("&query%5Bgrain%5D=year")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let explorer: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(explorer["region"], "", "{}: all regions", db.name);
        let heatmap = &explorer["heatmap"];
        let columns: Vec<&str> = heatmap["table"]["columns"]
            .as_array()
            .expect("columns")
            .iter()
            .skip(1)
            .map(|c| c.as_str().expect("text"))
            .collect();
        assert!(!columns.is_empty(), "{}", db.name);

        let regions = stored(&db.conn, ScopeKind::Region, None).await;
        let rows = heatmap["table"]["rows"].as_array().expect("rows");
        let names: Vec<(i32, String)> = region::Entity::find()
            .order_by_asc(region::Column::Name)
            .all(&db.conn)
            .await
            .expect("regions")
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        assert_eq!(rows.len(), names.len(), "{}: a row per region", db.name);
        for (row, (id, name)) in rows.iter().zip(&names) {
            assert_eq!(row[0]["Text"], name.as_str(), "{}", db.name);
            for (cell, period) in row.as_array().expect("cells").iter().skip(1).zip(&columns) {
                let expected = regions
                    .iter()
                    .find(|r| r.scope_id == *id && r.period == *period)
                    .and_then(KpiValueRow::counted);
                assert!(
                    close(number(cell), expected),
                    "{}: {name} {period}: {cell} vs {expected:?}",
                    db.name
                );
            }
        }
        let links = heatmap["links"].as_array().expect("links");
        assert!(!links.is_empty(), "{}", db.name);
        assert!(
            links.iter().all(|l| l.as_str().is_some_and(
                |l| l.starts_with("/explorer?metric=forum_attendance&grain=year&region=")
            )),
            "{}: {links:?}",
            db.name
        );

        // The trend is the organization's own value.
        let organization = stored(&db.conn, ScopeKind::Organization, None).await;
        for row in explorer["trend"]["table"]["rows"].as_array().expect("rows") {
            let period = row[0]["Text"].as_str().expect("period");
            let expected = organization
                .iter()
                .find(|r| r.period == period)
                .and_then(KpiValueRow::counted);
            assert!(close(number(&row[1]), expected), "{}: {period}", db.name);
        }
    }
}

#[tokio::test]
async fn a_regions_clusters_by_quarter_drill_into_their_scorecards_and_download() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) = send(
            &app,
            post_as("/api/explorer/get", &staff, &form("&query%5Bregion%5D=1")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let explorer: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            explorer["grain"], "quarter",
            "{}: the default grain",
            db.name
        );
        let columns = explorer["heatmap"]["table"]["columns"]
            .as_array()
            .expect("columns");
        assert!(
            columns.len() > 1 && columns.len() <= 13,
            "{}: {columns:?}",
            db.name
        );
        assert!(
            columns
                .iter()
                .skip(1)
                .all(|c| c.as_str().is_some_and(|c| c.contains("-Q"))),
            "{}: quarters: {columns:?}",
            db.name
        );
        let rows = explorer["heatmap"]["table"]["rows"]
            .as_array()
            .expect("rows");
        let clusters = stored(&db.conn, ScopeKind::Cluster, Some(1)).await;
        let in_region: std::collections::BTreeSet<i32> =
            clusters.iter().map(|r| r.scope_id).collect();
        assert_eq!(
            rows.len(),
            in_region.len(),
            "{}: a row per cluster",
            db.name
        );
        let links = explorer["heatmap"]["links"].as_array().expect("links");
        assert!(
            links.iter().all(|l| l
                .as_str()
                .is_some_and(|l| l.starts_with("/scorecard?cluster="))),
            "{}",
            db.name
        );

        let (response, csv) = send(
            &app,
            get_as(
                "/exports/charts/explorer-heatmap.csv?metric=forum_attendance&region=1",
                &staff,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {csv}", db.name);
        assert_eq!(csv.lines().count(), rows.len() + 1, "{}: {csv}", db.name);
    }
}

#[tokio::test]
async fn bad_choices_are_named_and_others_are_refused() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        for (extra, why) in [
            (
                "&query%5Bgrain%5D=decade",
                "periods \\\"decade\\\": use year, quarter or month",
            ),
            (
                "&query%5Bregion%5D=north",
                "region \\\"north\\\" is not a region",
            ),
        ] {
            let (response, body) =
                send(&app, post_as("/api/explorer/get", &staff, &form(extra))).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {body}",
                db.name
            );
            assert!(body.contains(why), "{}: {body}", db.name);
        }
        let (response, body) = send(
            &app,
            post_as(
                "/api/explorer/get",
                &staff,
                "query%5Bmetric%5D=no_such_metric&query%5Bvalidated_only%5D=false",
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {body}",
            db.name
        );
        assert!(body.contains("no_such_metric"), "{}: {body}", db.name);
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let (response, _) = send(&app, post_as("/api/explorer/get", &leader, &form(""))).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
    }
}
