//! Small pieces that show KPI values: signal and status badges.

pub mod signal_badge;
pub mod status_badge;
