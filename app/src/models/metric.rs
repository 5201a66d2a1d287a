//! The metric catalogue as staff see and edit it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::models::validation::MetricKey;

/// One metric in the catalogue list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricSummary {
    /// Key.
    pub key: MetricKey,
    /// Name.
    pub name: String,
    /// What it measures.
    pub description: String,
    /// Group.
    pub group: String,
    /// Unit.
    pub unit: String,
    /// Obligatory for every cluster (else optional).
    pub obligatory: bool,
    /// Accountable staff user.
    pub owner: Option<String>,
    /// Definition version.
    pub version: i32,
    /// Retired from this day.
    pub retired_on: Option<NaiveDate>,
    /// Whether lower is better.
    pub lower_is_better: bool,
    /// Green threshold (stored unit: fractions for percentages).
    pub green: f64,
    /// Amber threshold.
    pub amber: f64,
}

/// The editor's fields. Thresholds are text in the metric's display unit (percent for
/// percentages) as the user types them, in their locale.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MetricForm {
    /// Key (fixed once created).
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Group.
    pub group: String,
    /// Unit.
    pub unit: String,
    /// `true` when lower is better.
    pub lower_is_better: bool,
    /// Green threshold.
    pub green: String,
    /// Amber threshold.
    pub amber: String,
    /// Obligatory.
    pub obligatory: bool,
    /// Only yearly values.
    pub yearly_only: bool,
    /// Owner.
    pub owner: String,
    /// Definition as JSON.
    pub definition: String,
    /// Whether the metric is retired (read only; the retire button changes it).
    pub retired: bool,
}

/// What a save did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricSaved {
    /// The metric.
    pub key: MetricKey,
    /// Its version now.
    pub version: i32,
    /// Values computed by the recompute that followed.
    pub values: u32,
    /// Seconds the recompute took.
    pub seconds: f64,
}

/// The metric catalogue as its download has it, in the reader's `locale`: key, name,
/// whether obligatory, optional or retired, group, unit, thresholds (in the stored unit:
/// fractions for percentages), owner, version and what it measures.
pub fn catalogue_table(
    metrics: &[MetricSummary],
    locale: crate::i18n::Locale,
) -> crate::models::chart::DataTable {
    use crate::i18n::{Msg, format_metric_value, t};
    use crate::models::chart::{DataTable, TableCell};
    use crate::pages::{metrics::catalogue::unit_label, validation::queue::group_label};

    let threshold = |unit: &str, value: f64| TableCell::Number {
        value: Some(value),
        text: format_metric_value(locale, unit, value),
    };
    DataTable {
        columns: [
            Msg::ColumnKey,
            Msg::ColumnMetric,
            Msg::ColumnKind,
            Msg::ColumnGroup,
            Msg::ColumnUnit,
            Msg::GreenLabel,
            Msg::AmberLabel,
            Msg::ColumnOwner,
            Msg::ColumnVersion,
            Msg::ColumnDescription,
        ]
        .into_iter()
        .map(|msg| t(locale, msg).to_owned())
        .collect(),
        rows: metrics
            .iter()
            .map(|m| {
                let kind = if m.retired_on.is_some() {
                    Msg::Retired
                } else if m.obligatory {
                    Msg::Obligatory
                } else {
                    Msg::Optional
                };
                vec![
                    TableCell::Text(m.key.as_str().to_owned()),
                    TableCell::Text(m.name.clone()),
                    TableCell::Text(t(locale, kind).to_owned()),
                    TableCell::Text(group_label(locale, &m.group).to_owned()),
                    TableCell::Text(unit_label(locale, &m.unit).to_owned()),
                    threshold(&m.unit, m.green),
                    threshold(&m.unit, m.amber),
                    TableCell::Text(m.owner.clone().unwrap_or_default()),
                    TableCell::Number {
                        value: Some(f64::from(m.version)),
                        text: m.version.to_string(),
                    },
                    TableCell::Text(m.description.clone()),
                ]
            })
            .collect(),
    }
}
