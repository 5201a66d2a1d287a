//! The generator's state and the organization's plan: regions, clusters and how well each
//! cluster does over time. Every other fact is drawn from a cluster's quality on its day.

use chrono::{Datelike, Duration, NaiveDate};
use kpi::{FiscalYearStart, Grain, Period};

use super::{DemoConfig, data::DemoData, names, random::Dice};
use crate::entity::{cluster, region, setting};

/// The plan of one cluster.
#[derive(Clone, Debug)]
pub struct ClusterPlan {
    /// The cluster's id.
    pub id: i32,
    /// Index of its region in `Builder::regions_clusters`.
    pub region_index: usize,
    /// When it was founded.
    pub founded_on: NaiveDate,
    base: f64,
    trend: f64,
    phase: f64,
    /// Relative size: how many members it attracts.
    pub size_weight: f64,
}

/// A member's continuous stay in one cluster (one or more consecutive terms).
#[derive(Clone, Debug)]
pub struct Stay {
    /// The member.
    pub member_id: i32,
    /// Index of the cluster in `Builder::clusters`.
    pub cluster_index: usize,
    /// First day.
    pub start: NaiveDate,
    /// Last day; `None` while the stay goes on past the horizon.
    pub end: Option<NaiveDate>,
    /// Whether this stay began the member's first membership ever.
    pub first_ever: bool,
}

impl Stay {
    /// Whether the member is in the cluster on `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| end >= day)
    }
}

/// The generator: configuration, random stream, plan and the rows made so far.
pub struct Builder {
    pub(super) config: DemoConfig,
    pub(super) dice: Dice,
    pub(super) data: DemoData,
    /// First day of the history's first year.
    pub(super) start: NaiveDate,
    /// Last day with facts.
    pub(super) until: NaiveDate,
    pub(super) clusters: Vec<ClusterPlan>,
    /// Cluster indexes per region index.
    pub(super) regions_clusters: Vec<Vec<usize>>,
    /// Every stay, in generation order.
    pub(super) stays: Vec<Stay>,
    /// Stay indexes per cluster index.
    pub(super) stays_by_cluster: Vec<Vec<usize>>,
}

impl Builder {
    /// A builder for `config`, with nothing generated yet.
    pub fn new(config: &DemoConfig) -> Self {
        Self {
            config: config.clone(),
            dice: Dice::new(config.seed),
            data: DemoData::default(),
            start: config.window_start(),
            until: config.until,
            clusters: Vec::new(),
            regions_clusters: Vec::new(),
            stays: Vec::new(),
            stays_by_cluster: Vec::new(),
        }
    }

    /// Hands over the rows.
    pub fn finish(self) -> DemoData {
        self.data
    }

    /// Regions, clusters (with founding dates and profiles) and the settings.
    pub fn plan_organization(&mut self) {
        for r in 0..self.config.regions {
            let (code, name) = match names::REGIONS.get(r) {
                Some((code, name, _)) => ((*code).to_owned(), (*name).to_owned()),
                None => (format!("R{:02}", r + 1), format!("Region {}", r + 1)),
            };
            self.data.regions.push(region::Model {
                id: r as i32 + 1,
                code,
                name,
            });
            self.regions_clusters.push(Vec::new());
        }
        let mut name_uses: Vec<(String, usize)> = Vec::new();
        for c in 0..self.config.clusters {
            let region_index = c % self.config.regions;
            let cities = names::REGIONS
                .get(region_index)
                .map_or(&["Capital"][..], |r| r.2);
            let city = cities[(c / self.config.regions) % cities.len()].to_owned();
            let uses = match name_uses.iter_mut().find(|(n, _)| *n == city) {
                Some((_, uses)) => {
                    *uses += 1;
                    *uses
                }
                None => {
                    name_uses.push((city.clone(), 1));
                    1
                }
            };
            let suffix = names::CLUSTER_SUFFIXES[(uses - 1) % names::CLUSTER_SUFFIXES.len()];
            let name = if uses > names::CLUSTER_SUFFIXES.len() {
                format!(
                    "{city}{suffix} {}",
                    uses / names::CLUSTER_SUFFIXES.len() + 1
                )
            } else {
                format!("{city}{suffix}")
            };
            // A few clusters are founded during the history; the rest up to 15 years before.
            let founded_on = if c % 37 == 36 {
                self.dice.day(self.start, self.until - Duration::days(120))
            } else {
                self.dice.day(
                    self.start - Duration::days(15 * 365),
                    self.start - Duration::days(400),
                )
            };
            let (base, trend) = self.draw_profile();
            let size_weight = self.dice.real(0.5, 1.8);
            let phase = self.dice.real(0.0, std::f64::consts::TAU);
            let id = c as i32 + 1;
            self.data.clusters.push(cluster::Model {
                id,
                code: format!(
                    "{}-{:03}",
                    self.data.regions[region_index].code,
                    c / self.config.regions + 1
                ),
                name,
                region_id: region_index as i32 + 1,
                city,
                founded_on,
            });
            self.clusters.push(ClusterPlan {
                id,
                region_index,
                founded_on,
                base,
                trend,
                phase,
                size_weight,
            });
            self.regions_clusters[region_index].push(c);
            self.stays_by_cluster.push(Vec::new());
        }
        let settings = [
            ("organization_name", "Northwind Entrepreneurs".to_owned()),
            ("fiscal_year_start_month", "1".to_owned()),
            ("demo_seed", self.config.seed.to_string()),
            ("demo_until", self.until.to_string()),
        ];
        for (key, value) in settings {
            self.data.settings.push(setting::Model {
                key: key.to_owned(),
                value,
            });
        }
    }

    /// A cluster's base quality and yearly trend: 20 % excellent, 45 % solid, 15 %
    /// struggling, 10 % improving fast and 10 % declining fast.
    fn draw_profile(&mut self) -> (f64, f64) {
        let roll = self.dice.real(0.0, 1.0);
        if roll < 0.20 {
            (self.dice.real(0.80, 0.95), self.dice.real(-0.01, 0.01))
        } else if roll < 0.65 {
            (self.dice.real(0.55, 0.80), self.dice.real(-0.03, 0.03))
        } else if roll < 0.80 {
            (self.dice.real(0.15, 0.40), self.dice.real(-0.02, 0.02))
        } else if roll < 0.90 {
            (self.dice.real(0.25, 0.45), self.dice.real(0.10, 0.18))
        } else {
            (self.dice.real(0.72, 0.88), self.dice.real(-0.18, -0.10))
        }
    }

    /// How well cluster `index` does on `day`, from 0.05 (badly) to 0.98 (very well).
    pub fn quality(&self, index: usize, day: NaiveDate) -> f64 {
        let plan = &self.clusters[index];
        let years = (day - self.start).num_days() as f64 / 365.25;
        let months = years * 12.0;
        let wobble = 0.05 * (months * 0.55 + plan.phase).sin();
        (plan.base + plan.trend * years.max(-1.0) + wobble).clamp(0.05, 0.98)
    }

    /// When something due on `due` gets done: with probability `on_time` on or up to
    /// `early_days` before it, else 70 % of the time up to `late_days` after it, else
    /// never. `None` as well when that day lies after the horizon.
    pub fn done_by(
        &mut self,
        due: NaiveDate,
        on_time: f64,
        early_days: i64,
        late_days: i64,
    ) -> Option<NaiveDate> {
        let done = if self.dice.chance(on_time) {
            Some(due - Duration::days(self.dice.int(0, early_days)))
        } else if self.dice.chance(0.7) {
            Some(due + Duration::days(self.dice.int(1, late_days)))
        } else {
            None
        };
        done.filter(|day| *day <= self.until)
    }

    /// Indexes of the stays of cluster `index` that cover `day`.
    pub fn active_stays(&self, index: usize, day: NaiveDate) -> Vec<usize> {
        self.stays_by_cluster[index]
            .iter()
            .copied()
            .filter(|&s| self.stays[s].covers(day))
            .collect()
    }

    /// The first day of every month from `from`'s month up to and including `to`'s month.
    pub fn months(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        Period::covering(Grain::Month, from, to, FiscalYearStart::JANUARY)
            .iter()
            .map(Period::first_day)
            .collect()
    }

    /// The calendar years of the history.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.start.year()..=self.until.year()
    }

    /// The last day of `month`'s month.
    pub fn month_end(month: NaiveDate) -> NaiveDate {
        Period::containing(Grain::Month, month, FiscalYearStart::JANUARY).last_day()
    }

    /// 1 January of `year`.
    pub fn jan_first(year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
    }
}
