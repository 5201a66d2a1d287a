//! The staff validation workflow and the metric catalogue over HTTP: the queue page, a
//! decision, the explanation, saving metrics (refused and accepted), and role checks.

use axum::http::StatusCode;
use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

#[tokio::test]
async fn staff_validate_a_value_and_see_it_explained_with_its_history() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, html) = send(
            &app,
            get_as("/validation?period=2025&group=cluster", &staff),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(html.contains("Validation queue"), "{}", db.name);
        assert!(
            html.contains("queue-table__row"),
            "{}: rows are rendered",
            db.name
        );
        assert!(html.contains("values await a decision"), "{}", db.name);

        let (response, body) = send(
            &app,
            post_as("/api/validation/decide", &staff, DECIDE_VALIDATE),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        assert_eq!(body.trim(), "1", "{}: one value changed", db.name);

        // A rejection without a reason is refused, saying why, and changes nothing.
        let (response, body) = send(
            &app,
            post_as(
                "/api/validation/decide",
                &staff,
                "request%5Bperiod%5D=2025&request%5Bkind%5D=Reject&request%5Bmetric%5D=forum_attendance\
                 &request%5Bcluster%5D=1&request%5Breason%5D=&request%5Bbulk%5D=false",
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(body.contains("a reason is required"), "{}: {body}", db.name);

        let (response, html) = send(
            &app,
            get_as(
                "/validation/explain?metric=forum_attendance&period=2025&cluster=1",
                &staff,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(
            html.contains("Numerator: the number of `invitations`"),
            "{}",
            db.name
        );
        assert!(
            html.contains("data-source=\"invitations\""),
            "{}: fact rows",
            db.name
        );
        assert!(
            html.contains("Test Staff"),
            "{}: the decision is in the history",
            db.name
        );
        assert!(html.contains("Validated"), "{}", db.name);
        assert!(html.contains("Data completeness"), "{}", db.name);
    }
}

#[tokio::test]
async fn a_bad_metric_definition_is_refused_with_reasons_and_a_good_one_is_computed() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let form = |key: &str, definition: &str| {
            format!(
                "existing=&form%5Bkey%5D={key}&form%5Bname%5D=Speaker+count&form%5Bdescription%5D=&form%5Bgroup%5D=cluster\
                 &form%5Bunit%5D=count&form%5Blower_is_better%5D=false&form%5Bgreen%5D=4&form%5Bamber%5D=2\
                 &form%5Bobligatory%5D=false&form%5Byearly_only%5D=false&form%5Bowner%5D=\
                 &form%5Bretired%5D=false&form%5Bdefinition%5D={}",
                urlencode(definition)
            )
        };
        let bad = r#"{"kind":"count","measure":{"source":"speeches","aggregate":{"fn":"count"},"placement":{"rule":"always"}}}"#;
        let (response, body) = send(
            &app,
            post_as("/api/metrics/save", &staff, &form("speaker_count", bad)),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {body}",
            db.name
        );
        assert!(
            body.contains("speeches"),
            "{}: names the unknown source: {body}",
            db.name
        );
        let (_, html) = send(&app, get_as("/metrics", &staff)).await;
        assert!(
            !html.contains("speaker_count"),
            "{}: nothing saved",
            db.name
        );

        let good = r#"{"kind":"count","measure":{"source":"speakers","aggregate":{"fn":"count"},"placement":{"rule":"date_in_period","field":"scheduled_start"}}}"#;
        let (response, body) = send(
            &app,
            post_as("/api/metrics/save", &staff, &form("speaker_count", good)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let saved: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(saved["version"], 1, "{}", db.name);
        assert!(
            saved["values"].as_u64().unwrap_or(0) > 0,
            "{}: computed: {body}",
            db.name
        );
        let (_, html) = send(&app, get_as("/metrics", &staff)).await;
        assert!(html.contains("speaker_count"), "{}: listed", db.name);
    }
}

#[tokio::test]
async fn members_and_leaders_get_no_staff_data() {
    for (db, app) in apps_with_kpis().await {
        for role in [Role::Member, Role::Leader] {
            let cookie = session_cookie(&db.conn, role).await;
            for (uri, form) in [
                ("/api/validation/decide", DECIDE_VALIDATE),
                (
                    "/api/validation/explain",
                    "metric=forum_attendance&period=2025&cluster=1",
                ),
                ("/api/metrics/list", ""),
                ("/api/metrics/retire", "key=forum_attendance&retired=true"),
            ] {
                let (response, body) = send(&app, post_as(uri, &cookie, form)).await;
                assert_eq!(
                    response.status(),
                    StatusCode::FORBIDDEN,
                    "{} {role:?} {uri}",
                    db.name
                );
                assert!(!body.contains("invitations"), "{}: no data leaked", db.name);
            }
        }
    }
}

const DECIDE_VALIDATE: &str = "request%5Bperiod%5D=2025&request%5Bkind%5D=Validate\
    &request%5Bmetric%5D=forum_attendance&request%5Bcluster%5D=1&request%5Bbulk%5D=false";

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Every row of every page of the queue for `filter` (form fields after `filter[page]`),
/// as (cluster, metric), with the total and the awaiting count the first page reports.
async fn queue_pages(
    app: &axum::Router,
    staff: &str,
    filter: &str,
) -> (Vec<(i64, String)>, u64, u64) {
    let mut rows = Vec::new();
    let (mut total, mut awaiting) = (0, 0);
    for page in 0.. {
        let (response, body) = send(
            app,
            post_as(
                "/api/validation/queue",
                staff,
                &format!("filter%5Bpage%5D={page}&{filter}"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{body}");
        let queue: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        total = queue["total"].as_u64().expect("total");
        awaiting = queue["awaiting"].as_u64().expect("awaiting");
        let page_rows = queue["rows"].as_array().expect("rows");
        rows.extend(page_rows.iter().map(|r| {
            (
                r["cluster"].as_i64().expect("cluster"),
                r["metric"].as_str().expect("metric").to_owned(),
            )
        }));
        let page_size = queue["page_size"].as_u64().expect("page size");
        if (page + 1) * page_size >= total {
            break;
        }
    }
    (rows, total, awaiting)
}

#[tokio::test]
async fn the_queue_pages_hold_every_value_once_in_region_cluster_and_metric_order() {
    use domain::{
        entity::{cluster, region},
        kpi_values::{KpiFilter, KpiValues},
        metric_catalogue::MetricCatalogue,
        sea_orm::EntityTrait,
    };
    use kpi::{FiscalYearStart, Period, ScopeKind};

    for (db, app) in apps_with_kpis().await {
        let name = &db.name;
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let regions: std::collections::HashMap<i32, String> = region::Entity::find()
            .all(&db.conn)
            .await
            .expect("regions")
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        let clusters: std::collections::HashMap<i32, cluster::Model> = cluster::Entity::find()
            .all(&db.conn)
            .await
            .expect("clusters")
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let catalogue = MetricCatalogue::all(&db.conn).await.expect("catalogue");
        // What the queue must hold: the period's cluster values of the group and
        // statuses, by region name, cluster code and the catalogue's order.
        let expected = |group: Option<&str>, statuses: &[&str]| {
            let filter = KpiFilter {
                period: Some(Period::parse("2025", FiscalYearStart::default()).expect("period")),
                scope_kind: Some(ScopeKind::Cluster),
                group: group.map(str::to_owned),
                statuses: statuses.iter().map(|s| (*s).to_owned()).collect(),
                ..KpiFilter::default()
            };
            let db = db.conn.clone();
            let regions = regions.clone();
            let clusters = clusters.clone();
            let catalogue_keys: Vec<String> = catalogue.iter().map(|m| m.key.to_string()).collect();
            async move {
                let mut rows = KpiValues::list(&db, &filter).await.expect("values");
                rows.sort_by_key(|row| {
                    let c = &clusters[&row.scope_id];
                    (
                        regions[&c.region_id].clone(),
                        c.code.clone(),
                        c.id,
                        catalogue_keys.iter().position(|k| *k == row.metric),
                    )
                });
                let awaiting = rows
                    .iter()
                    .filter(|r| matches!(r.status.as_str(), "computed" | "stale"))
                    .count() as u64;
                let rows: Vec<(i64, String)> = rows
                    .into_iter()
                    .map(|r| (i64::from(r.scope_id), r.metric))
                    .collect();
                (rows, awaiting)
            }
        };

        // Validate one value, so "awaiting" and "decided" differ.
        let (response, body) = send(
            &app,
            post_as("/api/validation/decide", &staff, DECIDE_VALIDATE),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");

        let (all, all_awaiting) = expected(None, &[]).await;
        assert!(all.len() > 200, "{name}: several pages ({})", all.len());
        let (rows, total, awaiting) =
            queue_pages(&app, &staff, "filter%5Bperiod%5D=2025&filter%5Bshow%5D=All").await;
        assert_eq!(total, all.len() as u64, "{name}");
        assert_eq!(awaiting, all_awaiting, "{name}");
        assert_eq!(all_awaiting + 1, total, "{name}: one value decided");
        assert_eq!(rows, all, "{name}: every page in order");

        let (community, _) = expected(Some("community"), &["computed", "stale"]).await;
        let (rows, total, _) = queue_pages(
            &app,
            &staff,
            "filter%5Bperiod%5D=2025&filter%5Bshow%5D=Awaiting&filter%5Bgroup%5D=community",
        )
        .await;
        assert!(!community.is_empty(), "{name}");
        assert_eq!(total, community.len() as u64, "{name}");
        assert_eq!(
            rows, community,
            "{name}: a group's awaiting values in order"
        );
    }
}
