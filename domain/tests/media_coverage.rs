//! Media coverage recorded by a leader: the item counts in the cluster's media KPIs at
//! once, removing it takes it out again; a bad item is refused line by line and writes
//! nothing. On every test database, over the hand-made fixture (cluster A in 2025: two
//! mentions, reach 3,500, from `kpi_metrics.rs`).

mod support;

use chrono::NaiveDate;
use domain::DomainError;
use domain::entity::media_item::MediaKind;
use domain::media_coverage::{MediaCoverage, MediaDraft};
use domain::sea_orm::DatabaseConnection;
use kpi::ClusterId;

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

const CLUSTER_A: ClusterId = ClusterId(1);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

async fn value(db: &DatabaseConnection, metric: &str) -> Option<f64> {
    support::cluster_value(db, CLUSTER_A, "2025", metric).await
}

fn draft(title: &str) -> MediaDraft {
    MediaDraft {
        published_on: day(2025, 11, 2),
        outlet: "Daily Courier".into(),
        kind: MediaKind::Mention,
        reach: 12_000,
        title: title.into(),
    }
}

#[tokio::test]
async fn a_recorded_item_counts_at_once_and_a_removed_one_no_longer() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let item = MediaCoverage::record(&db.conn, CLUSTER_A, draft("Founders meet"), today)
            .await
            .expect("recorded");
        assert_eq!(
            value(&db.conn, "media_mentions").await,
            Some(3.0),
            "{}",
            db.name
        );
        assert_eq!(
            value(&db.conn, "media_reach").await,
            Some(15_500.0),
            "{}",
            db.name
        );
        let recent = MediaCoverage::recent(&db.conn, CLUSTER_A, 10)
            .await
            .expect("recent");
        assert_eq!(
            recent.first().map(|i| i.id),
            Some(item.id),
            "{}: newest first",
            db.name
        );

        // Another cluster cannot remove it; its own leader can.
        let refused = MediaCoverage::remove(&db.conn, ClusterId(2), item.id, today).await;
        assert!(
            matches!(refused, Err(DomainError::Refused(_))),
            "{}",
            db.name
        );
        MediaCoverage::remove(&db.conn, CLUSTER_A, item.id, today)
            .await
            .expect("removed");
        assert_eq!(
            value(&db.conn, "media_mentions").await,
            Some(2.0),
            "{}",
            db.name
        );
        assert_eq!(
            value(&db.conn, "media_reach").await,
            Some(3_500.0),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn a_bad_item_is_refused_line_by_line_and_writes_nothing() {
    for db in kpi_fixture::computed().await {
        let today = day(2025, 12, 31);
        let bad = MediaDraft {
            published_on: day(2026, 1, 5),
            outlet: "  ".into(),
            kind: MediaKind::PressRelease,
            reach: -5,
            title: "x".repeat(201),
        };
        let Err(DomainError::Refused(problems)) =
            MediaCoverage::record(&db.conn, CLUSTER_A, bad, today).await
        else {
            panic!("{}: refused", db.name);
        };
        let text = problems.join("\n");
        for expected in [
            "published on: 2026-01-05 is in the future",
            "outlet: required",
            "title: 201 characters; at most 200",
            "reach: -5 is not between 0 and",
        ] {
            assert!(
                text.contains(expected),
                "{}: {expected:?} in {text}",
                db.name
            );
        }
        MediaCoverage::record(&db.conn, CLUSTER_A, draft("Twice"), today)
            .await
            .expect("first time");
        let twice = MediaCoverage::record(&db.conn, CLUSTER_A, draft("Twice"), today).await;
        assert!(
            matches!(&twice, Err(DomainError::Refused(p)) if p[0].contains("already recorded")),
            "{}: {twice:?}",
            db.name
        );
        assert_eq!(
            value(&db.conn, "media_mentions").await,
            Some(3.0),
            "{}",
            db.name
        );
    }
}
