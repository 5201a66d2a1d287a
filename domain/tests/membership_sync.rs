//! Memberships pushed by an integration: upserted by member and start day, each bad item
//! named by field (unknown member or cluster, dates, overlapping terms, duplicates) with
//! nothing written; the KPIs follow exactly as a full recompute would, and a rollback puts
//! the memberships and every KPI value back as they were.

mod support;

use chrono::NaiveDate;
use domain::entity::membership;
use domain::import_history::{ImportHistory, ImportOrigin};
use domain::kpi_engine::KpiEngine;
use domain::membership_sync::{MembershipRecord, MembershipSync};
use domain::sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

use support::{count, stored_values};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

fn origin() -> ImportOrigin {
    ImportOrigin {
        source: "API: POST /api/v1/facts/memberships".into(),
        by: "API token CRM".into(),
    }
}

fn term(member: &str, cluster: &str, start: &str, end: Option<&str>) -> MembershipRecord {
    MembershipRecord {
        member_number: member.into(),
        cluster_code: cluster.into(),
        start_date: start.into(),
        end_date: end.map(Into::into),
        renewal_due_on: None,
        renewal_outcome: None,
    }
}

async fn memberships(db: &DatabaseConnection) -> Vec<membership::Model> {
    membership::Entity::find()
        .order_by_asc(membership::Column::Id)
        .all(db)
        .await
        .expect("memberships")
}

#[tokio::test]
async fn memberships_are_upserted_the_kpis_follow_and_a_rollback_restores_both() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let terms_before = memberships(db).await;
        let kpis_before = stored_values(db).await;

        let mut ended = term("M4", "A", "2025-02-10", Some("2025-09-30"));
        ended.renewal_outcome = Some("lapsed".into());
        let batch = vec![
            // M3 comes back, to Beta, after their term in Alpha ended on 31 May.
            term("M3", "B", "2025-06-01", None),
            ended,
            term("M7", "B", "2024-12-01", None),
        ];
        let checked = MembershipSync::check(db, batch, today())
            .await
            .expect("check");
        assert_eq!(checked.preview.problems, Vec::new(), "{name}");
        assert_eq!(
            (
                checked.preview.created,
                checked.preview.changed,
                checked.preview.unchanged
            ),
            (1, 1, 1),
            "{name}"
        );
        let written = MembershipSync::write(db, checked, &origin(), today())
            .await
            .expect("written");
        let report = written.recompute.expect("recomputed");
        assert!(
            report.saved.updated + report.saved.inserted > 0,
            "{name}: {report:?}"
        );
        assert_eq!(
            memberships(db).await.len(),
            terms_before.len() + 1,
            "{name}"
        );
        // The incremental recompute left nothing for a full one to change.
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: {full:?}"
        );

        let undone =
            ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
                .await
                .expect("rolled back");
        assert_eq!((undone.removed, undone.restored), (1, 1), "{name}");
        assert_eq!(
            memberships(db).await,
            terms_before,
            "{name}: the terms as before"
        );
        assert_eq!(
            stored_values(db).await,
            kpis_before,
            "{name}: the KPIs as before"
        );
    }
}

#[tokio::test]
async fn every_bad_membership_is_named_and_nothing_is_written() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let mut bad_outcome = term("M6", "B", "2020-05-01", None);
        bad_outcome.renewal_outcome = Some("maybe".into());
        let batch = vec![
            term("M3", "B", "2025-06-01", None),
            term("M99", "A", "2025-01-01", None),
            term("M2", "Z", "2025-01-01", None),
            term("M3", "B", "01.06.2025", None),
            term("M8", "C", "2025-07-01", Some("2025-01-01")),
            term("M1", "B", "2024-01-01", None),
            term("M3", "B", "2025-06-01", None),
            bad_outcome,
            term("M2", "A", "2027-06-01", None),
        ];
        let checked = MembershipSync::check(db, batch, today())
            .await
            .expect("check");
        let found: Vec<(u64, String, String)> = checked
            .preview
            .problems
            .iter()
            .map(|p| (p.line, p.column.clone().unwrap_or_default(), p.why.clone()))
            .collect();
        let has = |item: u64, field: &str, why: &str| {
            found
                .iter()
                .any(|(i, f, w)| *i == item && f == field && w.contains(why))
        };
        assert!(
            has(1, "member_number", "push the member first"),
            "{name}: {found:#?}"
        );
        assert!(
            has(2, "cluster_code", "no cluster has this code"),
            "{found:#?}"
        );
        assert!(has(3, "start_date", "not a date"), "{found:#?}");
        assert!(has(4, "end_date", "before the start"), "{found:#?}");
        assert!(
            has(
                5,
                "start_date",
                "overlaps the member's membership in A from 2020-01-01"
            ),
            "{found:#?}"
        );
        assert!(has(6, "start_date", "also on item 0"), "{found:#?}");
        assert!(
            has(7, "renewal_outcome", "renewed, lapsed or pending"),
            "{found:#?}"
        );
        assert!(has(8, "start_date", "more than a year ahead"), "{found:#?}");
        assert!(!found.iter().any(|(i, _, _)| *i == 0), "{found:#?}");
        let before = count(db, "memberships").await;
        MembershipSync::write(db, checked, &origin(), today())
            .await
            .expect_err("refused");
        assert_eq!(count(db, "memberships").await, before, "{name}");
        assert_eq!(count(db, "fact_imports").await, 0, "{name}");
    }
}
