//! Members' self-reports: submitted, verified or rejected by staff, and the KPIs follow
//! at once through the incremental recompute. On every test database, over the
//! hand-made fixture (today = 31 December 2025).

mod support;

use chrono::NaiveDate;
use domain::entity::self_report::{SelfReportKind, SelfReportStatus};
use domain::kpi_engine::KpiEngine;
use domain::kpi_values::{KpiFilter, KpiValues};
use domain::sea_orm::DatabaseConnection;
use domain::self_reporting::{ReportDecision, SelfReportDraft, SelfReporting};
use domain::{DomainError, scratch_database::ScratchDatabase};
use kpi::{ClusterId, FiscalYearStart, MemberId, MetricKey, Period, ScopeKind};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn today() -> NaiveDate {
    day(2025, 12, 31)
}

async fn prepared() -> Vec<ScratchDatabase> {
    let mut all = support::databases().await;
    for scratch in &mut all {
        kpi_fixture::load(&scratch.conn).await;
        KpiEngine::recompute_all(&scratch.conn, today())
            .await
            .expect("recompute");
    }
    all
}

/// Cluster A's numerator of `metric` in `period`.
async fn numerator(db: &DatabaseConnection, metric: &str, period: &str) -> Option<f64> {
    KpiValues::list(
        db,
        &KpiFilter {
            period: Some(Period::parse(period, FiscalYearStart::default()).expect("period")),
            scope_kind: Some(ScopeKind::Cluster),
            metric: Some(MetricKey::parse(metric).expect("key")),
            cluster: Some(ClusterId(1)),
            ..KpiFilter::default()
        },
    )
    .await
    .expect("values")
    .first()
    .and_then(|row| row.numerator)
}

fn volunteering(month: NaiveDate, hours: f64) -> SelfReportDraft {
    SelfReportDraft {
        kind: SelfReportKind::VolunteerHours,
        month,
        hours,
        description: "Mentoring at the youth centre".into(),
    }
}

#[tokio::test]
async fn a_verified_report_reaches_the_cluster_kpis_at_once() {
    for db in prepared().await {
        // Fixture: member 1 of cluster A had 6 verified volunteer hours in February 2025.
        assert_eq!(
            numerator(&db.conn, "volunteer_hours", "2025").await,
            Some(6.0),
            "{}",
            db.name
        );
        let report = SelfReporting::submit(
            &db.conn,
            MemberId(1),
            volunteering(day(2025, 11, 15), 5.0),
            today(),
        )
        .await
        .expect("submitted");
        assert_eq!(report.status, SelfReportStatus::Submitted, "{}", db.name);
        assert_eq!(report.report_month, day(2025, 11, 1), "{}", db.name);
        assert_eq!(report.cluster_id, 1, "{}", db.name);
        // Submitted is not verified: the hours do not count yet.
        assert_eq!(
            numerator(&db.conn, "volunteer_hours", "2025").await,
            Some(6.0),
            "{}",
            db.name
        );

        let (queue, total) = SelfReporting::queue(&db.conn, None, 0, 100)
            .await
            .expect("queue");
        // Fixture: report 2 was waiting already; the new one comes first.
        assert_eq!(total, 2, "{}", db.name);
        assert_eq!(queue[0].report.id, report.id, "{}", db.name);

        let (changed, recompute) = SelfReporting::decide(
            &db.conn,
            "Sam Staff",
            &[report.id],
            &ReportDecision::Verify,
            today(),
        )
        .await
        .expect("verified");
        assert_eq!(changed, 1, "{}", db.name);
        assert!(
            recompute.values > 0,
            "{}: the KPIs were recomputed",
            db.name
        );
        assert_eq!(
            numerator(&db.conn, "volunteer_hours", "2025").await,
            Some(11.0),
            "{}",
            db.name
        );
        assert_eq!(
            numerator(&db.conn, "volunteer_hours", "2025-11").await,
            Some(5.0),
            "{}",
            db.name
        );
        let mine = SelfReporting::for_member(&db.conn, MemberId(1))
            .await
            .expect("reports");
        assert_eq!(mine[0].status, SelfReportStatus::Verified, "{}", db.name);
        assert_eq!(
            mine[0].verifier.as_deref(),
            Some("Sam Staff"),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn bad_reports_and_decisions_are_refused_and_change_nothing() {
    for db in prepared().await {
        let refused = |result: Result<(), DomainError>| match result {
            Err(DomainError::Refused(problems)) => problems.join("\n"),
            other => panic!("{}: must be refused, got {other:?}", db.name),
        };
        let text = refused(
            SelfReporting::submit(
                &db.conn,
                MemberId(1),
                volunteering(day(2026, 1, 5), 2.0),
                today(),
            )
            .await
            .map(|_| ()),
        );
        assert!(text.contains("has not started yet"), "{text}");
        let mut empty = volunteering(day(2025, 10, 1), 500.0);
        empty.description = "  ".into();
        let text = refused(
            SelfReporting::submit(&db.conn, MemberId(1), empty, today())
                .await
                .map(|_| ()),
        );
        assert!(
            text.contains("hours:") && text.contains("description:"),
            "{text}"
        );
        // Member 1's January activity report is already verified in the fixture.
        let again = SelfReportDraft {
            kind: SelfReportKind::Activity,
            month: day(2025, 1, 1),
            hours: 1.0,
            description: "again".into(),
        };
        let text = refused(
            SelfReporting::submit(&db.conn, MemberId(1), again, today())
                .await
                .map(|_| ()),
        );
        assert!(text.contains("already verified"), "{text}");
        // Report 1 is verified, report 2 submitted: deciding both is refused as a whole.
        let text = refused(
            SelfReporting::decide(&db.conn, "Sam", &[1, 2], &ReportDecision::Verify, today())
                .await
                .map(|_| ()),
        );
        assert!(text.contains("nothing was changed"), "{text}");
        let still = SelfReporting::for_member(&db.conn, MemberId(2))
            .await
            .expect("reports");
        assert!(
            still
                .iter()
                .any(|r| r.id == 2 && r.status == SelfReportStatus::Submitted),
            "{}",
            db.name
        );
        let text = refused(
            SelfReporting::decide(
                &db.conn,
                "Sam",
                &[2],
                &ReportDecision::Reject { reason: " ".into() },
                today(),
            )
            .await
            .map(|_| ()),
        );
        assert!(text.contains("reason"), "{text}");
        // A rejected report can be sent again.
        let (changed, _) = SelfReporting::decide(
            &db.conn,
            "Sam",
            &[2],
            &ReportDecision::Reject {
                reason: "No date given".into(),
            },
            today(),
        )
        .await
        .expect("rejected");
        assert_eq!(changed, 1);
        let resent = SelfReporting::submit(
            &db.conn,
            MemberId(2),
            SelfReportDraft {
                kind: SelfReportKind::Activity,
                month: day(2025, 1, 1),
                hours: 2.0,
                description: "Now with dates".into(),
            },
            today(),
        )
        .await
        .expect("resubmitted");
        assert_eq!(resent.id, 2, "{}: the same report, sent again", db.name);
        assert_eq!(resent.rejection_reason, None, "{}", db.name);
    }
}
