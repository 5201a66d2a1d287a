//! Small pieces that show KPI values: signal and status badges, trend sparklines.

pub mod signal_badge;
pub mod signal_count;
pub mod status_badge;
pub mod trend_sparkline;
