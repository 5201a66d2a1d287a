//! Server functions of a cluster's service projects and partnerships.

pub mod end_community_work;
pub mod get_community_work;
pub mod record_community_work;
pub mod remove_community_work;

/// The domain's kind of a form's kind.
#[cfg(feature = "ssr")]
pub(crate) fn stored_kind(
    kind: crate::models::community_work::WorkKind,
) -> domain::community_work::WorkKind {
    use crate::models::community_work::WorkKind;

    match kind {
        WorkKind::ServiceProject => domain::community_work::WorkKind::ServiceProject,
        WorkKind::Partnership => domain::community_work::WorkKind::Partnership,
    }
}

/// A `YYYY-MM-DD` day of field `field`; empty is `None`; anything else is a problem line.
#[cfg(feature = "ssr")]
pub(crate) fn optional_day(field: &str, text: &str) -> Result<Option<chrono::NaiveDate>, String> {
    match text.trim() {
        "" => Ok(None),
        day => chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("{field}: {text:?} is not a date (YYYY-MM-DD)")),
    }
}
