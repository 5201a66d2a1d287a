//! Compiling a measure to one set-based SQL statement that returns, for every period of a
//! frame and every cluster, the measure's value: `(pkey, cluster_id, v)`.
//!
//! Every measure is checked against the source registry before its names are written into
//! SQL; text constants are quoted, dates and numbers are re-formatted from parsed values.

use chrono::NaiveDate;
use kpi::definition::{Aggregate, Comparison, Filter, Link, Measure, PeriodDay, Placement};

use super::definition_check::measure_is_computable;
use super::dialect::Dialect;
use super::fact_source::{FactSource, fact_source};
use super::period_frame::PeriodFrame;

/// What a measure query returns per period and cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The measure's aggregate.
    Aggregate,
    /// The number of rows with a value in the aggregated field (an average's denominator).
    RowsWithValue,
}

/// Where a source's rows land in the frame: the FROM clause, the SQL of the row's bucket
/// (period number) and the conditions that place it.
struct Placed {
    from: String,
    bucket: String,
    conditions: Vec<String>,
}

/// Places rows of `relation` (as `alias`). A date placement computes the bucket from the
/// row's own date, with no join: one pass over the facts, whatever the number of periods.
fn place(
    alias: &str,
    relation: String,
    placement: &Placement,
    frame: &PeriodFrame,
    dialect: Dialect,
) -> Placed {
    if let Placement::DateInPeriod { field } = placement {
        let bucket = frame.bucket_sql(&dialect.month_index(&format!("{alias}.{field}")));
        let (first, after) = frame.day_range();
        // The plain range lets an index on the date narrow a short frame (an incremental
        // recompute); the bucket then only numbers the periods.
        return Placed {
            from: format!("({relation}) {alias}"),
            conditions: vec![format!(
                "{alias}.{field} >= {} AND {alias}.{field} < {}",
                dialect.date(first),
                dialect.date(after)
            )],
            bucket,
        };
    }
    Placed {
        from: format!("({relation}) {alias} CROSS JOIN p"),
        bucket: "p.bucket".to_owned(),
        conditions: vec![placement_sql(alias, placement)],
    }
}

/// The rows of `measure` as `s`: its source, the CTEs and joins its links need, and the
/// placement and filter conditions; `None` if the frame is empty or the measure names a
/// source or field the registry does not have (so no unchecked name reaches the SQL).
fn measure_rows(
    measure: &Measure,
    frame: &PeriodFrame,
    dialect: Dialect,
) -> Option<(&'static FactSource, Linked, Placed)> {
    if !measure_is_computable(measure) {
        return None;
    }
    let periods = frame.cte(dialect)?;
    let source = fact_source(&measure.source)?;
    let mut linked = Linked {
        ctes: vec![periods],
        joins: Vec::new(),
    };
    let mut placed = place(
        "s",
        source.relation(dialect),
        &measure.placement,
        frame,
        dialect,
    );
    for filter in &measure.filters {
        let condition = filter_sql(
            "s",
            Some(source),
            &placed.bucket,
            filter,
            frame,
            dialect,
            &mut linked,
        )?;
        placed.conditions.push(condition);
    }
    // A member-scope computation keeps the member's own rows of sources about members;
    // sources about the cluster (its events, say) stay whole.
    if let Some(member) = frame.member
        && source.fields.iter().any(|(name, _)| *name == "member_id")
    {
        placed
            .conditions
            .push(format!("s.member_id = {}", member.0));
    }
    if let Some(clusters) = &frame.clusters {
        placed.conditions.push(cluster_condition("s", clusters));
    }
    Some((source, linked, placed))
}

/// The SQL listing the fact rows behind `measure` for one cluster in a one-period
/// `frame`: every field of the source, at most `limit` rows; `None` as for [`measure_sql`].
pub fn fact_rows_sql(
    measure: &Measure,
    frame: &PeriodFrame,
    dialect: Dialect,
    cluster_id: i32,
    limit: u32,
) -> Option<String> {
    let (source, linked, mut placed) = measure_rows(measure, frame, dialect)?;
    placed
        .conditions
        .push(format!("s.cluster_id = {cluster_id}"));
    let fields: Vec<String> = source
        .fields
        .iter()
        .map(|(name, _)| format!("s.{name} AS {name}"))
        .collect();
    let order: Vec<String> = (1..=fields.len()).map(|i| i.to_string()).collect();
    Some(format!(
        "WITH {} SELECT {} FROM {} {} WHERE {} ORDER BY {} LIMIT {limit}",
        linked.ctes.join(", "),
        fields.join(", "),
        placed.from,
        linked.joins.join(" "),
        placed.conditions.join(" AND "),
        order.join(", ")
    ))
}

/// The SQL for `measure` over `frame`, returning `(bucket, cluster_id, v)`; `None` if the
/// frame is empty or the source is unknown.
pub fn measure_sql(
    measure: &Measure,
    frame: &PeriodFrame,
    dialect: Dialect,
    output: Output,
) -> Option<String> {
    let (_, linked, placed) = measure_rows(measure, frame, dialect)?;
    let aggregate = match (&measure.aggregate, output) {
        (Aggregate::Count, _) => "COUNT(*)".to_owned(),
        (Aggregate::CountDistinct { field }, Output::Aggregate) => {
            format!("COUNT(DISTINCT s.{field})")
        }
        (Aggregate::Sum { field }, Output::Aggregate) => format!("SUM(s.{field})"),
        (Aggregate::CountDistinct { field } | Aggregate::Sum { field }, Output::RowsWithValue) => {
            format!("COUNT(s.{field})")
        }
    };
    Some(format!(
        "WITH {} SELECT {} AS bucket, s.cluster_id AS cluster_id, \
         CAST({aggregate} AS DOUBLE PRECISION) AS v \
         FROM {} {} WHERE {} GROUP BY 1, s.cluster_id",
        linked.ctes.join(", "),
        placed.bucket,
        placed.from,
        linked.joins.join(" "),
        placed.conditions.join(" AND ")
    ))
}

/// The condition that places a row of `alias` in period `p` (placements other than a
/// date in the period, which [`place`] handles without a join).
fn placement_sql(alias: &str, placement: &Placement) -> String {
    match placement {
        Placement::DateInPeriod { field } => {
            format!("{alias}.{field} >= p.first_day AND {alias}.{field} <= p.last_day")
        }
        Placement::DateInYearToLastDay { field } => {
            format!("{alias}.{field} > p.year_before_last_day AND {alias}.{field} <= p.last_day")
        }
        Placement::ActiveOn { start, end, day } => {
            let day = match day {
                PeriodDay::FirstDay => "p.first_day",
                PeriodDay::LastDay => "p.last_day",
                PeriodDay::YearBeforeLastDay => "p.year_before_last_day",
            };
            format!(
                "{alias}.{start} <= {day} AND ({alias}.{end} IS NULL OR {alias}.{end} >= {day})"
            )
        }
        Placement::Overlaps { start, end } => format!(
            "{alias}.{start} <= p.last_day AND ({alias}.{end} IS NULL OR {alias}.{end} >= p.first_day)"
        ),
        Placement::FiscalYear { field } => format!("{alias}.{field} = p.fiscal_year"),
        Placement::CalendarYearOfLastDay { field } => format!("{alias}.{field} = p.last_day_year"),
        Placement::Always => "1 = 1".to_owned(),
    }
}

/// The CTEs and joins that links add to a measure's statement.
struct Linked {
    ctes: Vec<String>,
    joins: Vec<String>,
}

/// A filter as a condition on `alias` (rows of `source`, when it is a measure's); links
/// add a CTE and a join to `linked`.
fn filter_sql(
    alias: &str,
    source: Option<&FactSource>,
    bucket: &str,
    filter: &Filter,
    frame: &PeriodFrame,
    dialect: Dialect,
    linked: &mut Linked,
) -> Option<String> {
    Some(match filter {
        Filter::Compare { field, op, value } => {
            format!("{alias}.{field} {} {}", op.sql(), literal(value, dialect)?)
        }
        Filter::OneOf { field, values } => format!(
            "{alias}.{field} IN ({})",
            values
                .iter()
                .map(|v| text_literal(v))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Filter::CompareFields { field, op, other } => {
            format!("{alias}.{field} {} {alias}.{other}", op.sql())
        }
        Filter::IsEmpty { field, empty } => format!(
            "{alias}.{field} IS {}NULL",
            if *empty { "" } else { "NOT " }
        ),
        Filter::Exists(link) => link_sql(alias, source, bucket, link, frame, dialect, linked)?,
        Filter::NotExists(link) => {
            format!(
                "NOT ({})",
                link_sql(alias, source, bucket, link, frame, dialect, linked)?
            )
        }
    })
}

/// Whether a row of `outer` has a matching row of the link in its period.
///
/// The link's rows are reduced once to one row per period and equal-matched fields (a
/// materialized CTE), then left-joined, so each measured row meets at most one of them and
/// the planner uses an equi-join on both backends. A `ne` rule keeps the smallest and the
/// largest value of its field: some value differs from the row's iff one of those does.
/// When the frame is limited to some clusters, only link rows that an outer row of those
/// clusters can match are reduced (a semi-join on the first equal-matched field), so an
/// incremental recompute of one cluster does not read every cluster's links.
fn link_sql(
    outer: &str,
    outer_source: Option<&FactSource>,
    outer_bucket: &str,
    link: &Link,
    frame: &PeriodFrame,
    dialect: Dialect,
    linked: &mut Linked,
) -> Option<String> {
    let source = fact_source(&link.source)?;
    let name = format!("x{}", linked.ctes.len());
    let mut placed = place(
        "l",
        source.relation(dialect),
        &link.placement,
        frame,
        dialect,
    );
    let mut nested = Linked {
        ctes: Vec::new(),
        joins: Vec::new(),
    };
    for filter in &link.filters {
        // Links cannot nest (checked), so `nested` stays empty.
        let condition = filter_sql(
            "l",
            None,
            &placed.bucket,
            filter,
            frame,
            dialect,
            &mut nested,
        )?;
        placed.conditions.push(condition);
    }
    if let (Some(clusters), Some(outer_source), Some(rule)) = (
        &frame.clusters,
        outer_source,
        link.on.iter().find(|rule| rule.op == Comparison::Eq),
    ) {
        placed.conditions.push(format!(
            "l.{} IN (SELECT o.{} FROM ({}) o WHERE {})",
            rule.field,
            rule.outer,
            outer_source.relation(dialect),
            cluster_condition("o", clusters)
        ));
    }
    let mut keys = vec![format!("{} AS bucket", placed.bucket)];
    let mut group = vec![placed.bucket.clone()];
    let mut on = vec![format!("{name}.bucket = {outer_bucket}")];
    let mut differs = Vec::new();
    for (i, rule) in link.on.iter().enumerate() {
        if rule.op == Comparison::Ne {
            keys.push(format!(
                "MIN(l.{0}) AS lo{i}, MAX(l.{0}) AS hi{i}",
                rule.field
            ));
            differs.push(format!(
                "({name}.lo{i} <> {outer}.{0} OR {name}.hi{i} <> {outer}.{0})",
                rule.outer
            ));
        } else {
            keys.push(format!("l.{} AS k{i}", rule.field));
            group.push(format!("l.{}", rule.field));
            on.push(format!("{name}.k{i} = {outer}.{}", rule.outer));
        }
    }
    linked.ctes.push(format!(
        "{name} AS MATERIALIZED (SELECT {} FROM {} WHERE {} GROUP BY {})",
        keys.join(", "),
        placed.from,
        placed.conditions.join(" AND "),
        group.join(", ")
    ));
    linked
        .joins
        .push(format!("LEFT JOIN {name} ON {}", on.join(" AND ")));
    let mut found = vec![format!("{name}.bucket IS NOT NULL")];
    found.extend(differs);
    Some(found.join(" AND "))
}

/// Rows of `alias` credited to one of `clusters`; an empty list selects nothing, as it
/// should.
fn cluster_condition(alias: &str, clusters: &[i32]) -> String {
    if clusters.is_empty() {
        return "1 = 0".to_owned();
    }
    let ids: Vec<String> = clusters.iter().map(i32::to_string).collect();
    format!("{alias}.cluster_id IN ({})", ids.join(", "))
}

fn text_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A checked constant as SQL.
fn literal(value: &serde_json::Value, dialect: Dialect) -> Option<String> {
    match value {
        serde_json::Value::Bool(b) => Some(dialect.flag(*b).to_owned()),
        serde_json::Value::Number(n) => n.as_i64().map(|i| i.to_string()).or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite())
                .map(|f| format!("{f:?}"))
        }),
        serde_json::Value::String(s) => Some(match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(day) => dialect.date(day),
            Err(_) => text_literal(s),
        }),
        _ => None,
    }
}
