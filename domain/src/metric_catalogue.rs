//! Reading the metric catalogue, with its rows turned into the KPI vocabulary's types.

use kpi::{Direction, MetricDefinition, MetricKey, Thresholds};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::{DomainError, entity::metric};

/// A catalogue row checked against the vocabulary: a valid key and coherent thresholds.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueMetric {
    /// The stored row.
    pub row: metric::Model,
    /// Its key.
    pub key: MetricKey,
    /// Its default thresholds, with the direction that is better.
    pub thresholds: Thresholds,
}

impl CatalogueMetric {
    /// The metric's definition; `None` when it has none yet, an error naming the metric
    /// when the stored JSON is not a definition.
    pub fn definition(&self) -> Result<Option<MetricDefinition>, DomainError> {
        self.row
            .definition
            .as_deref()
            .map(|text| {
                MetricDefinition::from_json(text).map_err(|e| {
                    DomainError::Invalid(format!(
                        "metric {}: its definition is not valid: {e}",
                        self.key
                    ))
                })
            })
            .transpose()
    }
}

/// Read-only queries over the metric catalogue.
pub struct MetricCatalogue;

impl MetricCatalogue {
    /// Every metric, retired ones included, in catalogue order. A row whose key or
    /// thresholds are not valid is reported as an error naming the metric.
    #[tracing::instrument(skip(db), err)]
    pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<CatalogueMetric>, DomainError> {
        let rows = metric::Entity::find()
            .order_by_asc(metric::Column::Id)
            .all(db)
            .await?;
        rows.into_iter()
            .map(|row| {
                let invalid = |e: kpi::VocabularyError| {
                    DomainError::Invalid(format!("metric {}: {e}", row.key))
                };
                let key = MetricKey::parse(&row.key).map_err(invalid)?;
                let direction = if row.lower_is_better {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                };
                let thresholds =
                    Thresholds::new(direction, row.green, row.amber).map_err(invalid)?;
                Ok(CatalogueMetric {
                    row,
                    key,
                    thresholds,
                })
            })
            .collect()
    }
}
