//! The seeded random stream and the few distributions the generator draws from.

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A seeded, portable random stream (ChaCha8 gives the same numbers on every platform).
pub struct Dice(ChaCha8Rng);

impl Dice {
    /// A stream seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self(ChaCha8Rng::seed_from_u64(seed))
    }

    /// True with probability `p` (clamped to 0..=1).
    pub fn chance(&mut self, p: f64) -> bool {
        self.0.random::<f64>() < p.clamp(0.0, 1.0)
    }

    /// A uniform number in `low..high`.
    pub fn real(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.0.random::<f64>()
    }

    /// A uniform integer in `low..=high`.
    pub fn int(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            low
        } else {
            self.0.random_range(low..=high)
        }
    }

    /// A uniform index below `len` (which must not be zero).
    pub fn index(&mut self, len: usize) -> usize {
        self.0.random_range(0..len.max(1))
    }

    /// A Poisson-distributed count with mean `lambda` (Knuth's method; small means only).
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        let limit = (-lambda.max(0.0)).exp();
        let mut product = self.0.random::<f64>();
        let mut count = 0;
        while product > limit && count < 1000 {
            count += 1;
            product *= self.0.random::<f64>();
        }
        count
    }

    /// A uniform day in `from..=to` (or `from` when the range is empty).
    pub fn day(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days();
        from + Duration::days(self.int(0, span.max(0)))
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
}
