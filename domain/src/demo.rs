//! The deterministic demo organization: regions, clusters and members with three years
//! of facts, where some clusters do well, some badly and some change over time.
//!
//! The same [`DemoConfig`] (seed and horizon included) always yields the same rows:
//! the generator draws from one seeded ChaCha stream and never iterates a hash map.

pub mod accounts;
mod community;
mod data;
mod events;
mod forums;
mod governance;
mod names;
mod people;
mod plan;
mod random;
mod writer;

use chrono::{Datelike, NaiveDate};

pub use data::DemoData;
pub use writer::write;

use crate::DomainError;

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoConfig {
    /// Members to create (every one has at least one membership).
    pub members: usize,
    /// Clusters to create.
    pub clusters: usize,
    /// Regions to spread the clusters over.
    pub regions: usize,
    /// Calendar years of history, the last one being the year of `until`.
    pub years: u32,
    /// The seed of the random stream.
    pub seed: u64,
    /// The last day with facts: nothing happens after it except planned events.
    pub until: NaiveDate,
}

impl DemoConfig {
    /// The full-size demo of the product: 10,000 members, 400 clusters, 8 regions, 3 years.
    pub fn standard(until: NaiveDate) -> Self {
        Self {
            members: 10_000,
            clusters: 400,
            regions: 8,
            years: 3,
            seed: 42,
            until,
        }
    }

    /// Refuses sizes the generator cannot make sense of, saying which and why.
    pub fn validate(&self) -> Result<(), DomainError> {
        let refuse = |why: String| Err(DomainError::Invalid(why));
        if !(1..=50).contains(&self.regions) {
            return refuse(format!(
                "--regions must be between 1 and 50, got {}",
                self.regions
            ));
        }
        if self.clusters < self.regions || self.clusters > 10_000 {
            return refuse(format!(
                "--clusters must be between the number of regions ({}) and 10000, got {}",
                self.regions, self.clusters
            ));
        }
        if self.members < self.clusters * 5 || self.members > 1_000_000 {
            return refuse(format!(
                "--members must be between 5 per cluster ({}) and 1000000, got {}",
                self.clusters * 5,
                self.members
            ));
        }
        if !(1..=10).contains(&self.years) {
            return refuse(format!(
                "--years must be between 1 and 10, got {}",
                self.years
            ));
        }
        if self.until.year() < 2000 {
            return refuse(format!(
                "--until must be in 2000 or later, got {}",
                self.until
            ));
        }
        Ok(())
    }

    /// The first day of the history's first year.
    pub fn window_start(&self) -> NaiveDate {
        let year = self.until.year() - self.years as i32 + 1;
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(self.until)
    }
}

/// Generates the demo organization in memory; `progress` hears of each stage.
pub fn generate(
    config: &DemoConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<DemoData, DomainError> {
    config.validate()?;
    let mut builder = plan::Builder::new(config);
    progress("regions and clusters");
    builder.plan_organization();
    progress("members, memberships, dues and mentorships");
    builder.generate_people();
    progress("forums, moderators and forum meetings");
    builder.generate_forums();
    progress("committees, boards, goals, trainings and budgets");
    builder.generate_governance();
    progress("cluster, regional, global and inter-cluster events");
    builder.generate_events();
    progress("media, awards, self-reports, projects, referrals and partnerships");
    builder.generate_community();
    Ok(builder.finish())
}
