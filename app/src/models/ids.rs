//! Ids of the domain's things, so a cluster id is never passed where a region id belongs.
//! Defined once in the `kpi` vocabulary, which the engine shares.

pub use kpi::{ClusterId, MemberId, RegionId};
