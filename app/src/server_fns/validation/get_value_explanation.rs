//! Explaining one cluster value.

use leptos::prelude::*;

use crate::{error::AppError, models::explanation::ValueExplanation};

/// The numbers, definition, fact rows and decisions behind the value of `metric` for
/// `cluster` in `period`. Staff only.
#[server(endpoint = "validation/explain")]
pub async fn get_value_explanation(
    metric: String,
    period: String,
    cluster: i32,
) -> Result<ValueExplanation, AppError> {
    use domain::{
        entity::cluster as cluster_entity,
        kpi_engine::KpiEngine,
        kpi_explain::KpiExplain,
        kpi_validation::KpiValidation,
        kpi_values::{KpiFilter, KpiValues},
        metric_catalogue::MetricCatalogue,
        sea_orm::EntityTrait,
    };
    use kpi::{ClusterId, MetricKey, Period, ScopeKind};

    use crate::models::{
        explanation::{HistoryEntry, InputPresence, MeasureTable},
        validation::ValueStatus,
    };

    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let refused = |line: String| AppError::Refused(vec![line]).respond();
    let fiscal_start = KpiEngine::fiscal_year_start(&db).await?;
    let period =
        Period::parse(&period, fiscal_start).map_err(|e| refused(format!("period: {e}")))?;
    let key = MetricKey::parse(&metric).map_err(|e| refused(format!("metric: {e}")))?;
    let Some(metric) = MetricCatalogue::all(&db)
        .await?
        .into_iter()
        .find(|m| m.key == key)
    else {
        return Err(AppError::NotFound.respond());
    };
    let Some(cluster_row) = cluster_entity::Entity::find_by_id(cluster).one(&db).await? else {
        return Err(AppError::NotFound.respond());
    };
    // The fact rows behind a value name members: only staff of the cluster's region.
    if !user.covers_region(kpi::RegionId(cluster_row.region_id)) {
        return Err(AppError::Forbidden.respond());
    }
    let cluster = ClusterId(cluster);
    let explanation = KpiExplain::cluster_value(&db, &key, &period, cluster).await?;
    let stored = KpiValues::list(
        &db,
        &KpiFilter {
            period: Some(period),
            scope_kind: Some(ScopeKind::Cluster),
            metric: Some(key.clone()),
            cluster: Some(cluster),
            ..KpiFilter::default()
        },
    )
    .await?
    .into_iter()
    .next();
    let history = KpiValidation::history(&db, &key, &period, cluster)
        .await?
        .into_iter()
        .map(|entry| HistoryEntry {
            at: entry.at.format("%Y-%m-%d %H:%M").to_string(),
            actor: entry.actor,
            action: entry.action,
            value_before: entry.value_before,
            value_after: entry.value_after,
            reason: entry.reason,
        })
        .collect();
    let completeness = domain::kpi_completeness::KpiCompleteness::for_period(&db, &period)
        .await?
        .into_iter()
        .find(|c| c.cluster == cluster);
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(ValueExplanation {
        metric: key,
        metric_name: metric.row.name,
        description: metric.row.description,
        unit: metric.row.unit,
        period: period.key(),
        cluster,
        cluster_name: format!("{} · {}", cluster_row.code, cluster_row.name),
        value: explanation.value,
        numerator: explanation.numerator,
        denominator: explanation.denominator,
        status: stored.as_ref().and_then(|s| ValueStatus::parse(&s.status)),
        decided_value: stored.as_ref().and_then(|s| s.decided_value),
        signal: stored.and_then(|s| s.signal),
        definition: explanation.definition,
        measures: explanation
            .measures
            .into_iter()
            .map(|m| MeasureTable {
                source: m.source,
                fields: m.fields,
                rows: m
                    .rows
                    .iter()
                    .map(|row| row.iter().map(text).collect())
                    .collect(),
            })
            .collect(),
        history,
        completeness: completeness.as_ref().and_then(|c| c.share),
        inputs: completeness
            .map(|c| {
                c.inputs
                    .into_iter()
                    .map(|i| InputPresence {
                        input: i.input,
                        expected: i.expected,
                        present: i.present,
                    })
                    .collect()
            })
            .unwrap_or_default(),
    })
}
