//! Dashboards as data: the five shipped on a fresh install, created, copied, changed
//! (widgets added, moved, resized, removed), deleted and restored as they shipped; bad
//! names and widgets refused with nothing changed. On every test database.

mod support;

use chrono::{NaiveDate, NaiveDateTime};
use domain::DomainError;
use domain::dashboards::{
    DashboardId, Dashboards, WIDGETS_MAX, Widget, WidgetChart, WidgetPeriod, WidgetScope,
    WidgetWidth,
};
use domain::metric_editing::MetricEditing;
use domain::sea_orm::ConnectionTrait;
use kpi::{ClusterId, MetricKey, RegionId};

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn widget(chart: WidgetChart, metric: &str, width: WidgetWidth) -> Widget {
    Widget {
        chart,
        metric: MetricKey::parse(metric).expect("key"),
        width,
        scope: WidgetScope::Dashboard,
        period: WidgetPeriod::Dashboard,
    }
}

fn refused<T: std::fmt::Debug>(result: Result<T, DomainError>) -> String {
    match result {
        Err(DomainError::Refused(problems)) => problems.join("\n"),
        other => panic!("must be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn a_fresh_install_ships_five_dashboards_of_catalogue_metrics() {
    for db in support::databases().await {
        let all = Dashboards::list(&db.conn).await.expect("list");
        let keys: Vec<_> = all
            .iter()
            .filter_map(|d| d.shipped_key.as_deref())
            .collect();
        assert_eq!(
            keys,
            ["overview", "region", "cluster", "metric", "community"],
            "{}",
            db.name
        );
        let charts: Vec<WidgetChart> = all
            .iter()
            .flat_map(|d| d.widgets.iter().map(|w| w.chart))
            .collect();
        for chart in [
            WidgetChart::Trend,
            WidgetChart::Ranking,
            WidgetChart::Gauge,
            WidgetChart::Radar,
            WidgetChart::Heatmap,
        ] {
            assert!(charts.contains(&chart), "no shipped {chart:?}");
        }
        // Every shipped widget passes the checks a change must pass.
        for dashboard in &all {
            assert!(dashboard.updated_at.is_none());
            Dashboards::save(
                &db.conn,
                dashboard.id,
                &dashboard.name,
                dashboard.widgets.clone(),
                "check@example.test",
                now(),
            )
            .await
            .expect("shipped widgets are valid")
            .expect("found");
        }
    }
}

#[tokio::test]
async fn staff_build_copy_change_and_delete_a_dashboard() {
    for db in support::databases().await {
        let made = Dashboards::create(
            &db.conn,
            "  Dues watch ",
            vec![widget(
                WidgetChart::Ranking,
                "dues_on_time",
                WidgetWidth::Full,
            )],
            "staff@example.test",
            now(),
        )
        .await
        .expect("created");
        assert_eq!(made.name, "Dues watch");
        assert_eq!(made.updated_by.as_deref(), Some("staff@example.test"));

        // Add, then move the new widget first and make it narrower.
        let widgets = vec![
            widget(WidgetChart::Trend, "dues_reserved", WidgetWidth::Third),
            widget(WidgetChart::Ranking, "dues_on_time", WidgetWidth::Full),
        ];
        let changed = Dashboards::save(
            &db.conn,
            made.id,
            "Dues",
            widgets.clone(),
            "other@example.test",
            now(),
        )
        .await
        .expect("saved")
        .expect("found");
        assert_eq!(changed.widgets, widgets);
        let read = Dashboards::get(&db.conn, made.id)
            .await
            .expect("get")
            .expect("found");
        assert_eq!(read.widgets, widgets, "order and widths kept");
        assert_eq!(read.name, "Dues");
        assert_eq!(read.updated_by.as_deref(), Some("other@example.test"));

        let copy = Dashboards::copy(&db.conn, made.id, "Dues (copy)", "s@example.test", now())
            .await
            .expect("copied")
            .expect("found");
        assert_ne!(copy.id, made.id);
        assert_eq!(copy.widgets, widgets);
        assert!(copy.shipped_key.is_none());
        // Changing the copy leaves the original alone.
        Dashboards::save(&db.conn, copy.id, "Dues (copy)", Vec::new(), "s", now())
            .await
            .expect("saved")
            .expect("found");
        let original = Dashboards::get(&db.conn, made.id).await.expect("get");
        assert_eq!(original.expect("kept").widgets, widgets);

        assert!(Dashboards::delete(&db.conn, made.id).await.expect("delete"));
        assert!(
            Dashboards::get(&db.conn, made.id)
                .await
                .expect("get")
                .is_none()
        );
        assert!(!Dashboards::delete(&db.conn, made.id).await.expect("again"));
        let missing = DashboardId(made.id.0 + 1000);
        let none = Dashboards::save(&db.conn, missing, "x", Vec::new(), "s", now());
        assert!(none.await.expect("no error").is_none());
        let none = Dashboards::copy(&db.conn, missing, "x", "s", now());
        assert!(none.await.expect("no error").is_none());
    }
}

#[tokio::test]
async fn bad_names_and_widgets_are_refused_and_change_nothing() {
    for db in support::databases().await {
        let made = Dashboards::create(
            &db.conn,
            "Board",
            vec![widget(
                WidgetChart::Gauge,
                "board_seats_filled",
                WidgetWidth::Half,
            )],
            "s",
            now(),
        )
        .await
        .expect("created");
        let retired = MetricKey::parse("press_releases").expect("key");
        MetricEditing::set_retired(&db.conn, &retired, NaiveDate::from_ymd_opt(2026, 1, 1))
            .await
            .expect("retired");
        let problems = refused(
            Dashboards::save(
                &db.conn,
                made.id,
                "   ",
                vec![
                    widget(WidgetChart::Trend, "renewal_rate", WidgetWidth::Half),
                    widget(WidgetChart::Trend, "no_such_metric", WidgetWidth::Half),
                    widget(WidgetChart::Ranking, "press_releases", WidgetWidth::Full),
                ],
                "s",
                now(),
            )
            .await,
        );
        assert_eq!(
            problems,
            "name: give the dashboard a name\n\
             chart 2: metric \"no_such_metric\" is not in the catalogue\n\
             chart 3: metric \"press_releases\" is retired",
            "{}",
            db.name
        );
        let long = "x".repeat(81);
        let too_many =
            vec![widget(WidgetChart::Trend, "renewal_rate", WidgetWidth::Third); WIDGETS_MAX + 1];
        let problems =
            refused(Dashboards::save(&db.conn, made.id, &long, too_many, "s", now()).await);
        assert_eq!(
            problems,
            "name: at most 80 characters\nwidgets: at most 24 charts on one dashboard, not 25"
        );
        let kept = Dashboards::get(&db.conn, made.id)
            .await
            .expect("get")
            .expect("found");
        assert_eq!(kept.name, "Board");
        assert_eq!(kept.widgets.len(), 1);
        refused(Dashboards::create(&db.conn, "", Vec::new(), "s", now()).await);
        assert_eq!(Dashboards::list(&db.conn).await.expect("list").len(), 6);
    }
}

#[tokio::test]
async fn restoring_puts_the_shipped_dashboards_back_and_keeps_those_staff_built() {
    for db in support::databases().await {
        let shipped = Dashboards::list(&db.conn).await.expect("list");
        let own = Dashboards::create(
            &db.conn,
            "Mine",
            vec![widget(
                WidgetChart::Radar,
                "forum_attendance",
                WidgetWidth::Half,
            )],
            "s",
            now(),
        )
        .await
        .expect("created");
        // One shipped dashboard changed, one deleted.
        Dashboards::save(&db.conn, shipped[0].id, "Renamed", Vec::new(), "s", now())
            .await
            .expect("saved")
            .expect("found");
        assert!(
            Dashboards::delete(&db.conn, shipped[1].id)
                .await
                .expect("deleted")
        );

        Dashboards::restore_shipped(&db.conn)
            .await
            .expect("restored");
        let restored = Dashboards::list(&db.conn).await.expect("list");
        let as_shipped = |d: &domain::dashboards::Dashboard| {
            (
                d.name.clone(),
                d.shipped_key.clone(),
                d.widgets.clone(),
                d.updated_at,
            )
        };
        assert_eq!(
            restored[..5].iter().map(as_shipped).collect::<Vec<_>>(),
            shipped.iter().map(as_shipped).collect::<Vec<_>>(),
            "{}",
            db.name
        );
        assert_eq!(restored.len(), 6);
        let kept = &restored[5];
        assert_eq!(
            (kept.id, &kept.name, &kept.widgets),
            (own.id, &own.name, &own.widgets),
            "staff's own dashboard kept"
        );
    }
}

#[tokio::test]
async fn widgets_keep_their_pinned_scope_and_period_and_bad_pins_are_refused() {
    for db in support::databases().await {
        for sql in [
            "INSERT INTO regions (id, code, name) VALUES (1, 'R1', 'North')",
            "INSERT INTO clusters (id, code, name, region_id, city, founded_on) \
             VALUES (1, 'A', 'Alpha', 1, 'Aa', '2020-01-01')",
        ] {
            db.conn.execute_unprepared(sql).await.expect("organization");
        }
        let pinned = vec![
            Widget {
                scope: WidgetScope::Region(RegionId(1)),
                period: WidgetPeriod::Previous,
                ..widget(WidgetChart::Trend, "renewal_rate", WidgetWidth::Half)
            },
            Widget {
                scope: WidgetScope::Cluster(ClusterId(1)),
                period: WidgetPeriod::Fixed("2025-Q3".into()),
                ..widget(WidgetChart::Gauge, "forum_attendance", WidgetWidth::Third)
            },
            Widget {
                scope: WidgetScope::Organization,
                period: WidgetPeriod::YearEarlier,
                ..widget(WidgetChart::Ranking, "renewal_rate", WidgetWidth::Full)
            },
            widget(WidgetChart::Heatmap, "renewal_rate", WidgetWidth::Full),
        ];
        let made = Dashboards::create(&db.conn, "Pinned", pinned.clone(), "s", now())
            .await
            .expect("created");
        let read = Dashboards::get(&db.conn, made.id)
            .await
            .expect("get")
            .expect("found");
        assert_eq!(read.widgets, pinned, "{}", db.name);

        let bad = vec![
            Widget {
                scope: WidgetScope::Region(RegionId(9)),
                ..widget(WidgetChart::Trend, "renewal_rate", WidgetWidth::Half)
            },
            Widget {
                scope: WidgetScope::Cluster(ClusterId(9)),
                ..widget(WidgetChart::Gauge, "renewal_rate", WidgetWidth::Half)
            },
            Widget {
                period: WidgetPeriod::Fixed("2025-Q5".into()),
                ..widget(WidgetChart::Ranking, "renewal_rate", WidgetWidth::Half)
            },
        ];
        let problems =
            refused(Dashboards::save(&db.conn, made.id, "Pinned", bad, "s", now()).await);
        let lines: Vec<&str> = problems.lines().collect();
        assert_eq!(lines.len(), 3, "{problems}");
        assert_eq!(lines[0], "chart 1: there is no region 9");
        assert_eq!(lines[1], "chart 2: there is no cluster 9");
        assert!(
            lines[2].starts_with("chart 3: period \"2025-Q5\": "),
            "{problems}"
        );
        let kept = Dashboards::get(&db.conn, made.id)
            .await
            .expect("get")
            .expect("found");
        assert_eq!(kept.widgets, pinned);
    }
}
