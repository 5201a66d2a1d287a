//! Staff limited to a region: they read and decide within their region, are refused
//! (403, nothing leaked, nothing changed) outside it, get only their region's rows in
//! queues and exports, and cannot do what changes every region.

use axum::http::StatusCode;
use domain::{
    entity::{cluster, membership, region},
    kpi_values::{KpiFilter, KpiValues},
    sea_orm::{ColumnTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder},
};
use kpi::{ClusterId, MetricKey, Period, ScopeKind};

use crate::support::{apps_with_kpis, get_as, post_as, regional_staff_cookie, send};

fn scorecard(cluster: i32) -> String {
    format!("query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=false&query%5Bcluster%5D={cluster}")
}

fn region_view(region: i32) -> String {
    format!(
        "query%5Bvalidated_only%5D=false&query%5Bperiod%5D=2025&query%5Bregion%5D={region}&query%5Bgroup%5D=community"
    )
}

fn decide(cluster: i32) -> String {
    format!(
        "request%5Bperiod%5D=2025&request%5Bkind%5D=Validate&request%5Bmetric%5D=forum_attendance\
         &request%5Bcluster%5D={cluster}&request%5Bbulk%5D=false"
    )
}

#[tokio::test]
async fn staff_limited_to_a_region_work_only_within_it() {
    for (db, app) in apps_with_kpis().await {
        let clusters = cluster::Entity::find()
            .order_by_asc(cluster::Column::Id)
            .all(&db.conn)
            .await
            .expect("clusters");
        let own = clusters[0].clone();
        let other = clusters
            .iter()
            .find(|c| c.region_id != own.region_id)
            .expect("a cluster of another region")
            .clone();
        let own_region = region::Entity::find_by_id(own.region_id)
            .one(&db.conn)
            .await
            .expect("query")
            .expect("the region");
        let staff = regional_staff_cookie(&db.conn, own.region_id).await;
        let name = &db.name;

        // Scorecards: their region's clusters, and only those in the picker.
        let (response, body) = send(
            &app,
            post_as("/api/scorecard/get", &staff, &scorecard(own.id)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let card: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let picker: Vec<&str> = card["clusters"]
            .as_array()
            .expect("clusters")
            .iter()
            .filter_map(|c| c["value"].as_str())
            .collect();
        let own_ids: Vec<String> = clusters
            .iter()
            .filter(|c| c.region_id == own.region_id)
            .map(|c| c.id.to_string())
            .collect();
        assert_eq!(picker, own_ids, "{name}");
        let (response, body) = send(
            &app,
            post_as("/api/scorecard/get", &staff, &scorecard(other.id)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        assert!(!body.contains(&other.name), "{name}: {body}");

        // The region view of their region only.
        let (response, body) = send(
            &app,
            post_as("/api/region/view", &staff, &region_view(own.region_id)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let (response, _) = send(
            &app,
            post_as("/api/region/view", &staff, &region_view(other.region_id)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // The validation queue lists their region alone; another region is refused.
        let (response, body) = send(
            &app,
            post_as(
                "/api/validation/queue",
                &staff,
                "filter%5Bperiod%5D=2025&filter%5Bshow%5D=All&filter%5Bpage%5D=0",
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let queue: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let rows = queue["rows"].as_array().expect("rows");
        assert!(!rows.is_empty(), "{name}");
        assert!(
            rows.iter()
                .all(|r| r["region_name"] == own_region.name.as_str()),
            "{name}: {rows:?}"
        );
        let regions = queue["regions"].as_array().expect("regions");
        assert_eq!(regions.len(), 1, "{name}: {regions:?}");
        let (response, _) = send(
            &app,
            post_as(
                "/api/validation/queue",
                &staff,
                &format!(
                    "filter%5Bperiod%5D=2025&filter%5Bshow%5D=All&filter%5Bpage%5D=0&filter%5Bregion%5D={}",
                    other.region_id
                ),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // Deciding: their cluster's value, not another region's, not every region at once.
        let (response, body) = send(
            &app,
            post_as("/api/validation/decide", &staff, &decide(other.id)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}: {body}");
        let start = domain::kpi_engine::KpiEngine::fiscal_year_start(&db.conn)
            .await
            .expect("setting");
        let status_of = |cluster: i32| {
            let conn = db.conn.clone();
            async move {
                KpiValues::list(
                    &conn,
                    &KpiFilter {
                        period: Some(Period::parse("2025", start).expect("period")),
                        scope_kind: Some(ScopeKind::Cluster),
                        metric: Some(MetricKey::parse("forum_attendance").expect("key")),
                        cluster: Some(ClusterId(cluster)),
                        ..KpiFilter::default()
                    },
                )
                .await
                .expect("values")[0]
                    .status
                    .clone()
            }
        };
        assert_eq!(status_of(other.id).await, "computed", "{name}");
        let (response, body) = send(
            &app,
            post_as("/api/validation/decide", &staff, &decide(own.id)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        assert_eq!(status_of(own.id).await, "validated", "{name}");
        let (response, _) = send(
            &app,
            post_as(
                "/api/validation/decide",
                &staff,
                "request%5Bperiod%5D=2025&request%5Bkind%5D=Validate&request%5Bbulk%5D=true",
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        assert_eq!(status_of(other.id).await, "computed", "{name}");

        // Member facts: a member of their region, not of another (members of each cluster
        // at the end of June 2025).
        let june = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).expect("a day");
        let member_in = |cluster: i32| {
            let conn = db.conn.clone();
            async move {
                membership::Entity::find()
                    .filter(membership::Column::ClusterId.eq(cluster))
                    .filter(membership::Column::StartDate.lte(june))
                    .filter(
                        membership::Column::EndDate
                            .is_null()
                            .or(membership::Column::EndDate.gte(june)),
                    )
                    .order_by_asc(membership::Column::MemberId)
                    .one(&conn)
                    .await
                    .expect("query")
                    .expect("a member in June 2025")
                    .member_id
            }
        };
        let theirs = member_in(own.id).await;
        let (response, body) = send(
            &app,
            post_as(
                "/api/participation/member",
                &staff,
                &format!("member={theirs}&period=2025-06"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let elsewhere = member_in(other.id).await;
        let (response, _) = send(
            &app,
            post_as(
                "/api/participation/member",
                &staff,
                &format!("member={elsewhere}&period=2025-06"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // Self-reports of another region are refused.
        let (response, _) = send(
            &app,
            post_as(
                "/api/self-reports/queue",
                &staff,
                &format!("region={}", other.region_id),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // The export holds their region's clusters alone.
        let (response, body) =
            send(&app, get_as("/exports/kpi-values.csv?period=2025", &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let exported: Vec<&str> = body
            .lines()
            .skip(1)
            .filter_map(|line| line.split(',').nth(1))
            .collect();
        assert!(!exported.is_empty(), "{name}");
        assert!(
            exported
                .iter()
                .all(|id| own_ids.iter().any(|own| own == id)),
            "{name}: {exported:?}"
        );
        let (response, _) = send(
            &app,
            get_as(
                &format!(
                    "/exports/kpi-values.csv?period=2025&region={}",
                    other.region_id
                ),
                &staff,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");

        // What changes every region needs the whole organization.
        let (response, _) = send(&app, post_as("/api/import/kinds", &staff, "")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let (response, _) = send(
            &app,
            post_as(
                "/api/validation/close-period",
                &staff,
                "period=2025&restate=false",
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
    }
}
