//! Reading a cluster's scorecard for a period.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::scorecard::{ClusterScorecard, ScorecardQuery},
};

/// The scorecard of the query's cluster for its period. Staff may open any cluster; a
/// leader sees their own cluster and a member the cluster they belong to, whatever
/// cluster the query names.
#[server(endpoint = "scorecard/get")]
pub async fn get_cluster_scorecard(query: ScorecardQuery) -> Result<ClusterScorecard, AppError> {
    use domain::{
        cluster_scorecard::{ClusterScorecard as Loader, ValueBasis},
        entity::cluster as cluster_entity,
        kpi_engine::KpiEngine,
        kpi_values::KpiValues,
        sea_orm::{EntityTrait, QueryOrder},
    };
    use kpi::{Direction as Better, Period};

    use crate::{
        i18n::{
            Msg, data_complete, format_change, format_metric_value, gap_to_next,
            present_of_expected, t,
        },
        models::{
            ids::{ClusterId, RegionId},
            scorecard::{
                Change, CompletenessInput, Direction, ScorecardGroup, ScorecardLine, SignalCounts,
                TrendPoint,
            },
            validation::{Choice, Signal},
        },
    };

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let staff = user.role.is_staff();
    let cluster = crate::auth::readable_cluster(&db, query.cluster.map(ClusterId)).await?;

    let fiscal_start = KpiEngine::fiscal_year_start(&db).await?;
    let periods = KpiValues::periods(&db).await?;
    let period_key = match query.period.filter(|p| !p.is_empty()) {
        Some(key) => key,
        None => periods
            .first()
            .cloned()
            .ok_or_else(|| AppError::NotFound.respond())?,
    };
    let period = Period::parse(&period_key, fiscal_start)
        .map_err(|e| AppError::Refused(vec![format!("period {period_key:?}: {e}")]).respond())?;
    let basis = if query.validated_only {
        ValueBasis::ValidatedOnly
    } else {
        ValueBasis::All
    };
    let Some(card) = Loader::load(&db, cluster, period, basis).await? else {
        return Err(AppError::NotFound.respond());
    };

    let clusters = if staff {
        cluster_entity::Entity::find()
            .order_by_asc(cluster_entity::Column::Code)
            .all(&db)
            .await?
            .into_iter()
            .map(|c| Choice {
                value: c.id.to_string(),
                label: format!("{} · {}", c.code, c.name),
            })
            .collect()
    } else {
        Vec::new()
    };

    let mut counts = SignalCounts::default();
    let mut groups: Vec<ScorecardGroup> = Vec::new();
    for line in card.lines {
        match line.signal {
            Some(Signal::Green) => counts.green += 1,
            Some(Signal::Amber) => counts.amber += 1,
            Some(Signal::Red) => counts.red += 1,
            None => counts.none += 1,
        }
        let unit = line.unit.as_str();
        let change = |earlier: Option<f64>| {
            let (now, before) = (line.value?, earlier?);
            let delta = now - before;
            let better = match line.direction {
                Better::HigherIsBetter => delta,
                Better::LowerIsBetter => -delta,
            };
            Some(Change {
                text: format_change(locale, unit, delta),
                trend: if delta.abs() < 1e-9 {
                    Direction::Same
                } else if better > 0.0 {
                    Direction::Better
                } else {
                    Direction::Worse
                },
            })
        };
        let comparator = match line.direction {
            Better::HigherIsBetter => "≥",
            Better::LowerIsBetter => "≤",
        };
        let view = ScorecardLine {
            value_text: line
                .value
                .map(|v| format_metric_value(locale, unit, v))
                .unwrap_or_default(),
            signal: line.signal,
            status: line.status.clone(),
            target_text: format!(
                "{comparator} {}",
                format_metric_value(locale, unit, line.thresholds.green())
            ),
            green: line.thresholds.green(),
            gap_text: line
                .gap
                .map(|(next, amount)| gap_to_next(locale, unit, line.direction, next, amount)),
            // For a year the period before is the year before: said once.
            previous_change: (period.grain() != kpi::Grain::Year)
                .then(|| change(line.previous))
                .flatten(),
            last_year_change: change(line.last_year),
            trend: line
                .trend
                .iter()
                .map(|(p, value)| TrendPoint {
                    period: p.key(),
                    value: *value,
                    text: value
                        .map(|v| format_metric_value(locale, unit, v))
                        .unwrap_or_else(|| t(locale, Msg::SignalNone).to_owned()),
                })
                .collect(),
            explain_href: (staff && line.status.is_some()).then(|| {
                format!(
                    "/validation/explain?metric={}&period={}&cluster={}",
                    line.metric, period_key, cluster.0
                )
            }),
            metric: line.metric.to_string(),
            name: line.name,
            obligatory: line.obligatory,
        };
        match groups.iter_mut().find(|g| g.group == line.group) {
            Some(group) => group.lines.push(view),
            None => groups.push(ScorecardGroup {
                group: line.group,
                lines: vec![view],
            }),
        }
    }

    let (completeness, completeness_inputs) = match &card.completeness {
        Some(c) => (
            c.share.map(|share| data_complete(locale, share)),
            c.inputs
                .iter()
                .map(|i| CompletenessInput {
                    input: i.input.clone(),
                    text: present_of_expected(locale, i.present.min(i.expected), i.expected),
                })
                .collect(),
        ),
        None => (None, Vec::new()),
    };
    Ok(ClusterScorecard {
        cluster,
        cluster_label: format!("{} · {}", card.cluster.code, card.cluster.name),
        region: RegionId(card.region.id),
        region_name: card.region.name,
        period: period_key,
        periods,
        clusters,
        validated_only: query.validated_only,
        counts,
        completeness,
        completeness_inputs,
        groups,
    })
}
