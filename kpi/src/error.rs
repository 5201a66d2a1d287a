//! Why a value could not be parsed.

/// A value of the KPI vocabulary that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VocabularyError {
    /// A period key that is not `YYYY`, `YYYY-Qn` or `YYYY-MM`.
    #[error("{0:?} is not a period: use a year (2025), a quarter (2025-Q3) or a month (2025-07)")]
    Period(String),
    /// A fiscal-year start month outside 1..=12.
    #[error("{0} is not a month: the fiscal year starts in month 1 (January) to 12 (December)")]
    FiscalYearStart(u32),
    /// Thresholds that contradict their direction or are not numbers.
    #[error("these thresholds cannot work: {0}")]
    Thresholds(String),
    /// A scope key that is not `organization`, `region-N`, `cluster-N` or `member-N`.
    #[error("{0:?} is not a scope: use organization, region-3, cluster-12 or member-77")]
    Scope(String),
    /// A metric key with characters or a length a key cannot have.
    #[error(
        "{0:?} is not a metric key: use 2 to 48 lower-case letters, digits and _ starting with a letter"
    )]
    MetricKey(String),
}
