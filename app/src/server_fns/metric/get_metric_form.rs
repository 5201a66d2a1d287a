//! A metric's fields for the editor.

use leptos::prelude::*;

use crate::{error::AppError, models::metric::MetricForm};

/// The editor's fields for `key`, the definition pretty-printed and thresholds in the
/// display unit; an empty form for a new metric when `key` is empty. Staff only.
#[server(endpoint = "metrics/form")]
pub async fn get_metric_form(key: String) -> Result<MetricForm, AppError> {
    use domain::metric_catalogue::MetricCatalogue;

    use crate::i18n::format_threshold;

    crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    if key.is_empty() {
        return Ok(MetricForm {
            group: "cluster".into(),
            unit: "count".into(),
            definition: NEW_DEFINITION.into(),
            ..MetricForm::default()
        });
    }
    let locale = crate::providers::locale::request_locale();
    let Some(metric) = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .find(|m| m.key.as_str() == key)
    else {
        return Err(AppError::NotFound.respond());
    };
    let definition = match metric.definition()? {
        Some(definition) => serde_json::to_string_pretty(&definition).unwrap_or_default(),
        None => String::new(),
    };
    let row = metric.row;
    Ok(MetricForm {
        key: row.key,
        name: row.name,
        description: row.description,
        green: format_threshold(locale, &row.unit, row.green),
        amber: format_threshold(locale, &row.unit, row.amber),
        group: row.group_key,
        unit: row.unit,
        lower_is_better: row.lower_is_better,
        obligatory: row.obligatory,
        yearly_only: row.yearly_only,
        owner: row.owner.unwrap_or_default(),
        definition,
        retired: row.retired_on.is_some(),
    })
}

#[cfg(feature = "ssr")]
/// A starting point for a new metric: events a cluster held in the period.
const NEW_DEFINITION: &str = r#"{
  "kind": "count",
  "measure": {
    "source": "events",
    "aggregate": { "fn": "count" },
    "placement": { "rule": "date_in_period", "field": "scheduled_start" },
    "filters": [
      { "test": "compare", "field": "status", "op": "eq", "value": "held" }
    ]
  }
}"#;
