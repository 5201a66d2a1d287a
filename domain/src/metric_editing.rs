//! Staff edit the metric catalogue: create a metric, change its words, thresholds or
//! definition, retire or restore it. A definition is checked against the fact-source
//! registry and the other metrics before it is saved; then the metric (and every
//! composite over it) is recomputed, so it shows like the shipped ones.

use std::collections::HashMap;

use chrono::NaiveDate;
use kpi::{Direction, MetricDefinition, MetricKey, Thresholds};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use crate::DomainError;
use crate::entity::metric;
use crate::kpi_engine::{KpiEngine, RecomputeReport, check_definition};
use crate::kpi_revision::KpiRevision;
use crate::metric_catalogue::MetricCatalogue;

/// The groups a metric can belong to.
pub const METRIC_GROUPS: &[&str] = &["cluster", "cluster_leader", "community"];
/// The units a metric can be measured in.
pub const METRIC_UNITS: &[&str] = &["percent", "count", "average", "hours", "money", "boolean"];

/// A metric as staff wrote it in the editor.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricDraft {
    /// The key (only for a new metric; an existing metric keeps its key).
    pub key: String,
    /// Name.
    pub name: String,
    /// What it measures and why, for members and staff.
    pub description: String,
    /// One of [`METRIC_GROUPS`].
    pub group_key: String,
    /// One of [`METRIC_UNITS`].
    pub unit: String,
    /// Whether a lower value is better.
    pub lower_is_better: bool,
    /// The green threshold.
    pub green: f64,
    /// The amber threshold.
    pub amber: f64,
    /// Whether every cluster must track it (otherwise leaders may select it).
    pub obligatory: bool,
    /// Whether it only has yearly values.
    pub yearly_only: bool,
    /// The staff user accountable for it.
    pub owner: Option<String>,
    /// The definition, as JSON in the `kpi::definition` language.
    pub definition: String,
}

/// What a save did.
#[derive(Clone, Debug)]
pub struct SavedMetric {
    /// The metric's key.
    pub key: MetricKey,
    /// Its version after the save.
    pub version: i32,
    /// The recompute that followed.
    pub recompute: RecomputeReport,
}

/// Creating, editing and retiring metrics.
pub struct MetricEditing;

impl MetricEditing {
    /// Creates the metric (`existing` = `None`) or updates the metric `existing`, after
    /// checking every field; refused with one line per problem. The version goes up when
    /// the definition or thresholds change. Recomputes the metric up to `today`.
    #[tracing::instrument(skip(db, draft), fields(key = %draft.key), err)]
    pub async fn save(
        db: &DatabaseConnection,
        existing: Option<&MetricKey>,
        draft: MetricDraft,
        today: NaiveDate,
    ) -> Result<SavedMetric, DomainError> {
        let catalogue = MetricCatalogue::all(db).await?;
        let mut problems = Vec::new();
        let key_text = existing.map_or(draft.key.trim(), MetricKey::as_str);
        let key = match MetricKey::parse(key_text) {
            Ok(key) => Some(key),
            Err(e) => {
                problems.push(format!("key: {e}"));
                None
            }
        };
        let current = existing.and_then(|k| catalogue.iter().find(|m| &m.key == k));
        if let Some(k) = existing
            && current.is_none()
        {
            return Err(DomainError::Invalid(format!("there is no metric {k}")));
        }
        if existing.is_none()
            && let Some(k) = &key
            && catalogue.iter().any(|m| &m.key == k)
        {
            problems.push(format!("key: a metric {k} already exists"));
        }
        let name = draft.name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            problems.push("name: give a name of 1 to 120 characters".into());
        }
        if draft.description.chars().count() > 2000 {
            problems.push("description: at most 2,000 characters".into());
        }
        if !METRIC_GROUPS.contains(&draft.group_key.as_str()) {
            problems.push(format!(
                "group: {:?} is not a group; use one of {}",
                draft.group_key,
                METRIC_GROUPS.join(", ")
            ));
        }
        if !METRIC_UNITS.contains(&draft.unit.as_str()) {
            problems.push(format!(
                "unit: {:?} is not a unit; use one of {}",
                draft.unit,
                METRIC_UNITS.join(", ")
            ));
        }
        let direction = if draft.lower_is_better {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        };
        if let Err(e) = Thresholds::new(direction, draft.green, draft.amber) {
            problems.push(format!("thresholds: {e}"));
        }
        let definition = match MetricDefinition::from_json(&draft.definition) {
            Ok(definition) => Some(definition),
            Err(e) => {
                problems.push(format!("definition: {e}"));
                None
            }
        };
        if let (Some(key), Some(definition)) = (&key, &definition) {
            let mut others: HashMap<MetricKey, MetricDefinition> = HashMap::new();
            for metric in &catalogue {
                if let Some(other) = metric.definition()? {
                    others.insert(metric.key.clone(), other);
                }
            }
            others.insert(key.clone(), definition.clone());
            if let Err(refusal) = check_definition(key, definition, &others) {
                problems.extend(
                    refusal
                        .problems
                        .into_iter()
                        .map(|p| format!("definition: {p}")),
                );
            }
        }
        let (Some(key), Some(definition), true) = (key, definition, problems.is_empty()) else {
            return Err(DomainError::Refused(problems));
        };
        // Stored in the canonical form, so equal definitions compare equal.
        let definition_json = definition.to_json();
        let owner = draft
            .owner
            .map(|o| o.trim().to_owned())
            .filter(|o| !o.is_empty());
        let txn = db.begin().await?;
        let saved = match current {
            Some(current) => {
                let row = &current.row;
                let computation_changed = row.definition.as_deref() != Some(&definition_json)
                    || row.green != draft.green
                    || row.amber != draft.amber
                    || row.lower_is_better != draft.lower_is_better
                    || row.unit != draft.unit
                    || row.yearly_only != draft.yearly_only;
                let mut update: metric::ActiveModel = row.clone().into();
                update.name = Set(name.to_owned());
                update.description = Set(draft.description.trim().to_owned());
                update.group_key = Set(draft.group_key);
                update.unit = Set(draft.unit);
                update.lower_is_better = Set(draft.lower_is_better);
                update.green = Set(draft.green);
                update.amber = Set(draft.amber);
                update.obligatory = Set(draft.obligatory);
                update.yearly_only = Set(draft.yearly_only);
                update.owner = Set(owner);
                update.definition = Set(Some(definition_json));
                update.version = Set(row.version + i32::from(computation_changed));
                update.update(&txn).await?
            }
            None => {
                metric::ActiveModel {
                    key: Set(key.to_string()),
                    name: Set(name.to_owned()),
                    description: Set(draft.description.trim().to_owned()),
                    group_key: Set(draft.group_key),
                    unit: Set(draft.unit),
                    lower_is_better: Set(draft.lower_is_better),
                    green: Set(draft.green),
                    amber: Set(draft.amber),
                    obligatory: Set(draft.obligatory),
                    yearly_only: Set(draft.yearly_only),
                    member_scope: Set(false),
                    retired_on: Set(None),
                    definition: Set(Some(definition_json)),
                    owner: Set(owner),
                    version: Set(1),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
            }
        };
        // New thresholds change signals before any value is recomputed.
        KpiRevision::advance(&txn).await?;
        txn.commit().await?;
        let recompute = KpiEngine::recompute_metrics(db, std::slice::from_ref(&key), today).await?;
        Ok(SavedMetric {
            key,
            version: saved.version,
            recompute,
        })
    }

    /// Retires the metric from `on` (it is no longer computed; its history stays), or
    /// brings it back with `on` = `None`.
    #[tracing::instrument(skip(db), err)]
    pub async fn set_retired(
        db: &DatabaseConnection,
        key: &MetricKey,
        on: Option<NaiveDate>,
    ) -> Result<(), DomainError> {
        let row = metric::Entity::find()
            .filter(metric::Column::Key.eq(key.as_str()))
            .one(db)
            .await?
            .ok_or_else(|| DomainError::Invalid(format!("there is no metric {key}")))?;
        if on.is_some() {
            let used_by: Vec<String> = MetricCatalogue::all(db)
                .await?
                .into_iter()
                .filter(|m| m.row.retired_on.is_none() && m.key != *key)
                .filter_map(|m| {
                    let uses = m
                        .definition()
                        .ok()
                        .flatten()
                        .is_some_and(|d| d.components().iter().any(|c| c.metric == *key));
                    uses.then(|| m.key.to_string())
                })
                .collect();
            if !used_by.is_empty() {
                return Err(DomainError::Refused(vec![format!(
                    "{key} is a component of {}: retire or change those first",
                    used_by.join(", ")
                )]));
            }
        }
        let mut update: metric::ActiveModel = row.into();
        update.retired_on = Set(on);
        update.update(db).await?;
        Ok(())
    }
}
