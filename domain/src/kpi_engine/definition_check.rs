//! Checking a metric definition against the fact sources before it is saved, so that a
//! definition the engine cannot compute is refused with every reason, each with its path.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use kpi::MetricKey;
use kpi::definition::{
    Aggregate, Comparison, Filter, Link, Measure, MetricDefinition, Placement, Quantity,
};

use super::fact_source::{FactSource, FieldType, fact_source, fact_source_names};

/// Why a definition cannot be computed: one line per problem, each starting with where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", problems.join("; "))]
pub struct DefinitionProblems {
    /// The problems found.
    pub problems: Vec<String>,
}

/// Checks `definition` of metric `key`; `others` are the other metrics' definitions
/// (composites may only combine existing metrics and must not refer to themselves).
pub fn check_definition(
    key: &MetricKey,
    definition: &MetricDefinition,
    others: &HashMap<MetricKey, MetricDefinition>,
) -> Result<(), DefinitionProblems> {
    let mut problems = Vec::new();
    let mut report = |path: &str, problem: String| problems.push(format!("{path}: {problem}"));
    match definition {
        MetricDefinition::Count { measure } => {
            if measure.aggregate != Aggregate::Count {
                report(
                    "measure.aggregate",
                    "a count metric needs the count aggregate".into(),
                );
            }
            check_measure("measure", measure, &mut report);
        }
        MetricDefinition::DistinctCount { measure } => {
            if !matches!(measure.aggregate, Aggregate::CountDistinct { .. }) {
                report(
                    "measure.aggregate",
                    "a distinct count metric needs the count_distinct aggregate".into(),
                );
            }
            check_measure("measure", measure, &mut report);
        }
        MetricDefinition::Sum { measure } | MetricDefinition::Average { measure } => {
            if !matches!(measure.aggregate, Aggregate::Sum { .. }) {
                report(
                    "measure.aggregate",
                    format!(
                        "a {} metric needs the sum aggregate",
                        definition.kind_name()
                    ),
                );
            }
            check_measure("measure", measure, &mut report);
        }
        MetricDefinition::Ratio {
            numerator,
            denominator,
        } => {
            check_quantity("numerator", numerator, &mut report);
            check_quantity("denominator", denominator, &mut report);
            if let Some(why) = never_non_zero(denominator) {
                report("denominator", format!("it can never be non-zero: {why}"));
            }
        }
        MetricDefinition::Boolean { conditions } => {
            if conditions.is_empty() {
                report(
                    "conditions",
                    "a boolean metric needs at least one condition".into(),
                );
            }
            for (i, condition) in conditions.iter().enumerate() {
                check_measure(
                    &format!("conditions[{i}].measure"),
                    &condition.measure,
                    &mut report,
                );
                if !condition.value.is_finite() {
                    report(&format!("conditions[{i}].value"), "must be a number".into());
                }
            }
        }
        MetricDefinition::Composite { components, scale } => {
            if components.is_empty() {
                report("components", "a composite needs at least one metric".into());
            }
            if !scale.is_finite() || *scale == 0.0 {
                report("scale", "must be a non-zero number".into());
            }
            for (i, component) in components.iter().enumerate() {
                let path = format!("components[{i}]");
                if !component.weight.is_finite() {
                    report(&format!("{path}.weight"), "must be a number".into());
                }
                if &component.metric == key {
                    report(&path, format!("{key} cannot be made of itself"));
                } else if !others.contains_key(&component.metric) {
                    report(
                        &path,
                        format!("there is no metric {}", component.metric.as_str()),
                    );
                } else if refers_to(&component.metric, key, others, &mut HashSet::new()) {
                    report(
                        &path,
                        format!(
                            "{} is itself made of {key}: a composite cannot refer to itself",
                            component.metric.as_str()
                        ),
                    );
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DefinitionProblems { problems })
    }
}

/// Whether every source and field a measure (and its links) names is in the registry with
/// a fitting type: the SQL compiler calls this before it writes any name into SQL.
pub fn measure_is_computable(measure: &Measure) -> bool {
    let mut computable = true;
    check_measure("", measure, &mut |_, _| computable = false);
    computable
}

/// Whether composite `from` depends, directly or through other composites, on `target`.
fn refers_to(
    from: &MetricKey,
    target: &MetricKey,
    all: &HashMap<MetricKey, MetricDefinition>,
    seen: &mut HashSet<MetricKey>,
) -> bool {
    if !seen.insert(from.clone()) {
        return false;
    }
    all.get(from).is_some_and(|definition| {
        definition
            .components()
            .iter()
            .any(|c| &c.metric == target || refers_to(&c.metric, target, all, seen))
    })
}

fn check_quantity(path: &str, quantity: &Quantity, report: &mut impl FnMut(&str, String)) {
    match quantity {
        Quantity::Measure(measure) => check_measure(&format!("{path}.measure"), measure, report),
        Quantity::Difference(a, b) | Quantity::Product(a, b) => {
            check_quantity(&format!("{path}[0]"), a, report);
            check_quantity(&format!("{path}[1]"), b, report);
        }
        Quantity::Absolute(a) => check_quantity(path, a, report),
    }
}

/// Why a denominator is zero for every cluster and period, if it is.
fn never_non_zero(quantity: &Quantity) -> Option<String> {
    match quantity {
        Quantity::Measure(measure) => contradiction(&measure.filters),
        Quantity::Difference(a, b) if a == b => Some("it subtracts a quantity from itself".into()),
        Quantity::Difference(a, b) => never_non_zero(a).and(never_non_zero(b)),
        Quantity::Product(a, b) => never_non_zero(a).or_else(|| never_non_zero(b)),
        Quantity::Absolute(a) => never_non_zero(a),
    }
}

/// Two filters that no row can pass together.
fn contradiction(filters: &[Filter]) -> Option<String> {
    let mut equal: HashMap<&str, &serde_json::Value> = HashMap::new();
    let mut empty: HashMap<&str, bool> = HashMap::new();
    for filter in filters {
        match filter {
            Filter::Compare {
                field,
                op: Comparison::Eq,
                value,
            } => {
                if let Some(previous) = equal.insert(field, value)
                    && previous != value
                {
                    return Some(format!("{field} cannot be both {previous} and {value}"));
                }
                if empty.get(field.as_str()) == Some(&true) {
                    return Some(format!("{field} cannot be empty and equal {value}"));
                }
            }
            Filter::IsEmpty { field, empty: is } => {
                if let Some(previous) = empty.insert(field, *is)
                    && previous != *is
                {
                    return Some(format!("{field} cannot be both empty and not empty"));
                }
                if *is && equal.contains_key(field.as_str()) {
                    return Some(format!("{field} cannot be empty and equal a value"));
                }
            }
            _ => {}
        }
    }
    None
}

fn check_measure(path: &str, measure: &Measure, report: &mut impl FnMut(&str, String)) {
    let Some(source) = known_source(path, &measure.source, report) else {
        return;
    };
    if source.field("cluster_id").is_none() {
        report(
            &format!("{path}.source"),
            format!(
                "{} has no cluster, so it can only be used in an exists link",
                source.name
            ),
        );
    }
    match &measure.aggregate {
        Aggregate::Count => {}
        Aggregate::CountDistinct { field } => {
            known_field(&format!("{path}.aggregate.field"), source, field, report);
        }
        Aggregate::Sum { field } => {
            if let Some(ty) = known_field(&format!("{path}.aggregate.field"), source, field, report)
                && !ty.is_summable()
            {
                report(
                    &format!("{path}.aggregate.field"),
                    format!("{field} is {}, which cannot be added up", ty.words()),
                );
            }
        }
    }
    check_placement(
        &format!("{path}.placement"),
        source,
        &measure.placement,
        report,
    );
    check_filters(
        &format!("{path}.filters"),
        source,
        &measure.filters,
        true,
        report,
    );
}

fn known_source(
    path: &str,
    name: &str,
    report: &mut impl FnMut(&str, String),
) -> Option<&'static FactSource> {
    let source = fact_source(name);
    if source.is_none() {
        report(
            &format!("{path}.source"),
            format!(
                "there is no fact source {name:?} (sources: {})",
                fact_source_names()
            ),
        );
    }
    source
}

fn known_field(
    path: &str,
    source: &FactSource,
    field: &str,
    report: &mut impl FnMut(&str, String),
) -> Option<FieldType> {
    let ty = source.field(field);
    if ty.is_none() {
        report(
            path,
            format!(
                "{field:?} is not a field of {} (fields: {})",
                source.name,
                source.field_names()
            ),
        );
    }
    ty
}

fn check_placement(
    path: &str,
    source: &FactSource,
    placement: &Placement,
    report: &mut impl FnMut(&str, String),
) {
    match placement {
        Placement::DateInPeriod { field } | Placement::DateInYearToLastDay { field } => {
            check_date_field(path, source, field, report);
        }
        Placement::ActiveOn { start, end, .. } | Placement::Overlaps { start, end } => {
            check_date_field(path, source, start, report);
            check_date_field(path, source, end, report);
        }
        Placement::FiscalYear { field } | Placement::CalendarYearOfLastDay { field } => {
            if let Some(ty) = known_field(path, source, field, report)
                && ty != FieldType::Integer
            {
                report(path, format!("{field} is {}, not a year", ty.words()));
            }
        }
        Placement::Always => {}
    }
}

fn check_date_field(
    path: &str,
    source: &FactSource,
    field: &str,
    report: &mut impl FnMut(&str, String),
) {
    if let Some(ty) = known_field(path, source, field, report)
        && !ty.is_date()
    {
        report(path, format!("{field} is {}, not a date", ty.words()));
    }
}

fn check_filters(
    path: &str,
    source: &FactSource,
    filters: &[Filter],
    links_allowed: bool,
    report: &mut impl FnMut(&str, String),
) {
    for (i, filter) in filters.iter().enumerate() {
        let path = format!("{path}[{i}]");
        match filter {
            Filter::Compare { field, value, .. } => {
                if let Some(ty) = known_field(&path, source, field, report)
                    && !value_fits(ty, value)
                {
                    report(
                        &path,
                        format!("{field} is {}, and {value} is not", ty.words()),
                    );
                }
            }
            Filter::OneOf { field, values } => {
                if let Some(ty) = known_field(&path, source, field, report)
                    && ty != FieldType::Text
                {
                    report(&path, format!("{field} is {}, not a text", ty.words()));
                }
                if values.is_empty() {
                    report(&path, "one_of needs at least one value".into());
                }
            }
            Filter::CompareFields { field, other, .. } => {
                let left = known_field(&path, source, field, report);
                let right = known_field(&path, source, other, report);
                if let (Some(a), Some(b)) = (left, right)
                    && !comparable(a, b)
                {
                    report(
                        &path,
                        format!(
                            "{field} ({}) cannot be compared with {other} ({})",
                            a.words(),
                            b.words()
                        ),
                    );
                }
            }
            Filter::IsEmpty { field, .. } => {
                known_field(&path, source, field, report);
            }
            Filter::Exists(link) | Filter::NotExists(link) => {
                if links_allowed {
                    check_link(&path, source, link, report);
                } else {
                    report(&path, "links cannot be nested".into());
                }
            }
        }
    }
}

fn check_link(path: &str, outer: &FactSource, link: &Link, report: &mut impl FnMut(&str, String)) {
    let Some(source) = known_source(path, &link.source, report) else {
        return;
    };
    check_placement(
        &format!("{path}.placement"),
        source,
        &link.placement,
        report,
    );
    check_filters(
        &format!("{path}.filters"),
        source,
        &link.filters,
        false,
        report,
    );
    if link.on.is_empty() {
        report(
            &format!("{path}.on"),
            "a link needs at least one matching field".into(),
        );
    }
    if link
        .on
        .iter()
        .filter(|rule| rule.op == Comparison::Ne)
        .count()
        > 1
    {
        report(
            &format!("{path}.on"),
            "a link can have at most one ne rule".into(),
        );
    }
    for (i, rule) in link.on.iter().enumerate() {
        let path = format!("{path}.on[{i}]");
        if !matches!(rule.op, Comparison::Eq | Comparison::Ne) {
            report(&path, "links match with eq or ne only".into());
        }
        let inner = known_field(&path, source, &rule.field, report);
        let outer_ty = known_field(&path, outer, &rule.outer, report);
        if let (Some(a), Some(b)) = (inner, outer_ty)
            && !comparable(a, b)
        {
            report(
                &path,
                format!(
                    "{} ({}) cannot be matched with {} ({})",
                    rule.field,
                    a.words(),
                    rule.outer,
                    b.words()
                ),
            );
        }
    }
}

fn comparable(a: FieldType, b: FieldType) -> bool {
    a == b || (a.is_date() && b.is_date()) || (a.is_summable() && b.is_summable())
}

fn value_fits(ty: FieldType, value: &serde_json::Value) -> bool {
    match ty {
        FieldType::Text => value.is_string(),
        FieldType::Flag => value.is_boolean(),
        FieldType::Integer | FieldType::Id => value.as_i64().is_some(),
        FieldType::Number => value.as_f64().is_some(),
        FieldType::Date | FieldType::DateTime => value
            .as_str()
            .is_some_and(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()),
    }
}
