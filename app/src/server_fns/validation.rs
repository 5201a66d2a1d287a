//! Server functions of the staff validation workflow.

pub mod close_period;
pub mod decide_values;
pub mod get_validation_queue;
pub mod get_value_explanation;
