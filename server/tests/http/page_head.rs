//! What a page asks the browser for first: the stylesheets and the chart script ahead of
//! the WASM, ECharts ahead only where a chart opens the page, and each chart's option in
//! its element, so the chart script can paint it before the app has loaded.

use domain::account::Role;

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

/// The preload of the ECharts bundle `name` served at `src`.
fn echarts_preload(src: &str, name: &str) -> String {
    format!(r#"<link rel="preload" href="{src}" as="script" data-echarts="{name}">"#)
}

/// The text of an HTML attribute value as the server escaped it.
fn unescaped(attribute: &str) -> String {
    attribute
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Where `needle` starts in `html`, named in the failure.
fn position(html: &str, needle: &str, page: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{page} has no {needle}"))
}

#[tokio::test]
async fn stylesheets_and_the_chart_script_come_before_the_wasm_and_echarts_only_where_charts_open_the_page()
 {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        // Each page preloads the bundle of the chart kinds it opens with, no more.
        for (page, bundle) in [
            ("/", echarts_preload("/echarts-trend.min.js", "trend")),
            (
                "/leaderboard?metric=active_member_share",
                echarts_preload("/echarts-ranking.min.js", "ranking"),
            ),
            (
                "/region?region=1",
                echarts_preload("/echarts-heatmap.min.js", "heatmap"),
            ),
            ("/scorecard", echarts_preload("/echarts.min.js", "all")),
        ] {
            let (_, html) = send(&app, get_as(page, &staff)).await;
            let wasm = position(&html, r#"<link rel="modulepreload""#, page);
            assert_eq!(
                html.matches(r#"<link rel="preload" href="/echarts"#)
                    .count(),
                1,
                "{}: {page}",
                db.name
            );
            for first in [
                r#"href="/pkg/memberpulse.css""#,
                r#"href="/theme.css""#,
                r#"<script id="chart-script" src="/charts.js" defer fetchpriority="high">"#,
                &bundle,
            ] {
                assert!(
                    position(&html, first, page) < wasm,
                    "{}: {first} comes after the WASM on {page}",
                    db.name
                );
            }
        }
        // Pages without a chart never fetch ECharts, but keep the script for later pages.
        for page in ["/validation", "/account", "/sign-in"] {
            let (_, html) = send(&app, get_as(page, &staff)).await;
            assert!(
                !html.contains(r#"<link rel="preload" href="/echarts"#),
                "{}: {page}",
                db.name
            );
            assert!(html.contains(r#"src="/charts.js""#), "{}: {page}", db.name);
        }
    }
}

#[tokio::test]
async fn a_charts_element_carries_the_option_the_server_function_returns() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let form = "query%5Bmetric%5D=active_member_share&query%5Bperiod%5D=2025\
                    &query%5Bregion%5D=all&query%5Bvalidated_only%5D=false";
        let (_, body) = send(&app, post_as("/api/leaderboard/get", &staff, form)).await;
        let board: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let option = board["chart"]["option"].as_str().expect("option");

        let page = "/leaderboard?metric=active_member_share&period=2025&region=all";
        let (_, html) = send(&app, get_as(page, &staff)).await;
        let start =
            position(&html, r#"data-chart-option=""#, page) + r#"data-chart-option=""#.len();
        let end = start + html[start..].find('"').expect("the attribute ends");
        assert_eq!(unescaped(&html[start..end]), option, "{}", db.name);
    }
}
