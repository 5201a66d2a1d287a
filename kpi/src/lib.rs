//! The KPI vocabulary shared by the engine (`domain`), the server and the browser (`app`):
//! plain values with no database or web code, so they compile to WASM as well.
//!
//! Errors: parsing returns [`VocabularyError`], which says what was wrong with the input.

pub mod definition;
pub mod error;
pub mod period;
pub mod scope;
pub mod signal;

pub use definition::MetricDefinition;
pub use error::VocabularyError;
pub use period::{FiscalYearStart, Grain, Period};
pub use scope::{ClusterId, MemberId, MetricKey, RegionId, Scope, ScopeKind};
pub use signal::{Direction, Signal, Thresholds};
