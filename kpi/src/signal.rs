//! Signals: green, amber or red for a KPI value, from thresholds that know which way is
//! better. No value means no signal — never red, never zero.

use serde::{Deserialize, Serialize};

use crate::VocabularyError;

/// Whether more is better or less is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (most metrics).
    HigherIsBetter,
    /// Less is better (board tenure, budget variance).
    LowerIsBetter,
}

/// The light a value gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Signal {
    /// Worse than amber.
    Red,
    /// Between amber and green.
    Amber,
    /// At or beyond green.
    Green,
}

impl Signal {
    /// The stable name used in APIs and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Red => "red",
            Self::Amber => "amber",
            Self::Green => "green",
        }
    }
}

/// Where green and amber begin, and which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    direction: Direction,
    green: f64,
    amber: f64,
}

impl Thresholds {
    /// Thresholds in the metric's own unit; green must be at least as good as amber.
    pub fn new(direction: Direction, green: f64, amber: f64) -> Result<Self, VocabularyError> {
        let refuse = |why: String| Err(VocabularyError::Thresholds(why));
        if !green.is_finite() || !amber.is_finite() {
            return refuse(format!(
                "green ({green}) and amber ({amber}) must be numbers"
            ));
        }
        match direction {
            Direction::HigherIsBetter if green < amber => refuse(format!(
                "more is better, so green ({green}) must be at or above amber ({amber})"
            )),
            Direction::LowerIsBetter if green > amber => refuse(format!(
                "less is better, so green ({green}) must be at or below amber ({amber})"
            )),
            _ => Ok(Self {
                direction,
                green,
                amber,
            }),
        }
    }

    /// Which way is better.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// Where green begins.
    pub fn green(&self) -> f64 {
        self.green
    }

    /// Where amber begins.
    pub fn amber(&self) -> f64 {
        self.amber
    }

    /// Yearly thresholds of an accumulating metric (a count) for a period of `months`
    /// months: a quarter gets a quarter of them, a month a twelfth.
    pub fn pro_rated(&self, months: u32) -> Self {
        let share = f64::from(months) / 12.0;
        Self {
            green: self.green * share,
            amber: self.amber * share,
            ..*self
        }
    }

    /// Whether `value` is at least as good as `threshold`.
    fn reaches(&self, value: f64, threshold: f64) -> bool {
        match self.direction {
            Direction::HigherIsBetter => value >= threshold,
            Direction::LowerIsBetter => value <= threshold,
        }
    }

    /// The signal of `value`; none when there is no value (or it is not a number).
    pub fn signal(&self, value: Option<f64>) -> Option<Signal> {
        let value = value.filter(|v| v.is_finite())?;
        Some(if self.reaches(value, self.green) {
            Signal::Green
        } else if self.reaches(value, self.amber) {
            Signal::Amber
        } else {
            Signal::Red
        })
    }

    /// What it takes to reach the next better signal: that signal and how far `value` has
    /// to move, in the metric's unit (always positive). None when green or without a value.
    pub fn gap_to_next(&self, value: Option<f64>) -> Option<(Signal, f64)> {
        let signal = self.signal(value)?;
        let value = value?;
        let (next, threshold) = match signal {
            Signal::Green => return None,
            Signal::Amber => (Signal::Green, self.green),
            Signal::Red => (Signal::Amber, self.amber),
        };
        Some((next, (threshold - value).abs()))
    }
}
