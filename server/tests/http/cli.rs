//! The `server` binary's command line: one clear line on bad input, never a panic.

use std::process::{Command, Output};

use domain::migration::{Migrator, MigratorTrait};

fn server(args: &[&str], database_url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("MEMBERPULSE_LOG", "warn")
        .env("MEMBERPULSE_BIND", "127.0.0.1:0")
        .output()
        .expect("the server binary runs")
}

/// A SQLite file in this test binary's scratch folder, removed first.
fn scratch_sqlite(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    format!("sqlite://{}?mode=rwc", path.display())
}

/// A small demo organization (250 members, 10 clusters, one year) with its KPIs.
fn small_demo(url: &str) -> Output {
    server(
        &[
            "demo",
            "--members",
            "250",
            "--clusters",
            "10",
            "--regions",
            "2",
            "--years",
            "1",
            "--until",
            "2026-06-30",
        ],
        url,
    )
}

/// Asserts a failure with exactly one line on stderr that contains `needle`.
fn assert_one_line_failure(output: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "exit code; stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected, got: {stderr}");
    assert!(lines[0].starts_with("error: "), "{stderr}");
    assert!(lines[0].contains(needle), "{needle:?} missing in: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unsupported_database_url_is_refused_in_one_line() {
    let output = server(&[], "mysql://root:secret@db/memberpulse");
    assert_one_line_failure(
        &output,
        "DATABASE_URL \"mysql://root:***@db/memberpulse\" is not supported",
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("secret"));
}

#[test]
fn an_unreachable_database_is_reported_with_a_hint() {
    let output = server(&[], "postgres://postgres:pw@127.0.0.1:1/memberpulse");
    assert_one_line_failure(
        &output,
        "cannot open the database at postgres://postgres:***@127.0.0.1:1/memberpulse",
    );
    assert_one_line_failure(&output, "check DATABASE_URL");
}

#[test]
fn a_sqlite_file_in_a_missing_folder_is_reported() {
    let output = server(&[], "sqlite:///no/such/folder/memberpulse.db?mode=rwc");
    assert_one_line_failure(&output, "cannot open the database");
}

#[test]
fn migrate_lists_then_applies_the_migrations() {
    let url = scratch_sqlite("migrate");
    let status = server(&["migrate", "status"], &url);
    assert!(status.status.success());
    let listed = String::from_utf8_lossy(&status.stdout);
    // By the lines' first word: a migration's name may hold "pending" (add_spending_…).
    let marked = |listed: &str, state: &str| {
        listed
            .lines()
            .filter(|line| line.split_whitespace().next() == Some(state))
            .count()
    };
    assert_eq!(
        marked(&listed, "pending"),
        Migrator::migrations().len(),
        "{listed}"
    );
    assert!(server(&["migrate", "up"], &url).status.success());
    let status = server(&["migrate", "status"], &url);
    let listed = String::from_utf8_lossy(&status.stdout);
    assert_eq!(
        marked(&listed, "applied"),
        Migrator::migrations().len(),
        "{listed}"
    );
}

#[test]
fn demo_fills_an_empty_database_once_and_prints_its_digest() {
    let url = scratch_sqlite("demo");
    let args = [
        "demo",
        "--members",
        "250",
        "--clusters",
        "10",
        "--regions",
        "2",
        "--years",
        "1",
        "--seed",
        "5",
        "--until",
        "2026-06-30",
    ];
    let first = server(&args, &url);
    let printed = String::from_utf8_lossy(&first.stderr);
    assert!(first.status.success(), "{printed}");
    assert!(
        printed.contains("generating members, memberships"),
        "progress is printed: {printed}"
    );
    let digest = printed
        .lines()
        .find_map(|l| l.split("digest ").nth(1))
        .expect("a digest line")
        .to_owned();
    assert_eq!(digest.len(), 64, "{digest}");

    let again = server(&args, &url);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(1), "{stderr}");
    assert!(
        stderr
            .lines()
            .last()
            .is_some_and(|l| l.contains("empty database only")),
        "{stderr}"
    );

    // The same seed and horizon give the same rows in another database.
    let other = server(&args, &scratch_sqlite("demo-again"));
    let printed = String::from_utf8_lossy(&other.stderr);
    assert!(printed.contains(&format!("digest {digest}")), "{printed}");
}

#[test]
fn demo_refuses_sizes_it_cannot_build() {
    let output = server(
        &["demo", "--members", "10", "--clusters", "10"],
        &scratch_sqlite("demo-bad"),
    );
    assert_one_line_failure(&output, "--members must be between 5 per cluster");
}

#[test]
fn kpis_are_computed_with_the_demo_and_exported_as_csv_and_json() {
    let url = scratch_sqlite("kpis");
    let demo = small_demo(&url);
    let printed = String::from_utf8_lossy(&demo.stderr);
    assert!(demo.status.success(), "{printed}");
    assert!(
        printed.contains("KPIs: "),
        "the demo computes KPIs: {printed}"
    );

    let csv = server(
        &[
            "kpis",
            "export",
            "--period",
            "2026-Q1",
            "--scope",
            "region",
            "--metric",
            "renewal_rate",
            "--format",
            "csv",
        ],
        &url,
    );
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    let text = String::from_utf8_lossy(&csv.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "scope_kind,scope_id,metric,period,grain,value,numerator,denominator,signal,status,decided_value"
    );
    assert_eq!(lines.len(), 3, "two regions: {text}");
    for line in &lines[1..] {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(
            &fields[..5],
            &["region", fields[1], "renewal_rate", "2026-Q1", "quarter"]
        );
        let numerator: f64 = fields[6].parse().expect("numerator");
        let denominator: f64 = fields[7].parse().expect("denominator");
        let value: f64 = fields[5].parse().expect("value");
        assert!((value - numerator / denominator).abs() < 1e-12, "{line}");
        assert!(["green", "amber", "red"].contains(&fields[8]), "{line}");
        assert_eq!(fields[9], "computed");
    }

    let json = server(
        &[
            "kpis",
            "export",
            "--period",
            "2026",
            "--scope",
            "organization",
            "--format",
            "json",
        ],
        &url,
    );
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).expect("JSON array");
    assert_eq!(rows.len(), 49, "one organization value per metric");
    assert!(
        rows.iter()
            .all(|r| r["period"] == "2026" && r["scope_kind"] == "organization")
    );

    let bad = server(&["kpis", "export", "--period", "2026-Q5"], &url);
    assert_one_line_failure(&bad, "--period \"2026-Q5\"");
}

#[test]
fn an_attendance_file_is_checked_then_imported_and_a_bad_one_lists_its_problems() {
    let url = scratch_sqlite("import");
    let demo = small_demo(&url);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    // A held event and a member of its cluster who did not attend, read from the demo.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (event, member) = runtime.block_on(async {
        use domain::sea_orm::{ConnectionTrait, Statement};
        let db =
            domain::database::connect(&domain::database::DatabaseUrl::parse(&url).expect("url"))
                .await
                .expect("database");
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT e.event_ref AS event_ref, m.member_number AS member_number FROM events e \
                 JOIN memberships ms ON ms.cluster_id = e.host_cluster_id \
                 JOIN members m ON m.id = ms.member_id WHERE e.status = 'held' AND NOT EXISTS \
                 (SELECT 1 FROM attendances a WHERE a.event_id = e.id AND a.member_id = m.id) \
                 ORDER BY e.id, m.id LIMIT 1",
            ))
            .await
            .expect("query")
            .expect("a row");
        let event: String = row.try_get("", "event_ref").expect("event");
        let member: String = row.try_get("", "member_number").expect("member");
        (event, member)
    });
    let good = path.join("import-good.csv");
    std::fs::write(
        &good,
        format!("event_ref,member_number\n{event},{member}\n"),
    )
    .expect("file");
    let good = good.display().to_string();

    let check = server(&["import", "attendances", &good], &url);
    let printed = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{printed}");
    assert!(
        printed.contains("1 row: 1 to create, 0 to change, 0 unchanged"),
        "{printed}"
    );
    assert!(printed.contains("run again with --commit"), "{printed}");

    let import = server(&["import", "attendances", &good, "--commit"], &url);
    let printed = String::from_utf8_lossy(&import.stdout);
    assert!(import.status.success(), "{printed}");
    assert!(printed.contains("imported; KPIs recomputed"), "{printed}");
    let again = server(&["import", "attendances", &good, "--commit"], &url);
    let printed = String::from_utf8_lossy(&again.stdout);
    assert!(
        printed.contains("0 to create, 0 to change, 1 unchanged"),
        "{printed}"
    );

    let bad = path.join("import-bad.csv");
    std::fs::write(&bad, format!("event_ref,member_number\n{event},NO-SUCH\n")).expect("file");
    let bad = bad.display().to_string();
    let refused = server(&["import", "attendances", &bad, "--commit"], &url);
    let printed = String::from_utf8_lossy(&refused.stdout);
    assert!(
        printed.contains("line 2, member_number \"NO-SUCH\": no member has this number"),
        "{printed}"
    );
    assert_one_line_failure(&refused, "1 problem (listed above); nothing was imported");
}
