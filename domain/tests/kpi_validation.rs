//! Staff decisions on KPI values: validate, reject, override, not applicable, in bulk by
//! region or cluster; the audit log; period close and restatement; a closed period is not
//! changed by a recompute. On every test database, over the hand-made fixture.

mod support;

use chrono::NaiveDate;
use domain::kpi_engine::{FactChange, KpiEngine};
use domain::kpi_validation::{Decision, KpiValidation, ValueSelection};
use domain::kpi_values::{KpiFilter, KpiValues};
use domain::sea_orm::DatabaseConnection;
use kpi::{ClusterId, FiscalYearStart, MetricKey, Period, RegionId, ScopeKind};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn year() -> Period {
    Period::parse("2025", FiscalYearStart::default()).expect("period")
}

fn selection(metric: Option<&str>, region: Option<i32>, cluster: Option<i32>) -> ValueSelection {
    ValueSelection {
        period: year(),
        metric: metric.map(|m| MetricKey::parse(m).expect("key")),
        region: region.map(RegionId),
        cluster: cluster.map(ClusterId),
        group: None,
        awaiting_only: false,
    }
}

async fn statuses(
    db: &DatabaseConnection,
    metric: &str,
) -> Vec<(i32, String, Option<f64>, Option<kpi::Signal>)> {
    KpiValues::list(
        db,
        &KpiFilter {
            period: Some(year()),
            scope_kind: Some(ScopeKind::Cluster),
            metric: Some(MetricKey::parse(metric).expect("key")),
            ..KpiFilter::default()
        },
    )
    .await
    .expect("values")
    .into_iter()
    .map(|row| (row.scope_id, row.status, row.decided_value, row.signal))
    .collect()
}

async fn audit_rows(db: &DatabaseConnection) -> i64 {
    support::count(db, "kpi_audit").await
}

#[tokio::test]
async fn decisions_change_status_and_are_audited_one_row_per_value() {
    for scratch in kpi_fixture::computed().await {
        let db = &scratch.conn;
        let name = scratch.name;
        let changed = KpiValidation::decide(
            db,
            "sam@staff",
            &selection(Some("dues_on_time"), None, Some(1)),
            &Decision::Validate,
        )
        .await
        .expect("validate");
        assert_eq!(changed, 1, "{name}");
        assert_eq!(audit_rows(db).await, 1);
        // Deciding the same again changes nothing and logs nothing.
        let again = KpiValidation::decide(
            db,
            "sam@staff",
            &selection(Some("dues_on_time"), None, Some(1)),
            &Decision::Validate,
        )
        .await
        .expect("validate again");
        assert_eq!(again, 0);
        assert_eq!(audit_rows(db).await, 1);

        let override_ = Decision::Override {
            value: 0.9,
            reason: "two invoices were booked twice".into(),
        };
        KpiValidation::decide(
            db,
            "sam@staff",
            &selection(Some("dues_on_time"), None, Some(2)),
            &override_,
        )
        .await
        .expect("override");
        let not_applicable = Decision::NotApplicable {
            reason: "founded this year".into(),
        };
        KpiValidation::decide(
            db,
            "sam@staff",
            &selection(Some("dues_on_time"), None, Some(3)),
            &not_applicable,
        )
        .await
        .expect("not applicable");
        let rows = statuses(db, "dues_on_time").await;
        assert_eq!(
            rows[0],
            (
                1,
                "validated".into(),
                Some(1.0 / 3.0),
                Some(kpi::Signal::Red)
            ),
            "{name}"
        );
        assert_eq!(
            rows[1],
            (2, "overridden".into(), Some(0.9), Some(kpi::Signal::Amber)),
            "{name}"
        );
        assert_eq!(rows[2].1, "not_applicable");
        assert_eq!(rows[2].3, None, "a value that does not apply has no signal");
        assert_eq!(audit_rows(db).await, 3);
    }
}

#[tokio::test]
async fn bad_decisions_are_refused_and_change_nothing() {
    for scratch in kpi_fixture::computed().await {
        let db = &scratch.conn;
        let refusals = [
            (
                Decision::Reject {
                    reason: "  ".into(),
                },
                "a reason is required",
            ),
            (
                Decision::Override {
                    value: f64::NAN,
                    reason: "x".into(),
                },
                "must be a number",
            ),
            (
                Decision::NotApplicable {
                    reason: "x".repeat(2001),
                },
                "the reason is too long",
            ),
        ];
        for (decision, why) in refusals {
            let error =
                KpiValidation::decide(db, "sam@staff", &selection(None, Some(1), None), &decision)
                    .await
                    .expect_err("refused");
            assert!(error.to_string().contains(why), "{}: {error}", scratch.name);
        }
        let none = KpiValidation::decide(
            db,
            "sam@staff",
            &selection(None, None, Some(999)),
            &Decision::Validate,
        )
        .await
        .expect_err("no values");
        assert!(
            none.to_string()
                .contains("no computed values match: period 2025, cluster 999"),
            "{none}"
        );
        assert_eq!(audit_rows(db).await, 0);
        assert!(
            statuses(db, "renewal_rate")
                .await
                .iter()
                .all(|r| r.1 == "computed")
        );
    }
}

#[tokio::test]
async fn a_region_is_validated_in_bulk_then_the_period_is_closed_and_restated() {
    let today = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    for scratch in kpi_fixture::computed().await {
        let db = &scratch.conn;
        let name = scratch.name;
        // Region 1 holds A and B; C (region 2) stays computed.
        let changed = KpiValidation::decide(
            db,
            "sam@staff",
            &selection(None, Some(1), None),
            &Decision::Validate,
        )
        .await
        .expect("bulk");
        assert_eq!(changed, 2 * 49, "{name}: every metric of A and B");
        let refused = KpiValidation::close_period(db, "sam@staff", &year())
            .await
            .expect_err("C is open");
        assert!(
            refused
                .to_string()
                .contains("49 cluster values are not validated yet"),
            "{name}: {refused}"
        );

        KpiValidation::decide(
            db,
            "sam@staff",
            &selection(None, None, Some(3)),
            &Decision::Validate,
        )
        .await
        .expect("C");
        KpiValidation::close_period(db, "sam@staff", &year())
            .await
            .expect("close");
        let closed = KpiValidation::decide(
            db,
            "sam@staff",
            &selection(None, None, Some(1)),
            &Decision::Reopen,
        )
        .await
        .expect_err("closed");
        assert!(
            closed.to_string().contains("period 2025 is closed"),
            "{closed}"
        );

        // A new event in 2025: the closed year keeps its values, the open quarter changes.
        domain::sea_orm::ConnectionTrait::execute_unprepared(
            db,
            "INSERT INTO events (id, event_ref, kind, title, host_cluster_id, scheduled_start, status) \
             VALUES (100, 'E100', 'cluster_event', 'x', 1, '2025-11-30 18:00:00', 'held')",
        )
        .await
        .expect("event");
        let change = FactChange {
            tables: vec!["events".into()],
            from: NaiveDate::from_ymd_opt(2025, 11, 30).expect("date"),
            to: NaiveDate::from_ymd_opt(2025, 11, 30).expect("date"),
            clusters: Some(vec![kpi::ClusterId(1)]),
        };
        let report = KpiEngine::recompute_after_change(db, &change, today)
            .await
            .expect("recompute");
        assert!(report.saved.held > 0, "{name}: {report:?}");
        let events = statuses(db, "events_held").await;
        assert_eq!(
            events[0].1, "validated",
            "{name}: the closed year is untouched"
        );

        let empty = KpiValidation::restate_period(db, "sam@staff", &year(), "")
            .await
            .expect_err("reason");
        assert!(empty.to_string().contains("a reason is required"));
        KpiValidation::restate_period(db, "sam@staff", &year(), "late event report from cluster A")
            .await
            .expect("restate");
        KpiEngine::recompute_after_change(db, &change, today)
            .await
            .expect("recompute");
        let events = statuses(db, "events_held").await;
        assert_eq!(
            events[0].1, "stale",
            "{name}: restated, the new number shows beside the decided one"
        );
        // validate 98 + 49, close, restate.
        assert_eq!(audit_rows(db).await, 98 + 49 + 2, "{name}");
    }
}

#[tokio::test]
async fn a_value_is_explained_by_its_parts_and_fact_rows() {
    for scratch in kpi_fixture::computed().await {
        let db = &scratch.conn;
        let explanation = domain::kpi_explain::KpiExplain::cluster_value(
            db,
            &MetricKey::parse("forum_attendance").expect("key"),
            &year(),
            ClusterId(1),
        )
        .await
        .expect("explanation");
        assert_eq!(explanation.value, Some(0.5), "{}", scratch.name);
        assert_eq!(
            (explanation.numerator, explanation.denominator),
            (Some(4.0), Some(8.0))
        );
        assert_eq!(explanation.definition.kind_name(), "ratio");
        assert_eq!(explanation.measures.len(), 2);
        let attended = &explanation.measures[0];
        assert_eq!(attended.source, "invitations");
        assert_eq!(
            attended.rows.len(),
            4,
            "{}: the invitations that were attended",
            scratch.name
        );
        let member = attended
            .fields
            .iter()
            .position(|f| f == "member_id")
            .expect("member_id");
        let start = attended
            .fields
            .iter()
            .position(|f| f == "scheduled_start")
            .expect("start");
        let members: Vec<i64> = attended
            .rows
            .iter()
            .map(|r| r[member].as_i64().expect("an id"))
            .collect();
        assert_eq!(members, vec![1, 2, 1, 4], "{}", scratch.name);
        assert_eq!(attended.rows[0][start], "2025-01-20 18:00:00");
        assert_eq!(explanation.measures[1].rows.len(), 8);
    }
}

#[tokio::test]
async fn completeness_shows_which_expected_inputs_are_missing() {
    for scratch in kpi_fixture::computed().await {
        let db = &scratch.conn;
        let all = domain::kpi_completeness::KpiCompleteness::for_period(db, &year())
            .await
            .expect("completeness");
        let shares: Vec<(i32, Option<f64>)> = all.iter().map(|c| (c.cluster.0, c.share)).collect();
        // A: activity reports 2 of 3 submitted, held calls 2 of 2 with attendance, goals 1 of 1.
        // B: no reports or calls expected, goals recorded. C: no goals recorded.
        assert_eq!(
            shares,
            vec![(1, Some(5.0 / 6.0)), (2, Some(1.0)), (3, Some(0.0))],
            "{}",
            scratch.name
        );
        let a: Vec<(String, f64, f64)> = all[0]
            .inputs
            .iter()
            .map(|i| (i.input.clone(), i.expected, i.present))
            .collect();
        assert_eq!(
            a,
            vec![
                ("self_reports".to_owned(), 3.0, 2.0),
                ("committee_calls".to_owned(), 2.0, 2.0),
                ("goals".to_owned(), 1.0, 1.0),
            ]
        );
        // Before C was founded it is not listed.
        let q1 = Period::parse("2025-Q1", FiscalYearStart::default()).expect("period");
        let early = domain::kpi_completeness::KpiCompleteness::for_period(db, &q1)
            .await
            .expect("q1");
        assert_eq!(early.len(), 2);

        // One cluster, or a few, read only their own facts and give the same answer.
        let a_only =
            domain::kpi_completeness::KpiCompleteness::for_cluster(db, &year(), ClusterId(1))
                .await
                .expect("cluster A");
        assert_eq!(a_only.as_ref(), all.first(), "{}", scratch.name);
        let some = domain::kpi_completeness::KpiCompleteness::for_clusters(
            db,
            &year(),
            Some(&[ClusterId(2), ClusterId(3)]),
        )
        .await
        .expect("B and C");
        assert_eq!(some.as_slice(), &all[1..], "{}", scratch.name);
        let none = domain::kpi_completeness::KpiCompleteness::for_clusters(db, &year(), Some(&[]))
            .await
            .expect("nobody");
        assert!(none.is_empty(), "{}", scratch.name);
    }
}
