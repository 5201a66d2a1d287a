//! How a metric is computed, as data: a definition is stored as JSON on the metric's row,
//! edited by staff, checked by the engine against its fact sources and compiled to SQL.
//! Nothing here knows SQL; the engine in `domain` gives these words their meaning.

use serde::{Deserialize, Serialize};

use crate::MetricKey;

/// A metric's definition: what is counted, and how numerator and denominator combine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum MetricDefinition {
    /// A number of fact rows (`count` aggregation).
    Count {
        /// What is counted.
        measure: Measure,
    },
    /// A number of distinct values of a field (`count_distinct` aggregation).
    DistinctCount {
        /// What is counted.
        measure: Measure,
    },
    /// A total of a field (`sum` aggregation).
    Sum {
        /// What is added up.
        measure: Measure,
    },
    /// The mean of a field over the rows of a measure (`sum` of the field / number of rows).
    Average {
        /// The rows, and the field (`sum` aggregation) whose mean is taken.
        measure: Measure,
    },
    /// One quantity divided by another; no value when the denominator is zero.
    Ratio {
        /// What is divided.
        numerator: Quantity,
        /// What it is divided by.
        denominator: Quantity,
    },
    /// 1 when every condition holds for the cluster and period, else 0; above a cluster,
    /// the share of clusters with 1.
    Boolean {
        /// Conditions that must all hold.
        conditions: Vec<Condition>,
    },
    /// A weighted sum of other metrics' values, times a scale; no value when a component
    /// has none. Above a cluster, computed from the rolled-up components.
    Composite {
        /// The metrics combined, with their weights.
        components: Vec<Component>,
        /// A factor applied to the weighted sum (100 for a 0-100 score).
        #[serde(default = "one")]
        scale: f64,
    },
}

fn one() -> f64 {
    1.0
}

/// An aggregate over the rows of one fact source that fall into a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The fact source, by name (see the engine's registry).
    pub source: String,
    /// How the rows are aggregated.
    pub aggregate: Aggregate,
    /// Which rows belong to a period.
    pub placement: Placement,
    /// Conditions on the rows; all must hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<Filter>,
    /// A factor that depends on the period (months in it, or its share of a year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_period: Option<PeriodFactor>,
}

/// How the rows of a measure are aggregated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "fn", rename_all = "snake_case", deny_unknown_fields)]
pub enum Aggregate {
    /// The number of rows.
    Count,
    /// The number of distinct values of a field.
    CountDistinct {
        /// The field.
        field: String,
    },
    /// The total of a numeric field.
    Sum {
        /// The field.
        field: String,
    },
}

/// A factor that scales a measure by the period it is computed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodFactor {
    /// Times the number of months in the period (1, 3 or 12).
    Months,
    /// Times the period's share of a year (1/12, 1/4 or 1): pro-rates yearly amounts.
    YearShare,
}

impl PeriodFactor {
    /// The factor for a period of `months` months.
    pub fn factor(self, months: u32) -> f64 {
        match self {
            Self::Months => f64::from(months),
            Self::YearShare => f64::from(months) / 12.0,
        }
    }
}

/// Which rows of a source belong to a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Placement {
    /// The row's date (or date-time) falls inside the period.
    DateInPeriod {
        /// The date field.
        field: String,
    },
    /// The row's date falls in the 12 months that end on the period's last day.
    DateInYearToLastDay {
        /// The date field.
        field: String,
    },
    /// The row's interval (start, optional end) covers a day of the period.
    ActiveOn {
        /// The start date field.
        start: String,
        /// The end date field (empty end: still active).
        end: String,
        /// Which day.
        day: PeriodDay,
    },
    /// The row's interval overlaps the period.
    Overlaps {
        /// The start date field.
        start: String,
        /// The end date field (empty end: still active).
        end: String,
    },
    /// The row's year field names the fiscal year the period belongs to.
    FiscalYear {
        /// The integer year field.
        field: String,
    },
    /// The row's integer year field equals the calendar year of the period's last day.
    CalendarYearOfLastDay {
        /// The integer year field.
        field: String,
    },
    /// Every row belongs to every period (standing facts such as board seats).
    Always,
}

/// A day of the period, for interval facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodDay {
    /// The period's first day.
    FirstDay,
    /// The period's last day.
    LastDay,
    /// The same calendar date one year before the last day (29 February: 28 February).
    YearBeforeLastDay,
}

/// A condition on the rows of a measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "test", rename_all = "snake_case", deny_unknown_fields)]
pub enum Filter {
    /// A field compared with a constant (text, number or true/false).
    Compare {
        /// The field.
        field: String,
        /// The comparison.
        op: Comparison,
        /// The constant.
        value: serde_json::Value,
    },
    /// A field is one of several text values.
    OneOf {
        /// The field.
        field: String,
        /// The allowed values.
        values: Vec<String>,
    },
    /// Two fields of the same row compared; a row where either is empty never passes.
    CompareFields {
        /// The left field.
        field: String,
        /// The comparison.
        op: Comparison,
        /// The right field.
        other: String,
    },
    /// A field is empty (`null`) or not.
    IsEmpty {
        /// The field.
        field: String,
        /// `true`: must be empty; `false`: must have a value.
        empty: bool,
    },
    /// At least one row of another source, in the same period, matches this row.
    Exists(Link),
    /// No row of another source, in the same period, matches this row.
    NotExists(Link),
}

/// Rows of another source that a row of a measure is matched against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The other source.
    pub source: String,
    /// Which of its rows belong to the period.
    pub placement: Placement,
    /// Conditions on its rows (links cannot nest).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<Filter>,
    /// How its rows match this row: its field, compared with this row's field.
    pub on: Vec<Match>,
}

/// One matching rule of a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Match {
    /// The linked source's field.
    pub field: String,
    /// The comparison (`eq` or `ne`).
    pub op: Comparison,
    /// The measured row's field.
    pub outer: String,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Equal.
    Eq,
    /// Not equal.
    Ne,
    /// Less than.
    Lt,
    /// Less than or equal.
    Le,
    /// Greater than.
    Gt,
    /// Greater than or equal.
    Ge,
}

impl Comparison {
    /// The operator in SQL.
    pub fn sql(self) -> &'static str {
        match self {
            Self::Eq => "=",
            Self::Ne => "<>",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
        }
    }

    /// Whether `left op right` holds.
    pub fn holds(self, left: f64, right: f64) -> bool {
        match self {
            Self::Eq => left == right,
            Self::Ne => left != right,
            Self::Lt => left < right,
            Self::Le => left <= right,
            Self::Gt => left > right,
            Self::Ge => left >= right,
        }
    }

    /// The operator in words, for explanations.
    pub fn words(self) -> &'static str {
        match self {
            Self::Eq => "is",
            Self::Ne => "is not",
            Self::Lt => "is before / less than",
            Self::Le => "is on or before / at most",
            Self::Gt => "is after / more than",
            Self::Ge => "is on or after / at least",
        }
    }
}

/// A numerator or denominator: a measure, or arithmetic on measures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Quantity {
    /// One measure.
    Measure(Measure),
    /// The first minus the second.
    Difference(Box<Quantity>, Box<Quantity>),
    /// The first times the second.
    Product(Box<Quantity>, Box<Quantity>),
    /// The absolute value.
    Absolute(Box<Quantity>),
}

impl Quantity {
    /// Every measure in this quantity, left to right.
    pub fn measures(&self) -> Vec<&Measure> {
        match self {
            Self::Measure(m) => vec![m],
            Self::Difference(a, b) | Self::Product(a, b) => {
                let mut all = a.measures();
                all.extend(b.measures());
                all
            }
            Self::Absolute(a) => a.measures(),
        }
    }

    /// Evaluates the quantity, given the measures' values in the order of [`Self::measures`].
    pub fn evaluate(&self, values: &mut impl Iterator<Item = f64>) -> f64 {
        match self {
            Self::Measure(_) => values.next().unwrap_or(0.0),
            Self::Difference(a, b) => {
                let left = a.evaluate(values);
                left - b.evaluate(values)
            }
            Self::Product(a, b) => {
                let left = a.evaluate(values);
                left * b.evaluate(values)
            }
            Self::Absolute(a) => a.evaluate(values).abs(),
        }
    }
}

/// A condition of a boolean metric: a measure compared with a constant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The measure.
    pub measure: Measure,
    /// The comparison.
    pub op: Comparison,
    /// The constant.
    pub value: f64,
}

/// One metric in a composite, with its weight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// The metric.
    pub metric: MetricKey,
    /// Its weight.
    pub weight: f64,
}

impl MetricDefinition {
    /// Parses a stored definition.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The definition as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Every measure the definition computes directly (composites have none), in the
    /// order the engine evaluates them.
    pub fn measures(&self) -> Vec<&Measure> {
        match self {
            Self::Count { measure }
            | Self::DistinctCount { measure }
            | Self::Sum { measure }
            | Self::Average { measure } => vec![measure],
            Self::Ratio {
                numerator,
                denominator,
            } => {
                let mut all = numerator.measures();
                all.extend(denominator.measures());
                all
            }
            Self::Boolean { conditions } => conditions.iter().map(|c| &c.measure).collect(),
            Self::Composite { .. } => Vec::new(),
        }
    }

    /// The metrics a composite combines (empty for other kinds).
    pub fn components(&self) -> &[Component] {
        match self {
            Self::Composite { components, .. } => components,
            _ => &[],
        }
    }

    /// The kind, as stored in the JSON `kind` tag.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Count { .. } => "count",
            Self::DistinctCount { .. } => "distinct_count",
            Self::Sum { .. } => "sum",
            Self::Average { .. } => "average",
            Self::Ratio { .. } => "ratio",
            Self::Boolean { .. } => "boolean",
            Self::Composite { .. } => "composite",
        }
    }
}
