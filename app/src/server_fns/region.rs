//! Server functions of the region view.

pub mod get_region_view;
