//! Explaining a stored KPI value: its numerator and denominator, the definition it was
//! computed from, and for each measure the fact rows behind it (one cluster, one period).

use kpi::definition::MetricDefinition;
use kpi::{ClusterId, MetricKey, Period};
use sea_orm::{ConnectionTrait, QueryResult};
use serde::Serialize;

use crate::DomainError;
use crate::kpi_engine::KpiEngine;
use crate::kpi_engine::dialect::Dialect;
use crate::kpi_engine::fact_source::{FieldType, fact_source};
use crate::kpi_engine::measure_query::fact_rows_sql;
use crate::kpi_engine::period_frame::PeriodFrame;
use crate::metric_catalogue::MetricCatalogue;
use crate::sql::statement;

/// At most this many fact rows are listed per measure.
pub const FACT_ROW_LIMIT: u32 = 500;

/// The fact rows of one measure of the definition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureRows {
    /// The measure's position in the definition (numerator measures first).
    pub position: usize,
    /// The fact source.
    pub source: String,
    /// The source's field names, in column order.
    pub fields: Vec<String>,
    /// The rows (at most [`FACT_ROW_LIMIT`]), values as JSON.
    pub rows: Vec<Vec<serde_json::Value>>,
}

/// A stored value with everything behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The value (`None`: no value).
    pub value: Option<f64>,
    /// The numerator.
    pub numerator: Option<f64>,
    /// The denominator.
    pub denominator: Option<f64>,
    /// The definition the value was computed from.
    pub definition: MetricDefinition,
    /// The fact rows per measure.
    pub measures: Vec<MeasureRows>,
}

/// Explains values.
pub struct KpiExplain;

impl KpiExplain {
    /// Explains the value of `metric` for `cluster` in `period`.
    #[tracing::instrument(skip(db), err)]
    pub async fn cluster_value<C: ConnectionTrait>(
        db: &C,
        metric: &MetricKey,
        period: &Period,
        cluster: ClusterId,
    ) -> Result<Explanation, DomainError> {
        let backend = db.get_database_backend();
        let catalogue = MetricCatalogue::all(db).await?;
        let Some(entry) = catalogue.iter().find(|m| &m.key == metric) else {
            return Err(DomainError::Invalid(format!("there is no metric {metric}")));
        };
        let definition = entry
            .definition()?
            .ok_or_else(|| DomainError::Invalid(format!("metric {metric} has no definition")))?;
        let row = db
            .query_one_raw(statement(
                backend,
                "SELECT value, numerator, denominator FROM kpi_values WHERE metric_id = ? \
                 AND period_key = ? AND scope_kind = 'cluster' AND scope_id = ?",
                [entry.row.id.into(), period.key().into(), cluster.0.into()],
            ))
            .await?
            .ok_or_else(|| {
                DomainError::Invalid(format!(
                    "no value of {metric} for cluster {cluster} in {}",
                    period.key()
                ))
            })?;
        let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
        let frame = PeriodFrame::single(*period, fiscal_start);
        let dialect = Dialect(backend);
        let mut measures = Vec::new();
        for (position, measure) in definition.measures().into_iter().enumerate() {
            let Some(source) = fact_source(&measure.source) else {
                continue;
            };
            let Some(sql) = fact_rows_sql(measure, &frame, dialect, cluster.0, FACT_ROW_LIMIT)
            else {
                continue;
            };
            let rows = db.query_all_raw(statement(backend, &sql, [])).await?;
            measures.push(MeasureRows {
                position,
                source: source.name.to_owned(),
                fields: source.fields.iter().map(|(n, _)| (*n).to_owned()).collect(),
                rows: rows
                    .iter()
                    .map(|r| {
                        source
                            .fields
                            .iter()
                            .map(|(name, ty)| json_value(r, name, *ty))
                            .collect()
                    })
                    .collect(),
            });
        }
        Ok(Explanation {
            value: row.try_get("", "value")?,
            numerator: row.try_get("", "numerator")?,
            denominator: row.try_get("", "denominator")?,
            definition,
            measures,
        })
    }
}

/// A field of a fact row as JSON, read by its registered type.
fn json_value(row: &QueryResult, name: &str, ty: FieldType) -> serde_json::Value {
    use serde_json::Value as J;
    let value = match ty {
        // 32-bit ids and years, 64-bit amounts: whichever the column holds.
        FieldType::Id | FieldType::Integer => row
            .try_get::<Option<i32>>("", name)
            .map(|v| v.map(i64::from))
            .or_else(|_| row.try_get::<Option<i64>>("", name))
            .ok()
            .flatten()
            .map(J::from),
        FieldType::Number => row
            .try_get::<Option<f64>>("", name)
            .ok()
            .flatten()
            .map(J::from),
        FieldType::Text => row
            .try_get::<Option<String>>("", name)
            .ok()
            .flatten()
            .map(J::from),
        FieldType::Flag => row
            .try_get::<Option<bool>>("", name)
            .ok()
            .flatten()
            .map(J::from),
        FieldType::Date => row
            .try_get::<Option<chrono::NaiveDate>>("", name)
            .ok()
            .flatten()
            .map(|d| J::from(d.to_string())),
        FieldType::DateTime => row
            .try_get::<Option<chrono::NaiveDateTime>>("", name)
            .ok()
            .flatten()
            .map(|d| J::from(d.to_string())),
    };
    value.unwrap_or(J::Null)
}
