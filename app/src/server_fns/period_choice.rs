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

/// Resolves `requested`; a key that is not a period is refused, naming it.
#[cfg(feature = "ssr")]
pub(crate) async fn resolve_period(
    db: &domain::sea_orm::DatabaseConnection,
    requested: Option<String>,
) -> Result<PeriodChoice, AppError> {
    use domain::{kpi_engine::KpiEngine, kpi_values::KpiValues};

    let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
    let periods = KpiValues::periods(db).await?;
    let key = match requested.filter(|p| !p.is_empty()) {
        Some(key) => key,
        None => periods
            .first()
            .cloned()
            .ok_or_else(|| AppError::NotFound.respond())?,
    };
    let period = kpi::Period::parse(&key, fiscal_start)
        .map_err(|e| AppError::Refused(vec![format!("period {key:?}: {e}")]).respond())?;
    Ok(PeriodChoice {
        key,
        period,
        periods,
    })
}
