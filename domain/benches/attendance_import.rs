//! Benchmark of the attendance import on the standard demo organization (10,000 members,
//! 400 clusters, 3 years, KPIs computed): the newest 100,000 attendances are written to a
//! CSV file and removed, then the file is previewed, imported (with the incremental KPI
//! recompute) and imported again (nothing to change). Prints time and the peak of memory
//! the import allocated; asserts nothing about time.
//!
//! `cargo bench -p domain --bench attendance_import`

#![expect(clippy::unwrap_used, reason = "a benchmark stops at the first failure")]

use std::io::Write;
use std::time::Instant;

use chrono::NaiveDate;
use domain::attendance_import::AttendanceImport;
use domain::demo::{self, DemoConfig};
use domain::kpi_engine::KpiEngine;
use domain::scratch_database;
use domain::sea_orm::{ConnectionTrait, Statement};
use peak_alloc::PeakAlloc;

/// The system allocator, counting the bytes in use and their peak.
#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

const ROWS: usize = 100_000;

/// Resets the peak to what is in use now and returns that.
fn reset_peak() -> usize {
    ALLOCATOR.reset_peak_usage();
    ALLOCATOR.current_usage()
}

fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (scratch, dir) = scratch_database::sqlite_file("import_bench").await.unwrap();
        let db = scratch.conn;
        let data = demo::generate(&DemoConfig::standard(today), &mut |_| {}).unwrap();
        demo::write(&db, data, &mut |_, _| {}).await.unwrap();
        KpiEngine::recompute_all(&db, today).await.unwrap();

        let origin = domain::import_history::ImportOrigin {
            source: "bench".into(),
            by: "bench".into(),
        };
        let backend = db.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                format!(
                    "SELECT a.id AS id, e.event_ref AS event_ref, m.member_number AS member_number, \
                     a.joined_at AS joined_at FROM attendances a \
                     JOIN events e ON e.id = a.event_id JOIN members m ON m.id = a.member_id \
                     ORDER BY e.scheduled_start DESC, a.id LIMIT {ROWS}"
                ),
            ))
            .await
            .unwrap();
        let path = dir.join("attendances.csv");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        writeln!(file, "event_ref,member_number,joined_at").unwrap();
        let mut ids = Vec::with_capacity(rows.len());
        for row in &rows {
            let joined: Option<chrono::NaiveDateTime> = row.try_get("", "joined_at").unwrap();
            writeln!(
                file,
                "{},{},{}",
                row.try_get::<String>("", "event_ref").unwrap(),
                row.try_get::<String>("", "member_number").unwrap(),
                joined.map_or(String::new(), |t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            )
            .unwrap();
            ids.push(row.try_get::<i32>("", "id").unwrap().to_string());
        }
        file.flush().unwrap();
        drop(file);
        for chunk in ids.chunks(1000) {
            db.execute_unprepared(&format!(
                "DELETE FROM attendances WHERE id IN ({})",
                chunk.join(", ")
            ))
            .await
            .unwrap();
        }
        let size = std::fs::metadata(&path).unwrap().len();
        // The same rows as a workbook, as a spreadsheet user would send them.
        let xlsx_path = dir.join("attendances.xlsx");
        {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            sheet.set_name("attendances").unwrap();
            let text = std::fs::read_to_string(&path).unwrap();
            for (r, line) in text.lines().enumerate() {
                for (c, cell) in line.split(',').enumerate() {
                    if !cell.is_empty() {
                        sheet.write_string(r as u32, c as u16, cell).unwrap();
                    }
                }
            }
            book.save(&xlsx_path).unwrap();
        }
        let first_new = db
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT COALESCE(MAX(id), 0) AS id FROM attendances",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i32>("", "id")
            .unwrap();
        drop(rows);
        println!(
            "SQLite (file): {} attendance rows, CSV of {:.1} MB",
            ids.len(),
            megabytes(size as usize)
        );

        let open = || std::io::BufReader::new(std::fs::File::open(&path).unwrap());
        let base = reset_peak();
        let started = Instant::now();
        let preview = AttendanceImport::preview(&db, open()).await.unwrap();
        println!(
            "  preview                 {:>6} ms  peak {:.1} MB allocated  ({} rows: {} to create, {} problems)",
            started.elapsed().as_millis(),
            megabytes(ALLOCATOR.peak_usage() - base),
            preview.rows,
            preview.created,
            preview.problem_count
        );

        let base = reset_peak();
        let started = Instant::now();
        let outcome = AttendanceImport::commit(&db, open(), &origin, today).await.unwrap();
        let recompute = outcome.recompute.unwrap_or_default();
        println!(
            "  import                  {:>6} ms  peak {:.1} MB allocated  ({} created; recompute {} ms: {} metrics, {} periods, {} values)",
            started.elapsed().as_millis(),
            megabytes(ALLOCATOR.peak_usage() - base),
            outcome.preview.created,
            recompute.prepare_ms + recompute.compute_ms + recompute.save_ms,
            recompute.metrics,
            recompute.periods,
            recompute.values
        );

        let base = reset_peak();
        let started = Instant::now();
        let again = AttendanceImport::commit(&db, open(), &origin, today).await.unwrap();
        println!(
            "  the same file again     {:>6} ms  peak {:.1} MB allocated  ({} unchanged)",
            started.elapsed().as_millis(),
            megabytes(ALLOCATOR.peak_usage() - base),
            again.preview.unchanged
        );

        // Again from the workbook, after removing what the CSV file created.
        db.execute_unprepared(&format!("DELETE FROM attendances WHERE id > {first_new}"))
            .await
            .unwrap();
        let xlsx_size = std::fs::metadata(&xlsx_path).unwrap().len();
        let open_xlsx = || std::io::BufReader::new(std::fs::File::open(&xlsx_path).unwrap());
        let base = reset_peak();
        let started = Instant::now();
        let preview = AttendanceImport::preview_workbook(&db, open_xlsx()).await.unwrap();
        println!(
            "  XLSX ({:.1} MB) preview  {:>6} ms  peak {:.1} MB allocated  ({} rows: {} to create)",
            megabytes(xlsx_size as usize),
            started.elapsed().as_millis(),
            megabytes(ALLOCATOR.peak_usage() - base),
            preview.rows,
            preview.created
        );
        let base = reset_peak();
        let started = Instant::now();
        let outcome = AttendanceImport::commit_workbook(&db, open_xlsx(), &origin, today)
            .await
            .unwrap();
        println!(
            "  XLSX import             {:>6} ms  peak {:.1} MB allocated  ({} created)",
            started.elapsed().as_millis(),
            megabytes(ALLOCATOR.peak_usage() - base),
            outcome.preview.created
        );
        db.close().await.unwrap();
        std::fs::remove_dir_all(&dir).ok();
    });
}
