//! Referrals of prospective members from one cluster to another, from a file or an
//! integration: each known by the referring cluster, the prospect's name and the day, with
//! the cluster referred to. The whole file is checked first (every problem by line and
//! column, nothing written on any), written in one transaction and recorded in the import
//! history, from which it can be rolled back; the referral KPI of the clusters on the days
//! it touches is recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::referral;
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::membership_sync::Touched;

/// The columns of a file of referrals; a day as `2025-03-14`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "referrals",
    required: &[
        "from_cluster_code",
        "prospect_name",
        "referred_on",
        "to_cluster_code",
    ],
    optional: &[],
};

/// The longest prospect's name (the column's width).
const NAME_MAX: usize = 160;

/// One referral as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReferralRecord {
    /// The referring cluster's code.
    pub from_cluster_code: String,
    /// The prospective member's name.
    pub prospect_name: String,
    /// The day of the referral; with the referring cluster and the name, the natural key.
    pub referred_on: String,
    /// The code of the cluster referred to.
    pub to_cluster_code: String,
}

/// A referral's columns besides its key, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ReferralFields {
    to_cluster_id: i32,
}

/// The `referrals` table, imported by referring cluster, prospect and day.
pub(crate) struct ReferralTable;

impl UpsertTable for ReferralTable {
    type Fields = ReferralFields;
    const TABLE: &'static str = "referrals";
    const KEY_COLUMNS: &'static [&'static str] =
        &["from_cluster_id", "prospect_name", "referred_on"];
    const FIELD_COLUMNS: &'static [&'static str] = &["to_cluster_id"];

    /// The cluster referred to; the referring one and the day come from the key.
    fn touch(fields: &ReferralFields, touched: &mut Touched) {
        touched.clusters.insert(fields.to_cluster_id);
    }

    fn field_values(f: &ReferralFields) -> Vec<Value> {
        vec![f.to_cluster_id.into()]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedReferrals {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<ReferralTable>>,
    touched: Touched,
}

/// A stored referral by its natural key.
type ReferralKey = (i32, String, NaiveDate);

/// Importing referrals.
pub struct ReferralSync;

impl ReferralSync {
    /// Checks the records of a file or a batch against the clusters and referrals there
    /// are; writes nothing. `today` bounds the days.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<ReferralRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedReferrals, DomainError> {
        let directory = FactDirectory::clusters(db).await?;
        let stored: HashMap<ReferralKey, (i32, ReferralFields)> = referral::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| {
                let fields = ReferralFields {
                    to_cluster_id: r.to_cluster_id,
                };
                (
                    (r.from_cluster_id, r.prospect_name, r.referred_on),
                    (r.id, fields),
                )
            })
            .collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<ReferralTable>> = Vec::new();
        let mut touched = Touched::default();
        let mut seen: HashMap<ReferralKey, u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let mut cluster = |column: &str, code: &str| {
                let code = code.trim();
                directory
                    .cluster(code)
                    .map_err(|why| problem(column, code, why.into()))
                    .ok()
            };
            let from = cluster("from_cluster_code", &record.from_cluster_code);
            let to = cluster("to_cluster_code", &record.to_cluster_code);
            let name = record.prospect_name.trim().to_owned();
            let length = name.chars().count();
            if length == 0 {
                problem(
                    "prospect_name",
                    "",
                    "required: whom the cluster referred".into(),
                );
            } else if length > NAME_MAX {
                problem(
                    "prospect_name",
                    &name,
                    format!("at most {NAME_MAX} characters"),
                );
            }
            let text = record.referred_on.trim();
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            match day {
                _ if text.is_empty() => problem(
                    "referred_on",
                    "",
                    "required: the day of the referral, as 2025-01-01".into(),
                ),
                None => problem("referred_on", text, "not a date: write 2025-01-01".into()),
                Some(day) if day > today => problem(
                    "referred_on",
                    text,
                    format!("after today ({today}): record a referral once it is made"),
                ),
                Some(_) => {}
            }
            let (Some(from), Some(to), Some(day)) = (from, to, day) else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let key: ReferralKey = (from, name.clone(), day);
            if let Some(first) = seen.insert(key.clone(), line) {
                preview.problem(RowProblem::in_column(
                    line,
                    "prospect_name",
                    &name,
                    format!(
                        "this referral by the cluster on the day is also on {position} {first}"
                    ),
                ));
                continue;
            }
            let fields = ReferralFields { to_cluster_id: to };
            let action = Upsert::against(stored.get(&key).cloned(), &fields);
            if !matches!(action, Upsert::Keep) {
                touched.clusters.insert(from);
                touched.days.push(day);
            }
            rows.push(Planned {
                key: vec![from.into(), name.into(), day.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedReferrals {
            preview,
            rows,
            touched,
        })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// referral KPI of the clusters and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedReferrals {
            preview,
            rows,
            touched,
        }: CheckedReferrals,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, touched, today).await
    }
}

/// Undoes referral import `import` in `txn`: what the KPI recompute must cover (both
/// clusters of each referral it wrote, and their days), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    for row in written_rows(
        txn,
        "referrals",
        "from_cluster_id, to_cluster_id, referred_on",
        import,
    )
    .await?
    {
        touched.clusters.insert(row.try_get("", "from_cluster_id")?);
        touched.clusters.insert(row.try_get("", "to_cluster_id")?);
        touched.days.push(row.try_get("", "referred_on")?);
    }
    let undone =
        undo_rows::<ReferralTable, _>(txn, import, "its referrals cannot be removed").await?;
    for fields in &undone.restored {
        ReferralTable::touch(fields, &mut touched);
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A referral record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> ReferralRecord {
    ReferralRecord {
        from_cluster_code: cells.text("from_cluster_code"),
        prospect_name: cells.text("prospect_name"),
        referred_on: cells.text("referred_on"),
        to_cluster_code: cells.text("to_cluster_code"),
    }
}
