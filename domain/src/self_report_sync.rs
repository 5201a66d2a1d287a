//! Members' self-reports (activity, event participation, volunteer hours) from a file or an
//! integration: each known by its member, month and kind, with its cluster, due day,
//! submission, hours, description and where staff's review stands. The whole file is
//! checked first (every problem by line and column, nothing written on any), written in
//! one transaction, recorded in the import history (from which it can be rolled back), and
//! the KPIs of the members, clusters and days it touches are recomputed.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use sea_orm::{ActiveEnum, ConnectionTrait, DatabaseConnection, EntityTrait, Iterable, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::self_report;
use crate::entity::self_report::{SelfReportKind, SelfReportStatus};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of self-reports; a month as `2025-03`, days as `2025-04-10`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "self_reports",
    required: &[
        "member_number",
        "cluster_code",
        "report_month",
        "kind",
        "due_on",
        "status",
    ],
    optional: &[
        "submitted_on",
        "hours",
        "description",
        "verifier",
        "verified_on",
        "rejection_reason",
    ],
};

/// The most hours one report may hold: a month's worth of every day.
const HOURS_MAX: f64 = 744.0;
/// The longest description.
const DESCRIPTION_MAX: usize = 2000;
/// The longest verifier name (the column's width).
const VERIFIER_MAX: usize = 160;

/// One self-report as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelfReportRecord {
    /// The reporting member's number.
    pub member_number: String,
    /// The code of the cluster the report counts for.
    pub cluster_code: String,
    /// The month reported on (`2025-03`).
    pub report_month: String,
    /// `activity`, `event_participation` or `volunteer_hours`.
    pub kind: String,
    /// The day it was due.
    pub due_on: String,
    /// `expected`, `submitted`, `verified` or `rejected`.
    pub status: String,
    /// The day it was submitted; required unless it is still expected.
    pub submitted_on: Option<String>,
    /// Hours reported (`6`, `2.5`); 0 when left out.
    pub hours: Option<String>,
    /// What the member did.
    pub description: Option<String>,
    /// Who verified or rejected it.
    pub verifier: Option<String>,
    /// The day it was verified or rejected.
    pub verified_on: Option<String>,
    /// Why it was rejected.
    pub rejection_reason: Option<String>,
}

/// A report's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct SelfReportFields {
    cluster_id: i32,
    due_on: NaiveDate,
    submitted_on: Option<NaiveDate>,
    hours: f64,
    description: String,
    status: String,
    verifier: Option<String>,
    verified_on: Option<NaiveDate>,
    rejection_reason: Option<String>,
}

impl From<&self_report::Model> for SelfReportFields {
    fn from(r: &self_report::Model) -> Self {
        Self {
            cluster_id: r.cluster_id,
            due_on: r.due_on,
            submitted_on: r.submitted_on,
            hours: r.hours,
            description: r.description.clone(),
            status: r.status.to_value(),
            verifier: r.verifier.clone(),
            verified_on: r.verified_on,
            rejection_reason: r.rejection_reason.clone(),
        }
    }
}

/// The `self_reports` table, imported by member, month and kind.
pub(crate) struct SelfReportTable;

impl UpsertTable for SelfReportTable {
    type Fields = SelfReportFields;
    const TABLE: &'static str = "self_reports";
    const KEY_COLUMNS: &'static [&'static str] = &["member_id", "report_month", "kind"];
    const FIELD_COLUMNS: &'static [&'static str] = &[
        "cluster_id",
        "due_on",
        "submitted_on",
        "hours",
        "description",
        "status",
        "verifier",
        "verified_on",
        "rejection_reason",
    ];

    /// The member and month, in the key, are added by [`SelfReportSync::write`].
    fn touch(fields: &SelfReportFields, touched: &mut Touched) {
        touched.clusters.insert(fields.cluster_id);
        touched.days.push(fields.due_on);
        touched.days.extend(fields.submitted_on);
        touched.days.extend(fields.verified_on);
    }

    fn field_values(f: &SelfReportFields) -> Vec<Value> {
        vec![
            f.cluster_id.into(),
            f.due_on.into(),
            f.submitted_on.into(),
            f.hours.into(),
            f.description.clone().into(),
            f.status.clone().into(),
            f.verifier.clone().into(),
            f.verified_on.into(),
            f.rejection_reason.clone().into(),
        ]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedSelfReports {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<SelfReportTable>>,
    /// The member and month of each row, for the recompute.
    places: Vec<(i32, NaiveDate)>,
}

/// Importing self-reports by member, month and kind.
pub struct SelfReportSync;

impl SelfReportSync {
    /// Checks the records of a file or a batch against the members, clusters and reports
    /// there are; writes nothing. `today` bounds the days.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<SelfReportRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedSelfReports, DomainError> {
        let directory = FactDirectory::people(db).await?;
        type ReportKey = (i32, NaiveDate, String);
        let stored: HashMap<ReportKey, (i32, SelfReportFields)> = self_report::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| {
                let fields = SelfReportFields::from(&r);
                (
                    (r.member_id, r.report_month, r.kind.to_value()),
                    (r.id, fields),
                )
            })
            .collect();
        let kinds: Vec<String> = SelfReportKind::iter().map(|k| k.to_value()).collect();
        let statuses: Vec<String> = SelfReportStatus::iter().map(|s| s.to_value()).collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<SelfReportTable>> = Vec::new();
        let mut places = Vec::new();
        let mut seen: HashMap<ReportKey, u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let code = record.cluster_code.trim();
            let cluster = directory
                .cluster(code)
                .map_err(|why| problem("cluster_code", code, why.into()))
                .ok();
            let number = record.member_number.trim();
            let member = directory
                .member_of(number, cluster)
                .map_err(|why| problem("member_number", number, why.into()))
                .ok();
            let month_text = record.report_month.trim();
            let month = NaiveDate::parse_from_str(&format!("{month_text}-01"), "%Y-%m-%d")
                .ok()
                .or_else(|| {
                    NaiveDate::parse_from_str(month_text, "%Y-%m-%d")
                        .ok()
                        .and_then(|d| d.with_day(1))
                });
            match month {
                None => problem(
                    "report_month",
                    month_text,
                    "not a month: write 2025-03".into(),
                ),
                Some(first) if first > today => problem(
                    "report_month",
                    month_text,
                    format!("after this month ({today}): a report covers a month begun"),
                ),
                Some(_) => {}
            }
            let kind = record.kind.trim().to_lowercase();
            if !kinds.contains(&kind) {
                problem(
                    "kind",
                    record.kind.trim(),
                    format!("one of {}", kinds.join(", ")),
                );
            }
            let status = record.status.trim().to_lowercase();
            if !statuses.contains(&status) {
                problem(
                    "status",
                    record.status.trim(),
                    format!("one of {}", statuses.join(", ")),
                );
            }
            let mut date = |column: &str, text: Option<&str>| {
                let text = text.map(str::trim).filter(|t| !t.is_empty())?;
                let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
                if day.is_none() {
                    problem(column, text, "not a date: write 2025-04-10".into());
                }
                day
            };
            let due_on = date("due_on", Some(&record.due_on));
            let submitted_on = date("submitted_on", record.submitted_on.as_deref());
            let verified_on = date("verified_on", record.verified_on.as_deref());
            if record.due_on.trim().is_empty() {
                problem("due_on", "", "required: the day it was due".into());
            }
            for (column, day) in [("submitted_on", submitted_on), ("verified_on", verified_on)] {
                if let Some(day) = day
                    && day > today
                {
                    problem(column, &day.to_string(), format!("after today ({today})"));
                }
            }
            if status == "expected" && submitted_on.is_some() {
                problem(
                    "status",
                    &status,
                    "expected, yet submitted_on is given: write submitted".into(),
                );
            } else if status != "expected"
                && statuses.contains(&status)
                && record
                    .submitted_on
                    .as_deref()
                    .is_none_or(|t| t.trim().is_empty())
            {
                problem(
                    "submitted_on",
                    "",
                    format!("required for a {status} report: the day it came in"),
                );
            }
            let hours_text = record.hours.as_deref().unwrap_or("").trim();
            let hours = if hours_text.is_empty() {
                0.0
            } else {
                match hours_text.replace(',', ".").parse::<f64>() {
                    Ok(hours) if (0.0..=HOURS_MAX).contains(&hours) => hours,
                    _ => {
                        problem(
                            "hours",
                            hours_text,
                            format!("a number of hours from 0 to {HOURS_MAX}"),
                        );
                        0.0
                    }
                }
            };
            let mut text = |column: &str, value: Option<&str>, max: usize| {
                let value = value.unwrap_or("").trim();
                if value.chars().count() > max {
                    problem(column, value, format!("at most {max} characters"));
                }
                value.to_owned()
            };
            let description = text(
                "description",
                record.description.as_deref(),
                DESCRIPTION_MAX,
            );
            let verifier = text("verifier", record.verifier.as_deref(), VERIFIER_MAX);
            let reason = text(
                "rejection_reason",
                record.rejection_reason.as_deref(),
                DESCRIPTION_MAX,
            );
            let (Some(member), Some(cluster_id), Some(month), Some(due_on)) =
                (member, cluster, month, due_on)
            else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let key: ReportKey = (member, month, kind.clone());
            if let Some(first) = seen.insert(key.clone(), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "report_month",
                    month_text,
                    format!(
                        "this member's {kind} report for the month is also on {position} {first}"
                    ),
                ));
                continue;
            }
            let fields = SelfReportFields {
                cluster_id,
                due_on,
                submitted_on,
                hours,
                description,
                status,
                verifier: Some(verifier).filter(|v| !v.is_empty()),
                verified_on,
                rejection_reason: Some(reason).filter(|r| !r.is_empty()),
            };
            let action = Upsert::against(stored.get(&key).cloned(), &fields);
            rows.push(Planned {
                key: vec![member.into(), month.into(), kind.into()],
                fields,
                action,
            });
            places.push((member, month));
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedSelfReports {
            preview,
            rows,
            places,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// KPIs of the members, clusters and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedSelfReports {
            preview,
            rows,
            places,
        }: CheckedSelfReports,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        let mut touched = Touched::default();
        for (row, &(member, month)) in rows.iter().zip(&places) {
            if !matches!(row.action, Upsert::Keep) {
                touched.members.insert(member);
                touched.days.push(month);
            }
        }
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// Undoes self-report import `import` in `txn`: what the KPI recompute must cover (the
/// reports as the import left them and as they are restored), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    for row in written_rows(
        txn,
        "self_reports",
        "member_id, cluster_id, report_month, due_on, submitted_on, verified_on",
        import,
    )
    .await?
    {
        touched.add_day(
            row.try_get("", "member_id")?,
            Some(row.try_get("", "cluster_id")?),
            row.try_get("", "report_month")?,
        );
        touched.days.push(row.try_get("", "due_on")?);
        touched
            .days
            .extend(row.try_get::<Option<NaiveDate>>("", "submitted_on")?);
        touched
            .days
            .extend(row.try_get::<Option<NaiveDate>>("", "verified_on")?);
    }
    let undone =
        undo_rows::<SelfReportTable, _>(txn, import, "its reports cannot be removed").await?;
    for fields in &undone.restored {
        SelfReportTable::touch(fields, &mut touched);
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A self-report record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> SelfReportRecord {
    SelfReportRecord {
        member_number: cells.text("member_number"),
        cluster_code: cells.text("cluster_code"),
        report_month: cells.text("report_month"),
        kind: cells.text("kind"),
        due_on: cells.text("due_on"),
        status: cells.text("status"),
        submitted_on: cells.optional("submitted_on"),
        hours: cells.optional("hours"),
        description: cells.optional("description"),
        verifier: cells.optional("verifier"),
        verified_on: cells.optional("verified_on"),
        rejection_reason: cells.optional("rejection_reason"),
    }
}
