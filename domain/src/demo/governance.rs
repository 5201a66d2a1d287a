//! Committees and their monthly calls, boards with their seats, terms and successors,
//! yearly goals, leadership trainings, budgets and spending.

use chrono::{Datelike, Duration, Months, NaiveDate};

use super::{data::next_id, events::EventDraft, names, plan::Builder};
use crate::entity::{
    board_seat, board_term, budget, committee, committee_member,
    event::{EventKind, EventStatus},
    goal, spending, training,
};

const SPENDING_CATEGORIES: &[&str] = &[
    "Events",
    "Venue",
    "Marketing",
    "Forum retreats",
    "Travel",
    "Administration",
];

impl Builder {
    /// Committees, boards, goals, budgets and trainings of every cluster.
    pub fn generate_governance(&mut self) {
        for c in 0..self.clusters.len() {
            self.generate_committee(c);
            self.generate_board(c);
            self.generate_goals(c);
            self.generate_budgets(c);
        }
        self.generate_trainings();
    }

    /// `count` distinct members of cluster `c` on `day`, with the end of their stay.
    fn draw_members(
        &mut self,
        c: usize,
        day: NaiveDate,
        count: usize,
    ) -> Vec<(i32, Option<NaiveDate>)> {
        let mut pool: Vec<(i32, Option<NaiveDate>)> = self
            .active_stays(c, day)
            .into_iter()
            .map(|s| (self.stays[s].member_id, self.stays[s].end))
            .collect();
        let mut drawn = Vec::with_capacity(count);
        while drawn.len() < count && !pool.is_empty() {
            drawn.push(pool.swap_remove(self.dice.index(pool.len())));
        }
        drawn
    }

    fn generate_committee(&mut self, c: usize) {
        let committee_id = next_id(&self.data.committees);
        let cluster_id = self.clusters[c].id;
        self.data.committees.push(committee::Model {
            id: committee_id,
            cluster_id,
            name: "Cluster committee".to_owned(),
        });
        let first_day = self.clusters[c].founded_on + Duration::days(30);
        let mut seats: Vec<(i32, NaiveDate, NaiveDate)> = Vec::new();
        for year in self.years() {
            let day = Self::jan_first(year).max(first_day);
            let year_end = Self::jan_first(year + 1) - Duration::days(1);
            if day > self.until {
                break;
            }
            if day > year_end {
                // The cluster did not exist yet that year.
                continue;
            }
            let size = self.dice.int(5, 7) as usize;
            for (member_id, stay_end) in self.draw_members(c, day, size) {
                let end = stay_end.map_or(year_end, |e| e.min(year_end));
                let id = next_id(&self.data.committee_members);
                self.data.committee_members.push(committee_member::Model {
                    id,
                    committee_id,
                    member_id,
                    start_date: day,
                    end_date: Some(end),
                });
                seats.push((member_id, day, end));
            }
        }
        let horizon = self.until + Duration::days(30);
        for month in Self::months(self.start.max(first_day), horizon) {
            let q = self.quality(c, month);
            let day = month + Duration::days(self.dice.int(4, 20));
            if day > horizon {
                continue;
            }
            let status = self.status_on(day, 0.3 * (1.0 - q));
            let at = day.and_hms_opt(19, 0, 0).unwrap_or_default();
            let event = self.push_event(EventDraft {
                kind: EventKind::CommitteeCall,
                title: "Committee call".to_owned(),
                host: Some(c),
                region: None,
                forum_id: None,
                committee_id: Some(committee_id),
                at,
                status,
            });
            let mut invited: Vec<i32> = seats
                .iter()
                .filter(|(_, s, e)| *s <= day && *e >= day)
                .map(|(m, _, _)| *m)
                .collect();
            invited.sort_unstable();
            invited.dedup();
            for &member in &invited {
                self.push_invitation(event, member);
            }
            if status != EventStatus::Held {
                continue;
            }
            for &member in &invited {
                if self.dice.chance(0.6 + 0.38 * q) {
                    // On time means joining at most five minutes after the scheduled start.
                    let offset = if self.dice.chance(0.55 + 0.42 * q) {
                        self.dice.int(-4, 5)
                    } else {
                        self.dice.int(6, 30)
                    };
                    self.push_attendance(event, member, at + Duration::minutes(offset));
                }
            }
        }
    }

    fn generate_board(&mut self, c: usize) {
        let q0 = self.quality(c, self.start);
        let seat_count = 5 + usize::from(q0 > 0.6) + usize::from(q0 > 0.8);
        let founded = self.clusters[c].founded_on;
        for (k, title) in names::BOARD_SEATS.iter().take(seat_count).enumerate() {
            let seat_id = next_id(&self.data.board_seats);
            let is_leader = k == 0;
            self.data.board_seats.push(board_seat::Model {
                id: seat_id,
                cluster_id: self.clusters[c].id,
                title: (*title).to_owned(),
                is_leader,
            });
            let first_term =
                NaiveDate::from_ymd_opt(self.start.year() - 2, 7, 1).unwrap_or(self.start);
            let mut day = first_term.max(founded + Duration::days(60));
            let mut previous: Option<i32> = None;
            let mut terms = Vec::new();
            while day <= self.until {
                let q = self.quality(c, day);
                if !is_leader && self.dice.chance(0.3 * (1.0 - q)) {
                    day += Duration::days(self.dice.int(60, 270));
                    continue;
                }
                let years = if self.dice.chance(0.3 + 0.5 * q) {
                    1
                } else if self.dice.chance(0.7) {
                    2
                } else {
                    3
                };
                let candidates = self.draw_members(c, day, 3);
                let Some(&(fallback, fallback_end)) = candidates.first() else {
                    day += Duration::days(180);
                    continue;
                };
                let (member_id, stay_end) = match previous {
                    Some(p) if self.dice.chance(0.35) => match self
                        .active_stays(c, day)
                        .into_iter()
                        .find(|&s| self.stays[s].member_id == p)
                    {
                        Some(s) => (p, self.stays[s].end),
                        None => (fallback, fallback_end),
                    },
                    _ => (fallback, fallback_end),
                };
                let full_end = day + Months::new(12 * years) - Duration::days(1);
                let mut end = Some(stay_end.map_or(full_end, |e| e.min(full_end)));
                if is_leader && full_end >= self.until && self.dice.chance(0.15 * (1.0 - q)) {
                    end = None;
                }
                let id = next_id(&self.data.board_terms);
                self.data.board_terms.push(board_term::Model {
                    id,
                    board_seat_id: seat_id,
                    member_id,
                    start_date: day,
                    end_date: end,
                    successor_id: None,
                    successor_named_on: None,
                });
                terms.push(id as usize - 1);
                previous = Some(member_id);
                match end {
                    Some(e) => day = e + Duration::days(1),
                    None => break,
                }
            }
            if is_leader {
                self.name_successors(c, &terms);
            }
        }
    }

    /// Leaders of well-run clusters name their successor before the term's last quarter.
    fn name_successors(&mut self, c: usize, terms: &[usize]) {
        for (i, &row) in terms.iter().enumerate() {
            let (start, Some(end)) = (
                self.data.board_terms[row].start_date,
                self.data.board_terms[row].end_date,
            ) else {
                continue;
            };
            let successor = match terms.get(i + 1) {
                Some(&next) => Some(self.data.board_terms[next].member_id),
                None => self
                    .draw_members(c, end.min(self.until), 1)
                    .first()
                    .map(|(m, _)| *m),
            };
            let q = self.quality(c, end);
            let named_on = if self.dice.chance(0.3 + 0.65 * q) {
                Some(end - Duration::days(self.dice.int(100, 240)))
            } else if self.dice.chance(0.3) {
                Some(end - Duration::days(self.dice.int(0, 80)))
            } else {
                None
            }
            .map(|d| d.max(start))
            .filter(|d| *d <= self.until);
            if let (Some(named), Some(successor)) = (named_on, successor) {
                self.data.board_terms[row].successor_id = Some(successor);
                self.data.board_terms[row].successor_named_on = Some(named);
            }
        }
    }

    fn generate_goals(&mut self, c: usize) {
        for year in self.years() {
            let jan = Self::jan_first(year);
            let deadline = jan + Duration::days(30);
            if self.clusters[c].founded_on > deadline || jan > self.until {
                continue;
            }
            let q = self.quality(c, jan);
            if self.dice.chance(0.02 + 0.08 * (1.0 - q)) {
                continue;
            }
            let on_time = self.dice.chance(0.4 + 0.55 * q);
            let year_end = Self::jan_first(year + 1) - Duration::days(1);
            let elapsed = ((self.until - jan).num_days() as f64
                / (year_end - jan).num_days() as f64)
                .min(1.0);
            let q_end = self.quality(c, year_end.min(self.until));
            let mut titles: Vec<&str> = names::GOALS.to_vec();
            for _ in 0..self.dice.int(3, 6) {
                let title = titles.swap_remove(self.dice.index(titles.len()));
                let recorded_on = if on_time {
                    self.dice.day(jan + Duration::days(2), deadline)
                } else {
                    self.dice
                        .day(deadline + Duration::days(1), jan + Duration::days(89))
                };
                if recorded_on > self.until {
                    continue;
                }
                let achieved = self.dice.chance((0.25 + 0.7 * q_end) * elapsed);
                let id = next_id(&self.data.goals);
                self.data.goals.push(goal::Model {
                    id,
                    cluster_id: self.clusters[c].id,
                    year,
                    title: title.to_owned(),
                    recorded_on,
                    deadline,
                    achieved,
                });
            }
        }
    }

    fn generate_budgets(&mut self, c: usize) {
        let size = self.stays_by_cluster[c].len() as i64;
        for year in self.years() {
            let jan = Self::jan_first(year);
            let deadline = jan + Duration::days(30);
            if self.clusters[c].founded_on > deadline || jan > self.until || self.dice.chance(0.04)
            {
                continue;
            }
            let q = self.quality(c, jan);
            let amount_cents = (15_000 + 900 * size + self.dice.int(0, 10_000)) * 100;
            let submitted_on = self.done_by(deadline, 0.45 + 0.5 * q, 40, 60);
            let id = next_id(&self.data.budgets);
            let cluster_id = self.clusters[c].id;
            self.data.budgets.push(budget::Model {
                id,
                cluster_id,
                year,
                amount_cents,
                deadline,
                submitted_on,
            });
            let year_end = Self::jan_first(year + 1) - Duration::days(1);
            let spread = 0.05 + 0.35 * (1.0 - q);
            for month in Self::months(jan, year_end.min(self.until)) {
                let monthly = amount_cents as f64 / 12.0 * (1.0 + self.dice.real(-spread, spread));
                let parts = self.dice.int(1, 3);
                for _ in 0..parts {
                    let spent_on = (month + Duration::days(self.dice.int(0, 27))).min(self.until);
                    let id = next_id(&self.data.spendings);
                    self.data.spendings.push(spending::Model {
                        id,
                        cluster_id,
                        spent_on,
                        amount_cents: (monthly / parts as f64).round() as i64,
                        category: (*self.dice.pick(SPENDING_CATEGORIES)).to_owned(),
                        reference: format!("MP-SPEND-{id}"),
                    });
                }
            }
        }
    }

    /// Board members take the year's leadership training, more often in good clusters.
    fn generate_trainings(&mut self) {
        for year in self.years() {
            let jan = Self::jan_first(year);
            let last = (Self::jan_first(year + 1) - Duration::days(1)).min(self.until);
            let mut trained: Vec<i32> = Vec::new();
            for t in 0..self.data.board_terms.len() {
                let term = &self.data.board_terms[t];
                if term.start_date > last || term.end_date.is_some_and(|e| e < jan) {
                    continue;
                }
                let member = term.member_id;
                let cluster =
                    self.data.board_seats[term.board_seat_id as usize - 1].cluster_id as usize - 1;
                if trained.contains(&member)
                    || !self.dice.chance(0.35 + 0.6 * self.quality(cluster, last))
                {
                    continue;
                }
                trained.push(member);
                let completed_on = self.dice.day(jan, last);
                let id = next_id(&self.data.trainings);
                self.data.trainings.push(training::Model {
                    id,
                    member_id: member,
                    course: format!("Leadership training {year}"),
                    completed_on,
                });
            }
        }
    }
}
