//! Staff decide on one cluster value or, in bulk, on every value awaiting a decision in a
//! region, cluster or metric group for a period.

use leptos::prelude::*;

use crate::{error::AppError, models::validation::DecisionRequest};

/// Applies the decision; returns how many values changed. `value` is in the metric's
/// display unit (percent for percentages) as the user typed it; `reason` is required for
/// reject, override and not applicable. With `bulk`, only values awaiting a decision
/// change. Staff only; all or nothing.
#[server(endpoint = "validation/decide")]
pub async fn decide_values(request: DecisionRequest) -> Result<u32, AppError> {
    use domain::{
        kpi_engine::KpiEngine,
        kpi_validation::{Decision, KpiValidation, ValueSelection},
        metric_catalogue::MetricCatalogue,
    };
    use kpi::{ClusterId, MetricKey, Period, RegionId};

    use crate::models::validation::DecisionKind;

    let DecisionRequest {
        period,
        kind,
        metric,
        region,
        cluster,
        group,
        value,
        reason,
        bulk,
    } = request;
    let user = crate::auth::require_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let refused = |line: String| AppError::Refused(vec![line]).respond();
    let fiscal_start = KpiEngine::fiscal_year_start(&db).await?;
    let period =
        Period::parse(&period, fiscal_start).map_err(|e| refused(format!("period: {e}")))?;
    let metric = metric
        .filter(|m| !m.is_empty())
        .map(|m| MetricKey::parse(&m).map_err(|e| refused(format!("metric: {e}"))))
        .transpose()?;
    if !bulk && (metric.is_none() || cluster.is_none()) {
        return Err(refused(
            "a single decision names its metric and cluster".into(),
        ));
    }
    let reason = reason.map(|r| r.trim().to_owned()).unwrap_or_default();
    let decision = match kind {
        DecisionKind::Validate => Decision::Validate,
        DecisionKind::Reopen => Decision::Reopen,
        DecisionKind::Reject => Decision::Reject { reason },
        DecisionKind::NotApplicable => Decision::NotApplicable { reason },
        DecisionKind::Override => {
            let text = value.unwrap_or_default();
            let typed = crate::i18n::parse_number(locale, &text)
                .ok_or_else(|| refused(format!("value: {text:?} is not a number")))?;
            let unit = match &metric {
                Some(key) => MetricCatalogue::all(&db)
                    .await?
                    .into_iter()
                    .find(|m| &m.key == key)
                    .map(|m| m.row.unit)
                    .ok_or_else(|| refused(format!("there is no metric {key}")))?,
                None => return Err(refused("an override names its metric".into())),
            };
            let value = if unit == "percent" {
                typed / 100.0
            } else {
                typed
            };
            Decision::Override { value, reason }
        }
    };
    if bulk && decision != Decision::Validate {
        return Err(refused(
            "only validation can be done in bulk; decide the others one by one".into(),
        ));
    }
    // Staff limited to regions decide within them: a cluster of theirs, or a region of
    // theirs in bulk; a decision over every region needs the whole organization.
    let within = match (cluster, region) {
        (Some(cluster), _) => crate::auth::require_cluster(&user, &db, ClusterId(cluster))
            .await
            .is_ok(),
        (None, Some(region)) => user.covers_region(RegionId(region)),
        (None, None) => user.whole_organization(),
    };
    if !within {
        return Err(AppError::Forbidden.respond());
    }
    let actor = format!("{} <{}>", user.display_name, user.email);
    let changed = KpiValidation::decide(
        &db,
        &actor,
        &ValueSelection {
            period,
            metric,
            region: region.map(RegionId),
            cluster: cluster.map(ClusterId),
            group: group.filter(|g| !g.is_empty()),
            awaiting_only: bulk,
        },
        &decision,
    )
    .await?;
    Ok(u32::try_from(changed).unwrap_or(u32::MAX))
}
