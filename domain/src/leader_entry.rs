//! The checks every fact a leader enters by hand shares: its day lies between a set
//! number of days ago (older facts come through staff imports) and today, and its text
//! fields are present and fit their columns.

use chrono::NaiveDate;

/// The problem with `day` in `field`, if it is after `today` or more than `oldest_days`
/// before it.
pub(crate) fn day_problem(
    field: &str,
    day: NaiveDate,
    today: NaiveDate,
    oldest_days: i64,
) -> Option<String> {
    if day > today {
        Some(format!("{field}: {day} is in the future"))
    } else if day < today - chrono::TimeDelta::days(oldest_days) {
        Some(format!(
            "{field}: {day} is more than {oldest_days} days ago; ask staff to import it"
        ))
    } else {
        None
    }
}

/// The problem with the trimmed `text` of `field`, if it is empty or longer than `limit`
/// characters.
pub(crate) fn text_problem(field: &str, text: &str, limit: usize) -> Option<String> {
    let length = text.chars().count();
    if length == 0 {
        Some(format!("{field}: required"))
    } else if length > limit {
        Some(format!("{field}: {length} characters; at most {limit}"))
    } else {
        None
    }
}

/// The reference of a fact a leader records (a media item, an award application), which an
/// import matches rows by: `MP-` and 16 random hex digits, so it never meets another.
pub(crate) fn recorded_reference() -> String {
    format!("MP-{}", hex::encode(crate::account::random_bytes::<8>()))
}
