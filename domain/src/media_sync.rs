//! Media coverage from a file or an integration: each item known by its reference (a CRM's
//! id, or the `MP-…` one the app gave it), with its cluster, day, outlet, kind, reach and
//! title. The whole file is checked first (every problem by line and column, nothing
//! written on any), written in one transaction, recorded in the import history (from which
//! it can be rolled back), and the media KPIs of the clusters and days it touches are
//! recomputed.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ActiveEnum, ConnectionTrait, DatabaseConnection, EntityTrait, Iterable, Value};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::entity::{media_item, media_item::MediaKind};
use crate::fact_directory::FactDirectory;
use crate::fact_file::{FileLayout, ImportPreview, NumberedRecord, Records, RowProblem};
use crate::fact_import::ImportOutcome;
use crate::fact_upsert::{
    Planned, Upsert, UpsertTable, settle, undo_rows, write_checked, written_rows,
};
use crate::import_history::ImportOrigin;
use crate::media_coverage::{MAX_OUTLET, MAX_REACH, MAX_TITLE};
use crate::membership_sync::Touched;

/// The columns of a file of media items; a day as `2025-03-14`.
pub const LAYOUT: FileLayout = FileLayout {
    kind: "media_items",
    required: &[
        "reference",
        "cluster_code",
        "published_on",
        "outlet",
        "kind",
        "title",
    ],
    optional: &["reach"],
};

/// The longest reference (the column's width).
pub const REFERENCE_MAX: usize = 40;

/// One media item as a file row or an integration sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MediaRecord {
    /// The item's reference: the natural key.
    pub reference: String,
    /// The code of the cluster it is about.
    pub cluster_code: String,
    /// The day it was published.
    pub published_on: String,
    /// Where: a newspaper, a site, the cluster's own channel.
    pub outlet: String,
    /// `mention`, `press_release` or `social_post`.
    pub kind: String,
    /// How many people it reached; 0 when left out.
    pub reach: Option<String>,
    /// Its title.
    pub title: String,
}

/// An item's columns besides its reference, as the history keeps them before a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct MediaFields {
    cluster_id: i32,
    published_on: NaiveDate,
    outlet: String,
    kind: String,
    reach: i64,
    title: String,
}

impl From<&media_item::Model> for MediaFields {
    fn from(m: &media_item::Model) -> Self {
        Self {
            cluster_id: m.cluster_id,
            published_on: m.published_on,
            outlet: m.outlet.clone(),
            kind: m.kind.to_value(),
            reach: m.reach,
            title: m.title.clone(),
        }
    }
}

/// The `media_items` table, imported by reference.
pub(crate) struct MediaTable;

impl UpsertTable for MediaTable {
    type Fields = MediaFields;
    const TABLE: &'static str = "media_items";
    const KEY_COLUMNS: &'static [&'static str] = &["reference"];
    const FIELD_COLUMNS: &'static [&'static str] = &[
        "cluster_id",
        "published_on",
        "outlet",
        "kind",
        "reach",
        "title",
    ];

    fn touch(fields: &MediaFields, touched: &mut Touched) {
        touched.clusters.insert(fields.cluster_id);
        touched.days.push(fields.published_on);
    }

    fn field_values(f: &MediaFields) -> Vec<Value> {
        vec![
            f.cluster_id.into(),
            f.published_on.into(),
            f.outlet.clone().into(),
            f.kind.clone().into(),
            f.reach.into(),
            f.title.clone().into(),
        ]
    }
}

/// A checked file: what importing it would do, with its rows ready to write.
pub struct CheckedMedia {
    /// What importing the file would do, and its problems.
    pub preview: ImportPreview,
    rows: Vec<Planned<MediaTable>>,
}

/// Importing media items by reference.
pub struct MediaSync;

impl MediaSync {
    /// Checks the records of a file or a batch against the clusters and items there are;
    /// writes nothing. `today` bounds the days.
    #[tracing::instrument(skip_all, err)]
    pub(crate) async fn check_records<C: ConnectionTrait>(
        db: &C,
        mut records: Records<impl Iterator<Item = NumberedRecord<MediaRecord>>>,
        today: NaiveDate,
    ) -> Result<CheckedMedia, DomainError> {
        let directory = FactDirectory::clusters(db).await?;
        let stored: HashMap<String, (i32, MediaFields)> = media_item::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| {
                let fields = MediaFields::from(&m);
                (m.reference, (m.id, fields))
            })
            .collect();
        let kinds: Vec<String> = MediaKind::iter().map(|k| k.to_value()).collect();

        let mut preview = records.preview();
        let position = records.position;
        let mut rows: Vec<Planned<MediaTable>> = Vec::new();
        let mut seen: HashMap<String, u64> = HashMap::new();
        while let Some((line, record)) = records.next_record(&mut preview) {
            let before = preview.problem_count;
            let mut problem = |column: &str, value: &str, why: String| {
                preview.problem(RowProblem::in_column(line, column, value, why));
            };
            let mut text = |column: &str, value: &str, max: usize| {
                let value = value.trim();
                if value.is_empty() {
                    problem(column, "", "required".into());
                } else if value.chars().count() > max {
                    problem(column, value, format!("at most {max} characters"));
                }
                value.to_owned()
            };
            let reference = text("reference", &record.reference, REFERENCE_MAX);
            let outlet = text("outlet", &record.outlet, MAX_OUTLET);
            let title = text("title", &record.title, MAX_TITLE);
            let code = record.cluster_code.trim();
            let cluster = directory
                .cluster(code)
                .map_err(|why| problem("cluster_code", code, why.into()))
                .ok();
            let day_text = record.published_on.trim();
            let published_on = NaiveDate::parse_from_str(day_text, "%Y-%m-%d").ok();
            match published_on {
                None if day_text.is_empty() => problem(
                    "published_on",
                    "",
                    "required: the day it was published, as 2025-03-14".into(),
                ),
                None => problem(
                    "published_on",
                    day_text,
                    "not a date: write 2025-03-14".into(),
                ),
                Some(day) if day > today => problem(
                    "published_on",
                    day_text,
                    format!("after today ({today}): record an item once it is out"),
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
            let reach_text = record.reach.as_deref().unwrap_or("").trim();
            let reach = if reach_text.is_empty() {
                0
            } else {
                match reach_text.parse::<i64>() {
                    Ok(reach) if (0..=MAX_REACH).contains(&reach) => reach,
                    _ => {
                        problem(
                            "reach",
                            reach_text,
                            format!("a whole number from 0 to {MAX_REACH}"),
                        );
                        0
                    }
                }
            };
            if !reference.is_empty()
                && let Some(first) = seen.insert(reference.clone(), line)
            {
                problem(
                    "reference",
                    &reference,
                    format!("this item is also on {position} {first}"),
                );
            }
            let (Some(cluster_id), Some(published_on)) = (cluster, published_on) else {
                continue;
            };
            if preview.problem_count > before {
                continue;
            }
            let fields = MediaFields {
                cluster_id,
                published_on,
                outlet,
                kind,
                reach,
                title,
            };
            let action = Upsert::against(stored.get(&reference).cloned(), &fields);
            rows.push(Planned {
                key: vec![reference.into()],
                fields,
                action,
            });
        }
        settle(&records, &mut preview, &mut rows);
        Ok(CheckedMedia { preview, rows })
    }

    /// Writes a checked file in one transaction when it has no problem (refused otherwise,
    /// and nothing is written), records it in the import history, then recomputes the
    /// media KPIs of the clusters and days it touched.
    #[tracing::instrument(skip_all, err)]
    pub async fn write(
        db: &DatabaseConnection,
        CheckedMedia { preview, rows }: CheckedMedia,
        origin: &ImportOrigin,
        today: NaiveDate,
    ) -> Result<ImportOutcome, DomainError> {
        write_checked(db, preview, &rows, origin, Touched::default(), today).await
    }
}

/// Undoes media import `import` in `txn`: what the KPI recompute must cover (the items
/// as the import left them and as they are restored), with the counts.
pub(crate) async fn undo<C: ConnectionTrait>(
    txn: &C,
    import: i32,
) -> Result<(u64, u64, Touched), DomainError> {
    let mut touched = Touched::default();
    for row in written_rows(txn, "media_items", "cluster_id, published_on", import).await? {
        touched.clusters.insert(row.try_get("", "cluster_id")?);
        touched.days.push(row.try_get("", "published_on")?);
    }
    let undone = undo_rows::<MediaTable, _>(txn, import, "its items cannot be removed").await?;
    for fields in &undone.restored {
        MediaTable::touch(fields, &mut touched);
    }
    Ok((undone.removed, undone.restored.len() as u64, touched))
}

/// A media record from a file row's cells.
pub(crate) fn record(cells: &crate::fact_file::Cells<'_>) -> MediaRecord {
    MediaRecord {
        reference: cells.text("reference"),
        cluster_code: cells.text("cluster_code"),
        published_on: cells.text("published_on"),
        outlet: cells.text("outlet"),
        kind: cells.text("kind"),
        reach: cells.optional("reach"),
        title: cells.text("title"),
    }
}
