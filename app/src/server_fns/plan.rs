//! Server functions of cluster plans (optional metrics and targets per year).

pub mod get_cluster_plan;
pub mod save_cluster_plan;
