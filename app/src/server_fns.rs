//! Server functions, one per file, grouped by area.

pub mod account;
pub mod api_token;
pub mod award;
pub mod board;
pub mod brand;
pub mod cluster_choice;
pub mod committee_call;
pub mod community_work;
pub mod dashboard;
pub mod explorer;
pub mod fact_import;
pub mod goal;
pub mod media;
pub mod metric;
pub mod organization;
pub mod organization_settings;
pub mod participation;
pub mod period_choice;
pub mod plan;
pub mod program;
pub mod region;
pub mod region_choice;
#[cfg(feature = "ssr")]
pub mod scope_trend;
pub mod scorecard;
pub mod self_report;
pub mod user_admin;
pub mod validation;

/// A time the database keeps in UTC (an audit-style timestamp), formatted for the reader
/// in the server's time zone, like every other time the app shows.
#[cfg(feature = "ssr")]
pub(crate) fn stored_time(locale: crate::i18n::Locale, at: chrono::NaiveDateTime) -> String {
    use chrono::TimeZone;
    crate::i18n::format_date_time(locale, chrono::Local.from_utc_datetime(&at).naive_local())
}
