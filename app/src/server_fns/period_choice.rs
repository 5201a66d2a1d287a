//! The period a page asks for, resolved once for every server function that reads KPI
//! values: the key from the URL (the newest year with values when there is none),
//! parsed with the organization's fiscal-year start, and the periods to choose from.

#[cfg(feature = "ssr")]
use crate::error::AppError;

/// A resolved period with the choices around it.
#[cfg(feature = "ssr")]
pub(crate) struct PeriodChoice {
    /// The period's key, as in the URL.
    pub key: String,
    /// The period.
    pub period: kpi::Period,
    /// Every period with values, newest first within each grain.
    pub periods: Vec<String>,
}

/// Resolves `requested`; a key that is not a period is refused, naming it, and no key
/// with no values at all is not found.
#[cfg(feature = "ssr")]
pub(crate) async fn resolve_period(
    db: &domain::sea_orm::DatabaseConnection,
    requested: Option<String>,
) -> Result<PeriodChoice, AppError> {
    resolve_period_if_any(db, requested)
        .await?
        .ok_or_else(|| AppError::NotFound.respond())
}

/// Resolves `requested` like [`resolve_period`], but answers `None` when no key was asked
/// for and nothing has been computed yet: pages that must open on a fresh install.
#[cfg(feature = "ssr")]
pub(crate) async fn resolve_period_if_any(
    db: &domain::sea_orm::DatabaseConnection,
    requested: Option<String>,
) -> Result<Option<PeriodChoice>, AppError> {
    use domain::{kpi_engine::KpiEngine, kpi_values::KpiValues};

    let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
    let periods = KpiValues::periods(db).await?;
    let key = match requested.filter(|p| !p.is_empty()) {
        Some(key) => key,
        None => match periods.first() {
            Some(newest) => newest.clone(),
            None => return Ok(None),
        },
    };
    let period = kpi::Period::parse(&key, fiscal_start)
        .map_err(|e| AppError::Refused(vec![format!("period {key:?}: {e}")]).respond())?;
    Ok(Some(PeriodChoice {
        key,
        period,
        periods,
    }))
}
