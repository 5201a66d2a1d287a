//! A cluster's plan: optional metrics and targets per fiscal year.

pub mod cluster_plan;
