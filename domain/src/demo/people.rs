//! Members, their membership terms (renewals, lapses, moves, re-joins), dues invoices and
//! mentorships of new members.

use chrono::{Duration, Months, NaiveDate};

use super::{
    data::next_id,
    names,
    plan::{Builder, Stay},
};
use crate::entity::{dues_invoice, member, membership, membership::RenewalOutcome, mentorship};

/// A yearly membership fee, in cents, before the regional adjustment.
const BASE_DUES_CENTS: i64 = 150_000;

impl Builder {
    /// Members with their terms, dues and mentorships.
    pub fn generate_people(&mut self) {
        let cumulative: Vec<f64> = self
            .clusters
            .iter()
            .scan(0.0, |sum, plan| {
                let young = plan.founded_on >= self.start;
                *sum += plan.size_weight * if young { 0.5 } else { 1.0 };
                Some(*sum)
            })
            .collect();
        let total = cumulative.last().copied().unwrap_or(1.0);
        for i in 0..self.config.members {
            let member_id = i as i32 + 1;
            self.push_member(member_id);
            let target = self.dice.real(0.0, total);
            let cluster = cumulative
                .partition_point(|&c| c < target)
                .min(self.clusters.len() - 1);
            let plan = &self.clusters[cluster];
            let join = if plan.founded_on >= self.start {
                self.dice
                    .day(plan.founded_on, self.until - Duration::days(30))
            } else {
                let earliest = plan.founded_on.max(self.start - Duration::days(4 * 365));
                let growth = 0.12 + 0.25 * self.quality(cluster, self.start);
                if self.dice.chance(growth) {
                    self.dice.day(self.start, self.until - Duration::days(14))
                } else {
                    self.dice.day(earliest, self.start - Duration::days(1))
                }
            };
            self.live_membership(member_id, cluster, join);
        }
        self.generate_mentorships();
    }

    fn push_member(&mut self, id: i32) {
        let first = *self.dice.pick(names::FIRST_NAMES);
        let last = *self.dice.pick(names::LAST_NAMES);
        let word = *self.dice.pick(names::COMPANY_WORDS);
        let form = *self.dice.pick(names::COMPANY_FORMS);
        let slug = |s: &str| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_lowercase()
        };
        self.data.members.push(member::Model {
            id,
            member_number: format!("M{id:06}"),
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            email: format!("{}.{}{id}@{}.example", slug(first), slug(last), slug(word)),
            company: format!("{word} {form}"),
        });
    }

    /// Yearly terms from `join` on: renewals and lapses by the cluster's quality, the odd
    /// move to another cluster of the region and the odd re-join after a lapse.
    fn live_membership(&mut self, member_id: i32, first_cluster: usize, join: NaiveDate) {
        let mut cluster = first_cluster;
        let mut term_start = join;
        let mut stay_start = join;
        let mut first_ever = true;
        loop {
            let term_end = term_start + Months::new(12) - Duration::days(1);
            self.push_invoice(member_id, cluster, term_start);
            if self.dice.chance(0.012) {
                let move_day = self.dice.day(
                    term_start + Duration::days(30),
                    term_end - Duration::days(30),
                );
                if let Some(next) = self
                    .other_cluster(cluster, move_day)
                    .filter(|_| move_day <= self.until)
                {
                    self.push_term(
                        member_id,
                        cluster,
                        term_start,
                        Some(move_day - Duration::days(1)),
                        None,
                    );
                    self.push_stay(
                        member_id,
                        cluster,
                        stay_start,
                        Some(move_day - Duration::days(1)),
                        first_ever,
                    );
                    cluster = next;
                    term_start = move_day;
                    stay_start = move_day;
                    first_ever = false;
                    continue;
                }
            }
            if term_end >= self.until {
                self.push_term(
                    member_id,
                    cluster,
                    term_start,
                    Some(term_end),
                    Some(RenewalOutcome::Pending),
                );
                self.push_stay(member_id, cluster, stay_start, None, first_ever);
                return;
            }
            let renews = 0.78 + 0.2 * self.quality(cluster, term_end);
            if self.dice.chance(renews) {
                self.push_term(
                    member_id,
                    cluster,
                    term_start,
                    Some(term_end),
                    Some(RenewalOutcome::Renewed),
                );
                term_start = term_end + Duration::days(1);
                continue;
            }
            self.push_term(
                member_id,
                cluster,
                term_start,
                Some(term_end),
                Some(RenewalOutcome::Lapsed),
            );
            self.push_stay(member_id, cluster, stay_start, Some(term_end), first_ever);
            let back = term_end + Duration::days(self.dice.int(180, 540));
            if self.dice.chance(0.05) && back <= self.until - Duration::days(14) {
                term_start = back;
                stay_start = back;
                first_ever = false;
                continue;
            }
            return;
        }
    }

    /// Another cluster of the same region that exists on `day`, if there is one.
    fn other_cluster(&mut self, cluster: usize, day: NaiveDate) -> Option<usize> {
        let region = self.clusters[cluster].region_index;
        let candidates: Vec<usize> = self.regions_clusters[region]
            .iter()
            .copied()
            .filter(|&c| c != cluster && self.clusters[c].founded_on <= day)
            .collect();
        (!candidates.is_empty()).then(|| *self.dice.pick(&candidates))
    }

    fn push_term(
        &mut self,
        member_id: i32,
        cluster: usize,
        start: NaiveDate,
        end: Option<NaiveDate>,
        outcome: Option<RenewalOutcome>,
    ) {
        let id = next_id(&self.data.memberships);
        self.data.memberships.push(membership::Model {
            id,
            member_id,
            cluster_id: self.clusters[cluster].id,
            start_date: start,
            end_date: end,
            // A term cut short by a move never came up for renewal.
            renewal_due_on: outcome.and(end),
            renewal_outcome: outcome,
        });
    }

    fn push_stay(
        &mut self,
        member_id: i32,
        cluster: usize,
        start: NaiveDate,
        end: Option<NaiveDate>,
        first_ever: bool,
    ) {
        self.stays_by_cluster[cluster].push(self.stays.len());
        self.stays.push(Stay {
            member_id,
            cluster_index: cluster,
            start,
            end,
            first_ever,
        });
    }

    /// The yearly dues invoice of a term; how promptly it is paid follows the cluster.
    fn push_invoice(&mut self, member_id: i32, cluster: usize, term_start: NaiveDate) {
        let due_on = term_start + Duration::days(30);
        if due_on < self.start - Duration::days(365) {
            return;
        }
        let amount = BASE_DUES_CENTS + 10_000 * (self.clusters[cluster].region_index as i64 % 4);
        let q = self.quality(cluster, due_on);
        let paid_on = self.done_by(due_on, 0.80 + 0.18 * q, 25, 75);
        let share = 0.02 + 0.14 * q;
        let reserved = if paid_on.is_some() {
            (amount as f64 * share / 100.0).round() as i64 * 100
        } else {
            0
        };
        let id = next_id(&self.data.dues_invoices);
        self.data.dues_invoices.push(dues_invoice::Model {
            id,
            invoice_number: format!("INV-{id:07}"),
            member_id,
            cluster_id: self.clusters[cluster].id,
            amount_cents: amount,
            due_on,
            paid_on,
            paid_cents: if paid_on.is_some() { amount } else { 0 },
            reserved_cents: reserved,
        });
    }

    /// New members get a mentor more often in well-run clusters.
    fn generate_mentorships(&mut self) {
        for s in 0..self.stays.len() {
            let stay = self.stays[s].clone();
            if !stay.first_ever || stay.start < self.start - Duration::days(365) {
                continue;
            }
            if !self
                .dice
                .chance(0.2 + 0.7 * self.quality(stay.cluster_index, stay.start))
            {
                continue;
            }
            let veterans: Vec<i32> = self
                .active_stays(stay.cluster_index, stay.start)
                .into_iter()
                .map(|i| &self.stays[i])
                .filter(|other| other.start <= stay.start - Duration::days(730))
                .map(|other| other.member_id)
                .collect();
            if veterans.is_empty() {
                continue;
            }
            let mentor_id = *self.dice.pick(&veterans);
            let start_date = stay.start + Duration::days(self.dice.int(7, 45));
            if start_date > self.until {
                continue;
            }
            let mut end_date = start_date + Months::new(12) - Duration::days(1);
            if let Some(end) = stay.end {
                end_date = end_date.min(end);
            }
            let id = next_id(&self.data.mentorships);
            self.data.mentorships.push(mentorship::Model {
                id,
                mentor_id,
                mentee_id: stay.member_id,
                cluster_id: self.clusters[stay.cluster_index].id,
                start_date,
                end_date: Some(end_date),
            });
        }
    }
}
