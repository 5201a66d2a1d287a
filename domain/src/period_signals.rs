//! Every cluster value's number and signal of a period, kept in memory while the KPI
//! revision stands: the organization's pulse tallies some 20,000 of them on every visit
//! (reading and judging them took 30-75 ms of the overview's time) and a scorecard's
//! profile takes medians over them, while they change only when values, decisions,
//! targets or thresholds are written (each of which moves the revision on).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use kpi::Period;
use sea_orm::ConnectionTrait;

use crate::DomainError;
use crate::kpi_revision::KpiRevision;
use crate::kpi_values::{ClusterSignal, KpiValues};

/// How many periods are kept at most: a period's values take some 650 KB.
const PERIODS_KEPT: usize = 12;

/// One period's signals as of a revision.
struct Kept {
    revision: i64,
    /// When it was last asked for (a count of asks), to let the least used one go.
    asked: u64,
    signals: Arc<[ClusterSignal]>,
}

/// The kept values, shared by every request of a server process (clones share them).
#[derive(Clone, Default)]
pub struct PeriodSignals {
    kept: Arc<Mutex<Store>>,
}

#[derive(Default)]
struct Store {
    asks: u64,
    periods: HashMap<String, Kept>,
}

impl std::fmt::Debug for PeriodSignals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let store = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("PeriodSignals")
            .field("periods", &store.periods.len())
            .finish()
    }
}

impl PeriodSignals {
    /// The number and signal of every cluster value of `period`, as
    /// [`KpiValues::cluster_signals`] reads them: from memory when nothing that changes
    /// them was written since.
    #[tracing::instrument(skip(self, db), err)]
    pub async fn of<C: ConnectionTrait>(
        &self,
        db: &C,
        period: &Period,
    ) -> Result<Arc<[ClusterSignal]>, DomainError> {
        // The revision is read before the values: a write between the two makes the
        // values newer than their revision, never older, so nothing stale is kept.
        let revision = KpiRevision::current(db).await?;
        let key = period.key();
        if let Some(signals) = self.kept_at(&key, revision) {
            return Ok(signals);
        }
        let signals: Arc<[ClusterSignal]> = KpiValues::cluster_signals(db, period).await?.into();
        self.keep(key, revision, Arc::clone(&signals));
        Ok(signals)
    }

    /// The signals kept for period `key` at `revision`, if any.
    fn kept_at(&self, key: &str, revision: i64) -> Option<Arc<[ClusterSignal]>> {
        let mut store = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        store.asks += 1;
        let asks = store.asks;
        let kept = store.periods.get_mut(key)?;
        (kept.revision == revision).then(|| {
            kept.asked = asks;
            Arc::clone(&kept.signals)
        })
    }

    /// Keeps `signals` for period `key` at `revision`, letting go of the signals of older
    /// revisions and, past [`PERIODS_KEPT`], of the period asked for least recently.
    fn keep(&self, key: String, revision: i64, signals: Arc<[ClusterSignal]>) {
        let mut store = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        store.periods.retain(|_, kept| kept.revision >= revision);
        if store
            .periods
            .get(&key)
            .is_some_and(|kept| kept.revision > revision)
        {
            return;
        }
        if store.periods.len() >= PERIODS_KEPT && !store.periods.contains_key(&key) {
            let oldest = store
                .periods
                .iter()
                .min_by_key(|(_, kept)| kept.asked)
                .map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                store.periods.remove(&oldest);
            }
        }
        let asked = store.asks;
        store.periods.insert(
            key,
            Kept {
                revision,
                asked,
                signals,
            },
        );
    }
}
