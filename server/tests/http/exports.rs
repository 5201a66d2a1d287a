//! The KPI values download: staff get the CSV or XLSX of what the validation queue shows (every
//! page, the same filters), exactly the rows the engine stored; members and leaders are
//! refused, visitors sent to sign in, bad filters named.

use axum::http::{StatusCode, header};
use domain::account::Role;
use domain::kpi_values::{KpiFilter, KpiValues};
use kpi::{Period, RegionId, ScopeKind};

use crate::support::{apps_with_kpis, get_as, send, send_bytes, session_cookie};

#[tokio::test]
async fn staff_download_the_values_on_screen_as_csv_and_xlsx() {
    for (db, app) in apps_with_kpis().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) = send(
            &app,
            get_as(
                "/exports/kpi-values.csv?period=2025&show=all&region=1&group=community",
                &staff,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/csv; charset=utf-8",
            "{}",
            db.name
        );
        assert!(
            response.headers()[header::CONTENT_DISPOSITION]
                .to_str()
                .is_ok_and(|d| d.contains("kpi-values-2025-cluster.csv")),
            "{}",
            db.name
        );
        let mut lines = body.lines();
        assert_eq!(
            lines.next(),
            Some(
                "scope_kind,scope_id,metric,period,grain,value,numerator,denominator,signal,status,decided_value"
            ),
            "{}",
            db.name
        );
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
        assert!(!stored.is_empty(), "{}", db.name);
        assert_eq!(
            lines.count(),
            stored.len(),
            "{}: one line per stored value",
            db.name
        );

        // The same rows as an Excel workbook: one sheet row per value plus the header,
        // numbers stored as numbers.
        let (response, bytes) = send_bytes(
            &app,
            get_as(
                "/exports/kpi-values.xlsx?period=2025&show=all&region=1&group=community",
                &staff,
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "{}",
            db.name
        );
        let sheet = sheet_xml(&bytes);
        assert_eq!(
            sheet.matches("<row ").count(),
            stored.len() + 1,
            "{}",
            db.name
        );
        assert!(sheet.contains("<v>"), "{}: numbers are numbers", db.name);

        // Bad filters are named.
        for (query, named) in [
            ("period=someday", "someday"),
            ("period=2025&scope=galaxy", "galaxy"),
            ("period=2025&show=maybe", "maybe"),
            ("", "period: required"),
        ] {
            let (response, body) = send(
                &app,
                get_as(&format!("/exports/kpi-values.csv?{query}"), &staff),
            )
            .await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {query}",
                db.name
            );
            assert!(body.contains(named), "{}: {body}", db.name);
        }

        for role in [Role::Member, Role::Leader] {
            let cookie = session_cookie(&db.conn, role).await;
            let (response, body) =
                send(&app, get_as("/exports/kpi-values.csv?period=2025", &cookie)).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{}: {role:?}",
                db.name
            );
            assert!(!body.contains("scope_kind"), "{}: nothing leaked", db.name);
        }
        let (response, _) = send(&app, get_as("/exports/kpi-values.csv?period=2025", "")).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{}: visitors sign in",
            db.name
        );
    }
}

/// The first worksheet's XML of an XLSX file.
fn sheet_xml(bytes: &[u8]) -> String {
    use std::io::Read;

    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an XLSX is a zip");
    let mut sheet = archive
        .by_name("xl/worksheets/sheet1.xml")
        .expect("a first worksheet");
    let mut xml = String::new();
    sheet.read_to_string(&mut xml).expect("UTF-8 XML");
    xml
}
