//! Dashboards as data over HTTP: staff create, change, copy and delete a dashboard through
//! the page's server functions, admins restore the shipped ones, and every widget draws
//! the same numbers as the page its chart comes from.

use axum::http::StatusCode;
use domain::{account::Role, entity::cluster, sea_orm::EntityTrait};

use crate::support::{apps_with_kpis, post_as, send, session_cookie};

/// A widget query's form: `chart` of `metric` on `scope` (`&query%5Bcluster%5D=3`).
fn widget_form(chart: &str, metric: &str, period: &str, scope: &str) -> String {
    format!(
        "query%5Bdashboard%5D=1&query%5Bwidget%5D%5Bchart%5D={chart}\
         &query%5Bwidget%5D%5Bmetric%5D={metric}\
         &query%5Bwidget%5D%5Bwidth%5D=Half&query%5Bperiod%5D={period}\
         &query%5Bvalidated_only%5D=false{scope}"
    )
}

/// A chart without its links, which on a dashboard lead to the dashboard itself.
fn drawn(chart: &serde_json::Value) -> serde_json::Value {
    let mut chart = chart.clone();
    if let Some(object) = chart.as_object_mut() {
        object.remove("links");
    }
    chart
}

/// A chart's links.
fn links(chart: &serde_json::Value) -> Vec<String> {
    chart["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| l.as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn call(app: &axum::Router, path: &str, cookie: &str, form: &str) -> serde_json::Value {
    let (response, body) = send(app, post_as(path, cookie, form)).await;
    assert_eq!(response.status(), StatusCode::OK, "{path} ({form}): {body}");
    serde_json::from_str(&body).expect("JSON")
}

#[tokio::test]
async fn each_widget_draws_what_the_page_it_comes_from_shows() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let dashboard = call(
            &app,
            "/api/dashboards/get",
            &staff,
            "query%5Bid%5D=1&query%5Bvalidated_only%5D=false",
        )
        .await;
        let period = dashboard["period"].as_str().expect("a period").to_owned();
        assert!(!period.is_empty(), "{}", db.name);
        let cluster = cluster::Entity::find()
            .all(&db.conn)
            .await
            .expect("clusters")
            .into_iter()
            .next()
            .expect("a cluster");
        let in_cluster = format!("&query%5Bcluster%5D={}", cluster.id);
        let in_region = format!("&query%5Bregion%5D={}", cluster.region_id);
        let validated = "&query%5Bvalidated_only%5D=false";

        // Ranking: the leaderboard of the cluster's region.
        let ranking = call(
            &app,
            "/api/dashboards/widget",
            &staff,
            &widget_form("Ranking", "forum_attendance", &period, &in_region),
        )
        .await;
        let leaderboard = call(
            &app,
            "/api/leaderboard/get",
            &staff,
            &format!(
                "query%5Bmetric%5D=forum_attendance&query%5Bperiod%5D={period}\
                 &query%5Bregion%5D={}{validated}",
                cluster.region_id
            ),
        )
        .await;
        assert_eq!(
            drawn(&ranking["Chart"]),
            drawn(&leaderboard["chart"]),
            "{}",
            db.name
        );
        // A bar leads to the same dashboard on that cluster, not away from it.
        let expected: Vec<String> = links(&leaderboard["chart"])
            .iter()
            .map(|l| l.replace("/scorecard?", "/dashboard?id=1&"))
            .collect();
        assert!(expected[0].contains("&cluster="), "{expected:?}");
        assert_eq!(links(&ranking["Chart"]), expected, "{}", db.name);

        // Trend and heatmap of the organization: the metric explorer at the period's grain.
        let grain = if period.contains('Q') {
            "quarter"
        } else if period.len() == 4 {
            "year"
        } else {
            "month"
        };
        let explorer = call(
            &app,
            "/api/explorer/get",
            &staff,
            &format!("query%5Bmetric%5D=renewal_rate&query%5Bgrain%5D={grain}{validated}"),
        )
        .await;
        let trend = call(
            &app,
            "/api/dashboards/widget",
            &staff,
            &widget_form("Trend", "renewal_rate", &period, ""),
        )
        .await;
        assert_eq!(
            drawn(&trend["Chart"]),
            drawn(&explorer["trend"]),
            "{}",
            db.name
        );
        let heatmap = call(
            &app,
            "/api/dashboards/widget",
            &staff,
            &widget_form("Heatmap", "renewal_rate", &period, ""),
        )
        .await;
        assert_eq!(
            drawn(&heatmap["Chart"]),
            drawn(&explorer["heatmap"]),
            "{}",
            db.name
        );
        // A region's row opens the dashboard on the region, in the period shown.
        for link in links(&heatmap["Chart"]) {
            assert!(
                link.starts_with("/dashboard?id=1&region=")
                    && link.ends_with(&format!("&period={period}")),
                "{}: {link}",
                db.name
            );
        }

        // A region's heatmap: the region view of the metric's group.
        let region_heatmap = call(
            &app,
            "/api/dashboards/widget",
            &staff,
            &widget_form("Heatmap", "renewal_rate", &period, &in_region),
        )
        .await;
        let region_view = call(
            &app,
            "/api/region/view",
            &staff,
            &format!(
                "query%5Bregion%5D={}&query%5Bperiod%5D={period}\
                 &query%5Bgroup%5D=cluster_leader{validated}",
                cluster.region_id
            ),
        )
        .await;
        assert_eq!(
            drawn(&region_heatmap["Chart"]),
            drawn(&region_view["heatmap"]),
            "{}",
            db.name
        );

        // Gauge, radar and trend of a cluster: its scorecard's charts of the metric.
        let scorecard = call(
            &app,
            "/api/scorecard/get",
            &staff,
            &format!(
                "query%5Bcluster%5D={}&query%5Bperiod%5D={period}\
                 &query%5Bmetric%5D=renewal_rate{validated}",
                cluster.id
            ),
        )
        .await;
        for (chart, field) in [
            ("Gauge", "gauge_chart"),
            ("Radar", "profile_chart"),
            ("Trend", "trend_chart"),
        ] {
            let widget = call(
                &app,
                "/api/dashboards/widget",
                &staff,
                &widget_form(chart, "renewal_rate", &period, &in_cluster),
            )
            .await;
            assert!(scorecard[field].is_object(), "{}: {field}", db.name);
            assert_eq!(
                drawn(&widget["Chart"]),
                drawn(&scorecard[field]),
                "{}: {chart}",
                db.name
            );
        }

        // A gauge without a cluster says what it needs instead of drawing nothing.
        let gauge = call(
            &app,
            "/api/dashboards/widget",
            &staff,
            &widget_form("Gauge", "renewal_rate", &period, ""),
        )
        .await;
        assert_eq!(gauge, "NeedsCluster", "{}", db.name);

        // A metric that is not in the catalogue is named.
        let (response, body) = send(
            &app,
            post_as(
                "/api/dashboards/widget",
                &staff,
                &widget_form("Trend", "no_such_metric", &period, ""),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert!(body.contains("no_such_metric"), "{body}");
    }
}

#[tokio::test]
async fn staff_build_change_copy_and_delete_and_admins_restore() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let id = call(&app, "/api/dashboards/create", &staff, "name=Dues+watch").await;
        let id = id.as_i64().expect("an id");

        let widgets = "&widgets%5B0%5D%5Bchart%5D=Ranking&widgets%5B0%5D%5Bmetric%5D=dues_on_time\
                       &widgets%5B0%5D%5Bwidth%5D=Full\
                       &widgets%5B1%5D%5Bchart%5D=Trend&widgets%5B1%5D%5Bmetric%5D=dues_reserved\
                       &widgets%5B1%5D%5Bwidth%5D=Third\
                       &widgets%5B1%5D%5Bscope%5D=organization&widgets%5B1%5D%5Bperiod%5D=previous";
        call(
            &app,
            "/api/dashboards/save",
            &staff,
            &format!("id={id}&name=Dues{widgets}"),
        )
        .await;
        let opened = call(
            &app,
            "/api/dashboards/get",
            &staff,
            &format!("query%5Bid%5D={id}&query%5Bvalidated_only%5D=false"),
        )
        .await;
        assert_eq!(opened["name"], "Dues", "{}", db.name);
        assert_eq!(
            opened["widgets"],
            serde_json::json!([
                // The first widget sent no pins: it follows the dashboard.
                { "chart": "Ranking", "metric": "dues_on_time", "width": "Full", "scope": "", "period": "" },
                {
                    "chart": "Trend", "metric": "dues_reserved", "width": "Third",
                    "scope": "organization", "period": "previous",
                },
            ]),
            "{}",
            db.name
        );

        // A bad widget and an empty name are refused together, and nothing changes.
        let (response, body) = send(
            &app,
            post_as(
                "/api/dashboards/save",
                &staff,
                &format!(
                    "id={id}&name=+&widgets%5B0%5D%5Bchart%5D=Gauge\
                     &widgets%5B0%5D%5Bmetric%5D=nope_metric&widgets%5B0%5D%5Bwidth%5D=Half"
                ),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert!(body.contains("name: give the dashboard a name"), "{body}");
        assert!(
            body.contains("chart 1: metric \\\"nope_metric\\\""),
            "{body}"
        );
        let list = call(&app, "/api/dashboards/list", &staff, "").await;
        let mine = list["dashboards"]
            .as_array()
            .expect("dashboards")
            .iter()
            .find(|d| d["id"] == id)
            .expect("listed")
            .clone();
        assert_eq!(mine["name"], "Dues");
        assert_eq!(mine["widget_count"], 2);
        assert_eq!(mine["shipped"], false);
        assert!(mine["changed"].as_str().expect("changed").contains("staff"));
        assert_eq!(list["can_restore"], false, "staff do not restore");

        let copy = call(&app, "/api/dashboards/copy", &staff, &format!("id={id}")).await;
        let copy = copy.as_i64().expect("an id");
        let copied = call(
            &app,
            "/api/dashboards/get",
            &staff,
            &format!("query%5Bid%5D={copy}&query%5Bvalidated_only%5D=false"),
        )
        .await;
        assert_eq!(copied["name"], "Dues (copy)");
        assert_eq!(copied["widgets"], opened["widgets"]);

        call(&app, "/api/dashboards/delete", &staff, &format!("id={id}")).await;
        let (response, _) = send(
            &app,
            post_as(
                "/api/dashboards/get",
                &staff,
                &format!("query%5Bid%5D={id}&query%5Bvalidated_only%5D=false"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", db.name);

        // A shipped dashboard deleted by staff comes back when an admin restores.
        call(&app, "/api/dashboards/delete", &staff, "id=1").await;
        let (response, _) = send(&app, post_as("/api/dashboards/restore", &staff, "")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        call(&app, "/api/dashboards/restore", &admin, "").await;
        let list = call(&app, "/api/dashboards/list", &admin, "").await;
        let names: Vec<&str> = list["dashboards"]
            .as_array()
            .expect("dashboards")
            .iter()
            .map(|d| d["name"].as_str().expect("name"))
            .collect();
        assert_eq!(
            names,
            [
                "Organization at a glance",
                "Region health",
                "Cluster profile",
                "Forum attendance across clusters",
                "Community and leaderboard",
                "Dues (copy)",
            ],
            "{}",
            db.name
        );
        assert_eq!(list["can_restore"], true);
    }
}
