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
    use domain::cluster_scorecard::{ClusterScorecard as Loader, ValueBasis};
    use kpi::Direction as Better;

    use crate::server_fns::period_choice::{PeriodChoice, resolve_period};
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
            validation::Signal,
        },
    };

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let kept = crate::auth::period_signals()?;
    let locale = crate::providers::locale::request_locale();
    let staff = user.role.is_staff();
    let cluster = crate::auth::readable_cluster(&user, &db, query.cluster.map(ClusterId)).await?;

    let PeriodChoice {
        key: period_key,
        period,
        periods,
    } = resolve_period(&db, query.period).await?;
    let basis = if query.validated_only {
        ValueBasis::ValidatedOnly
    } else {
        ValueBasis::All
    };
    let Some(card) = Loader::load(&db, cluster, period, basis).await? else {
        return Err(AppError::NotFound.respond());
    };

    let clusters = if staff {
        crate::server_fns::cluster_choice::cluster_choices(&db, &user).await?
    } else {
        Vec::new()
    };

    let charted_metric = query
        .metric
        .clone()
        .filter(|m| card.lines.iter().any(|l| l.metric.as_str() == m))
        .or_else(|| {
            card.lines
                .iter()
                .find(|l| l.value.is_some())
                .map(|l| l.metric.to_string())
        });
    let mut trend_chart = None;
    let mut gauge_chart = None;
    let mut charted_group = None;
    let mut counts = SignalCounts::default();
    let mut groups: Vec<ScorecardGroup> = Vec::new();
    for line in card.lines {
        if charted_metric.as_deref() == Some(line.metric.as_str()) {
            trend_chart = Some(super::trend_chart::trend_chart(
                locale,
                &line,
                cluster,
                query.validated_only,
            ));
            charted_group = Some(line.group.clone());
            gauge_chart = Some(super::trend_chart::gauge_chart(
                locale,
                &line,
                cluster,
                &period_key,
                query.validated_only,
            ));
        }
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
            chart_href: format!(
                "/scorecard?cluster={}&period={}&metric={}{}#trend",
                cluster.0,
                crate::models::chart::query_value(&period_key),
                crate::models::chart::query_value(line.metric.as_str()),
                if query.validated_only {
                    "&validated=1"
                } else {
                    ""
                }
            ),
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

    let profile_chart = match charted_group {
        Some(group) => {
            let today = chrono::Local::now().date_naive();
            domain::cluster_profile::ClusterProfile::load(
                &db, &kept, cluster, period, &group, basis, today,
            )
            .await?
            .map(|profile| {
                super::profile_chart::profile_chart(super::profile_chart::ProfileChart {
                    locale,
                    profile: &profile,
                    cluster_code: &card.cluster.code,
                    cluster,
                    group: &group,
                    period_key: &period_key,
                    metric: charted_metric.as_deref().unwrap_or_default(),
                    validated_only: query.validated_only,
                })
            })
        }
        None => None,
    };
    let members = if staff {
        let day = period.last_day().min(chrono::Local::now().date_naive());
        let period_query = crate::models::chart::query_value(&period_key);
        let members = domain::organization::OrganizationQuery::members_of(&db, cluster.0, day)
            .await?
            .into_iter()
            .map(|m| crate::models::scorecard::MemberLink {
                name: format!("{} {}", m.first_name, m.last_name),
                href: format!("/member?id={}&period={period_query}", m.member_id),
            })
            .collect();
        Some(members)
    } else {
        None
    };
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
        charted_metric,
        trend_chart,
        gauge_chart,
        profile_chart,
        members,
    })
}
