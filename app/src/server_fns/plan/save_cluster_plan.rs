//! Saving a cluster's plan for a year.

use leptos::prelude::*;

use crate::{error::AppError, models::plan::PlanForm};

/// Saves the selection and targets of `plan.cluster` for `plan.year`, all or nothing.
/// Staff for any cluster, a leader for their own.
#[server(endpoint = "plan/save")]
pub async fn save_cluster_plan(plan: PlanForm) -> Result<(), AppError> {
    use domain::{
        metric_catalogue::MetricCatalogue,
        metric_targets::{MetricTargets, PlanChange},
    };
    use kpi::{ClusterId, MetricKey};

    use crate::i18n::parse_number;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    crate::auth::require_cluster(&user, &db, ClusterId(plan.cluster)).await?;
    let units: std::collections::HashMap<String, String> = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .map(|m| (m.key.to_string(), m.row.unit))
        .collect();
    let mut problems = Vec::new();
    let mut changes = Vec::new();
    for row in plan.rows {
        let Ok(metric) = MetricKey::parse(&row.metric) else {
            problems.push(format!("{:?} is not a metric key", row.metric));
            continue;
        };
        let scale = if units.get(&row.metric).map(String::as_str) == Some("percent") {
            100.0
        } else {
            1.0
        };
        let target = match (row.green.trim(), row.amber.trim()) {
            ("", "") => None,
            (green, amber) => match (parse_number(locale, green), parse_number(locale, amber)) {
                (Some(g), Some(a)) => Some((g / scale, a / scale)),
                _ => {
                    problems.push(format!(
                        "{metric}: a target needs two numbers, green and amber (got {green:?} and {amber:?})"
                    ));
                    None
                }
            },
        };
        changes.push(PlanChange {
            metric,
            selected: row.selected,
            target,
        });
    }
    if !problems.is_empty() {
        return Err(AppError::Refused(problems).respond());
    }
    MetricTargets::save(&db, ClusterId(plan.cluster), plan.year, &changes).await?;
    tracing::info!(cluster = plan.cluster, year = plan.year, by = %user.email, "cluster plan saved");
    Ok(())
}
