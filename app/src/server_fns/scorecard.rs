//! Server functions of cluster scorecards and leaderboards.

pub mod get_cluster_scorecard;
pub mod get_leaderboard;
#[cfg(feature = "ssr")]
mod profile_chart;
#[cfg(feature = "ssr")]
mod trend_chart;
