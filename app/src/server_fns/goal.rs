//! Server functions of a cluster's goals.

pub mod add_goal;
pub mod get_goals;
pub mod remove_goal;
pub mod set_goal_achieved;
