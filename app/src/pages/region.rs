//! The region view: a region's clusters on one metric group.

pub mod region_view;
