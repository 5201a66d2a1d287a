//! Round trip: the facts of every kind, exported in their files' columns and imported into
//! a database holding only the organization's regions and clusters, give the same KPI
//! values: every fact table the KPIs read has a file.

mod support;

use std::io::Cursor;

use chrono::NaiveDate;
use domain::fact_export::FactExport;
use domain::fact_file::{ColumnMapping, FileFormat};
use domain::fact_import::{FactImport, FactKind};
use domain::import_history::ImportOrigin;
use domain::kpi_engine::KpiEngine;
use domain::sea_orm::{ConnectionTrait, DatabaseConnection};

use support::stored_values;

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

/// The organization without facts: settings, regions and clusters as the fixture has them.
async fn organization_only(db: &DatabaseConnection) {
    for sql in [
        "INSERT INTO settings (key, value) VALUES ('fiscal_year_start_month', '1')",
        "INSERT INTO regions (id, code, name) VALUES (1, 'R1', 'North'), (2, 'R2', 'South')",
        "INSERT INTO clusters (id, code, name, region_id, city, founded_on) VALUES \
         (1, 'A', 'Alpha', 1, 'Aa', '2020-01-01'), (2, 'B', 'Beta', 1, 'Bb', '2020-01-01'), \
         (3, 'C', 'Gamma', 2, 'Cc', '2025-06-01')",
    ] {
        db.execute_unprepared(sql).await.expect("organization");
    }
}

/// `table` as a CSV file.
fn csv(table: &domain::fact_export::FactTable) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&table.columns).expect("header");
    for row in &table.rows {
        writer.write_record(row).expect("row");
    }
    writer.into_inner().expect("csv")
}

#[tokio::test]
async fn exported_facts_imported_into_an_empty_organization_give_the_same_kpis() {
    let sources = support::databases().await;
    let targets = support::databases().await;
    for (source, target) in sources.iter().zip(&targets) {
        let name = source.name;
        kpi_fixture::load(&source.conn).await;
        KpiEngine::recompute_all(&source.conn, today())
            .await
            .expect("recompute");
        organization_only(&target.conn).await;

        // In the order a new organization imports them: who, where, then what happened.
        for kind in FactKind::ALL {
            let table = FactExport::table(&source.conn, kind).await.expect("export");
            assert!(!table.rows.is_empty(), "{name}: {kind:?} has facts");
            let checked = FactImport::check(
                &target.conn,
                kind,
                FileFormat::Csv,
                Cursor::new(csv(&table)),
                &ColumnMapping::default(),
                today(),
            )
            .await
            .expect("checked");
            assert_eq!(
                checked.preview().problems,
                Vec::new(),
                "{name}: {kind:?} imports cleanly"
            );
            assert_eq!(
                checked.preview().created,
                table.rows.len() as u64,
                "{name}: {kind:?}: every fact is new"
            );
            let origin = ImportOrigin {
                source: format!("{kind:?}.csv"),
                by: "test".into(),
            };
            FactImport::write(&target.conn, checked, &origin, today())
                .await
                .expect("written");
            // Exported again, the imported facts read as they were.
            let again = FactExport::table(&target.conn, kind).await.expect("export");
            assert_eq!(again, table, "{name}: {kind:?} exports as it was imported");
        }
        KpiEngine::recompute_all(&target.conn, today())
            .await
            .expect("recompute");
        let expected = stored_values(&source.conn).await;
        assert!(
            expected.iter().filter(|v| v.4.is_some()).count() > 100,
            "{name}: the facts give KPI values"
        );
        let got = stored_values(&target.conn).await;
        // Only the values that differ, so a failure names them.
        let differ: Vec<_> = expected
            .iter()
            .zip(&got)
            .filter(|(e, g)| e != g)
            .take(20)
            .collect();
        assert!(
            differ.is_empty() && got.len() == expected.len(),
            "{name}: the same KPI values ({} and {} values): {differ:?}",
            expected.len(),
            got.len()
        );
    }
}
