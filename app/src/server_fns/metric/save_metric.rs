//! Saving a new or edited metric.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::metric::{MetricForm, MetricSaved},
};

/// Checks and saves the metric (`existing`: the key of the metric edited; empty for a new
/// one), then recomputes it. Refused, one line per problem, when anything is wrong; nothing
/// is saved then. Staff only.
#[server(endpoint = "metrics/save")]
pub async fn save_metric(existing: String, form: MetricForm) -> Result<MetricSaved, AppError> {
    use domain::metric_editing::{MetricDraft, MetricEditing};
    use kpi::MetricKey;

    use crate::i18n::parse_number;

    let user = crate::auth::require_organization_staff()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let mut problems = Vec::new();
    let existing = if existing.is_empty() {
        None
    } else {
        Some(
            MetricKey::parse(&existing)
                .map_err(|e| AppError::Refused(vec![format!("key: {e}")]).respond())?,
        )
    };
    let scale = if form.unit == "percent" { 100.0 } else { 1.0 };
    let mut threshold = |label: &str, text: &str| match parse_number(locale, text) {
        Some(value) => value / scale,
        None => {
            problems.push(format!("{label}: {text:?} is not a number"));
            0.0
        }
    };
    let green = threshold("green threshold", &form.green);
    let amber = threshold("amber threshold", &form.amber);
    if !problems.is_empty() {
        return Err(AppError::Refused(problems).respond());
    }
    let owner = Some(form.owner.trim().to_owned())
        .filter(|o| !o.is_empty())
        .or_else(|| existing.is_none().then(|| user.email.clone()));
    let saved = MetricEditing::save(
        &db,
        existing.as_ref(),
        MetricDraft {
            key: form.key,
            name: form.name,
            description: form.description,
            group_key: form.group,
            unit: form.unit,
            lower_is_better: form.lower_is_better,
            green,
            amber,
            obligatory: form.obligatory,
            yearly_only: form.yearly_only,
            owner,
            definition: form.definition,
        },
        chrono::Local::now().date_naive(),
    )
    .await?;
    tracing::info!(metric = %saved.key, version = saved.version, by = %user.email, "metric saved");
    Ok(MetricSaved {
        key: saved.key,
        version: saved.version,
        values: u32::try_from(saved.recompute.values).unwrap_or(u32::MAX),
        seconds: (saved.recompute.compute_ms + saved.recompute.save_ms) as f64 / 1000.0,
    })
}
