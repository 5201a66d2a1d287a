//! Server functions of a cluster's board: its seats, terms and the leader's successor.

pub mod add_board_seat;
pub mod end_board_term;
pub mod get_board;
pub mod name_successor;
pub mod remove_board_seat;
pub mod remove_board_term;
pub mod start_board_term;

/// A `YYYY-MM-DD` day of field `field`, or a refusal naming it.
#[cfg(feature = "ssr")]
pub(crate) fn form_day(
    field: &str,
    text: &str,
) -> Result<chrono::NaiveDate, crate::error::AppError> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        crate::error::AppError::Refused(vec![format!(
            "{field}: {text:?} is not a date (YYYY-MM-DD)"
        )])
        .respond()
    })
}
