//! Scorecards and leaderboards: a cluster's metrics for a period, clusters ranked by one.

pub mod cluster_scorecard;
pub mod leaderboard;
