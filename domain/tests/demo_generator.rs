//! The demo generator: deterministic, complete, and written all-or-nothing.

mod support;

use chrono::NaiveDate;
use domain::demo::{self, DemoConfig};

fn small(seed: u64) -> DemoConfig {
    DemoConfig {
        // 40 clusters: enough for some to be founded during the history (every 37th).
        members: 1_000,
        clusters: 40,
        regions: 4,
        years: 3,
        seed,
        until: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date"),
    }
}

#[test]
fn the_same_seed_gives_the_same_rows() {
    let first = demo::generate(&small(7), &mut |_| {}).expect("generates");
    let second = demo::generate(&small(7), &mut |_| {}).expect("generates");
    let other = demo::generate(&small(8), &mut |_| {}).expect("generates");
    assert_eq!(first.digest(), second.digest());
    assert_eq!(first.row_counts(), second.row_counts());
    assert_ne!(first.digest(), other.digest());
}

#[test]
fn every_fact_table_gets_rows() {
    let data = demo::generate(&small(42), &mut |_| {}).expect("generates");
    for (table, rows) in data.row_counts() {
        assert!(rows > 0, "{table} is empty");
    }
    assert_eq!(data.members.len(), 1_000);
    assert_eq!(data.clusters.len(), 40);
}

#[test]
fn refuses_sizes_it_cannot_make_sense_of() {
    let mut config = small(1);
    config.members = 10;
    let err = demo::generate(&config, &mut |_| {})
        .expect_err("too few members")
        .to_string();
    assert!(err.contains("--members"), "{err}");
}

#[tokio::test]
async fn writes_every_row_and_refuses_a_second_load() {
    for db in support::databases().await {
        let data = demo::generate(&small(42), &mut |_| {}).expect("generates");
        let counts = data.row_counts();
        demo::write(&db.conn, data, &mut |_, _| {})
            .await
            .expect("writes");
        for (table, expected) in counts {
            let stored = support::count(&db.conn, table).await;
            assert_eq!(stored, expected as i64, "{table} on {}", db.name);
        }
        let again = demo::generate(&small(42), &mut |_| {}).expect("generates");
        let err = demo::write(&db.conn, again, &mut |_, _| {})
            .await
            .expect_err("refused")
            .to_string();
        assert!(err.contains("empty database"), "{err}");
        assert_eq!(
            support::count(&db.conn, "members").await,
            1_000,
            "nothing added on {}",
            db.name
        );
    }
}
