//! Media coverage, award applications, member self-reports, service projects, referrals
//! and partnerships.

use chrono::{Duration, NaiveDate};

use super::{data::next_id, names, plan::Builder};
use crate::entity::{
    award_application,
    award_application::AwardOutcome,
    media_item,
    media_item::MediaKind,
    partnership, referral, self_report,
    self_report::{SelfReportKind, SelfReportStatus},
    service_project,
};

/// One self-report about to be written.
struct ReportDraft {
    member_id: i32,
    cluster_id: i32,
    month: NaiveDate,
    kind: SelfReportKind,
    due_on: NaiveDate,
    submitted_on: Option<NaiveDate>,
    hours: f64,
    description: String,
}

impl Builder {
    /// The community facts of every cluster and the self-reports of every member.
    pub fn generate_community(&mut self) {
        for c in 0..self.clusters.len() {
            self.generate_media(c);
            self.generate_yearly_community(c);
            self.generate_partnerships(c);
        }
        self.generate_self_reports();
    }

    fn generate_media(&mut self, c: usize) {
        let founded = self.clusters[c].founded_on;
        for month in Self::months(self.start.max(founded), self.until) {
            let q = self.quality(c, month);
            let kinds = [
                (MediaKind::Mention, 0.1 + 0.6 * q, 2_000, 80_000),
                (MediaKind::PressRelease, 0.05 + 0.3 * q, 500, 20_000),
                (MediaKind::SocialPost, 0.5 + 2.5 * q, 100, 5_000),
            ];
            for (kind, rate, low, high) in kinds {
                for _ in 0..self.dice.poisson(rate) {
                    let published_on =
                        (month + Duration::days(self.dice.int(0, 27))).min(self.until);
                    // Now and then national coverage reaches far more people.
                    let boost = if self.dice.chance(0.03) { 10 } else { 1 };
                    let id = next_id(&self.data.media_items);
                    let outlet = (*self.dice.pick(names::OUTLETS)).to_owned();
                    let title = format!(
                        "{} in the news: {}",
                        self.data.clusters[c].name,
                        self.dice.pick(names::EVENT_THEMES)
                    );
                    self.data.media_items.push(media_item::Model {
                        id,
                        cluster_id: self.clusters[c].id,
                        published_on,
                        outlet,
                        kind,
                        reach: self.dice.int(low, high) * boost,
                        title,
                        reference: format!("MP-MEDIA-{id}"),
                    });
                }
            }
        }
    }

    /// Award applications, service projects and referrals, year by year.
    fn generate_yearly_community(&mut self, c: usize) {
        let cluster_id = self.clusters[c].id;
        for year in self.years() {
            let from = Self::jan_first(year).max(self.clusters[c].founded_on);
            let to = (Self::jan_first(year + 1) - Duration::days(1)).min(self.until);
            if from > to {
                continue;
            }
            let q = self.quality(c, from + (to - from) / 2);
            for _ in 0..self.dice.poisson(0.3 + 3.0 * q) {
                let submitted_on = self.dice.day(from, to);
                let member_id = if self.dice.chance(0.5) {
                    self.active_stays(c, submitted_on)
                        .first()
                        .map(|&s| self.stays[s].member_id)
                } else {
                    None
                };
                let outcome = if submitted_on > self.until - Duration::days(90) {
                    AwardOutcome::Pending
                } else if self.dice.chance(0.15 + 0.25 * q) {
                    AwardOutcome::Won
                } else {
                    AwardOutcome::Lost
                };
                let id = next_id(&self.data.award_applications);
                let award = (*self.dice.pick(names::AWARDS)).to_owned();
                self.data.award_applications.push(award_application::Model {
                    id,
                    cluster_id,
                    member_id,
                    award,
                    submitted_on,
                    outcome,
                    reference: format!("MP-AWARD-{id}"),
                });
            }
            for k in 0..self.dice.poisson(0.2 + 2.0 * q) {
                let started_on = self.dice.day(from, to);
                let completed_on = self
                    .dice
                    .chance(0.85)
                    .then(|| started_on + Duration::days(self.dice.int(20, 180)))
                    .filter(|d| *d <= self.until);
                let id = next_id(&self.data.service_projects);
                let name = format!("{} {year} #{}", self.dice.pick(names::PROJECTS), k + 1);
                self.data.service_projects.push(service_project::Model {
                    id,
                    cluster_id,
                    name,
                    started_on,
                    completed_on,
                });
            }
            for _ in 0..self.dice.poisson(0.2 + 2.5 * q) {
                // Mostly to another cluster; a referral to oneself does not count.
                let to_cluster = if self.dice.chance(0.92) {
                    self.dice.index(self.clusters.len())
                } else {
                    c
                };
                let prospect_name = format!(
                    "{} {}",
                    self.dice.pick(names::FIRST_NAMES),
                    self.dice.pick(names::LAST_NAMES)
                );
                let id = next_id(&self.data.referrals);
                let referred_on = self.dice.day(from, to);
                self.data.referrals.push(referral::Model {
                    id,
                    from_cluster_id: cluster_id,
                    to_cluster_id: self.clusters[to_cluster].id,
                    prospect_name,
                    referred_on,
                });
            }
        }
    }

    fn generate_partnerships(&mut self, c: usize) {
        let from = self.clusters[c]
            .founded_on
            .max(self.start - Duration::days(730));
        let count = self.dice.poisson(0.5 + 2.5 * self.quality(c, self.start));
        let mut partners: Vec<&str> = names::PARTNERS.to_vec();
        for _ in 0..count.min(partners.len() as u32) {
            let partner = partners.swap_remove(self.dice.index(partners.len()));
            let start_date = self.dice.day(from, self.until);
            let end_date = self
                .dice
                .chance(0.5)
                .then(|| start_date + Duration::days(self.dice.int(365, 1095)));
            let id = next_id(&self.data.partnerships);
            self.data.partnerships.push(partnership::Model {
                id,
                cluster_id: self.clusters[c].id,
                partner_name: partner.to_owned(),
                start_date,
                end_date,
            });
        }
    }

    /// Every member owes an activity report for each month that ended while they were a
    /// member; some also report volunteer hours and outside events.
    fn generate_self_reports(&mut self) {
        for s in 0..self.stays.len() {
            let stay = self.stays[s].clone();
            let c = stay.cluster_index;
            let cluster_id = self.clusters[c].id;
            for month in Self::months(stay.start.max(self.start), self.until) {
                let month_end = Self::month_end(month);
                if month_end >= self.until || !stay.covers(month_end) {
                    continue;
                }
                let q = self.quality(c, month);
                let due_on = month_end + Duration::days(10);
                let submitted_on = if self.dice.chance(0.55 + 0.42 * q) {
                    if self.dice.chance(0.6 + 0.38 * q) {
                        Some(month_end + Duration::days(self.dice.int(0, 10)))
                    } else {
                        Some(due_on + Duration::days(self.dice.int(1, 30)))
                    }
                } else {
                    None
                };
                let description = (*self.dice.pick(names::ACTIVITIES)).to_owned();
                let hours = self.dice.int(0, 6) as f64;
                let member_id = stay.member_id;
                self.push_report(ReportDraft {
                    member_id,
                    cluster_id,
                    month,
                    kind: SelfReportKind::Activity,
                    due_on,
                    submitted_on,
                    hours,
                    description,
                });
                if self.dice.chance(0.05 + 0.25 * q) {
                    let hours = self.dice.int(2, 24) as f64 * 0.5;
                    let submitted_on = Some(month_end + Duration::days(self.dice.int(0, 20)));
                    let description = format!("Volunteering: {}", self.dice.pick(names::PROJECTS));
                    self.push_report(ReportDraft {
                        member_id,
                        cluster_id,
                        month,
                        kind: SelfReportKind::VolunteerHours,
                        due_on,
                        submitted_on,
                        hours,
                        description,
                    });
                }
                if self.dice.chance(0.03) {
                    let hours = self.dice.int(2, 8) as f64;
                    let submitted_on = Some(month_end + Duration::days(self.dice.int(0, 20)));
                    let description =
                        format!("Outside event: {}", self.dice.pick(names::EVENT_THEMES));
                    self.push_report(ReportDraft {
                        member_id,
                        cluster_id,
                        month,
                        kind: SelfReportKind::EventParticipation,
                        due_on,
                        submitted_on,
                        hours,
                        description,
                    });
                }
            }
        }
    }

    /// Writes a report; staff have verified (or rejected) most that are older than two weeks.
    fn push_report(&mut self, draft: ReportDraft) {
        let submitted_on = draft.submitted_on.filter(|d| *d <= self.until);
        let (status, verifier, verified_on, rejection_reason) = match submitted_on {
            None => (SelfReportStatus::Expected, None, None, None),
            Some(day) if day + Duration::days(14) > self.until => {
                (SelfReportStatus::Submitted, None, None, None)
            }
            Some(day) => {
                let roll = self.dice.real(0.0, 1.0);
                let verifier = Some((*self.dice.pick(names::VERIFIERS)).to_owned());
                let checked = Some(day + Duration::days(self.dice.int(1, 14)));
                if roll < 0.9 {
                    (SelfReportStatus::Verified, verifier, checked, None)
                } else if roll < 0.94 {
                    (
                        SelfReportStatus::Rejected,
                        verifier,
                        checked,
                        Some("Hours or activity not documented".to_owned()),
                    )
                } else {
                    (SelfReportStatus::Submitted, None, None, None)
                }
            }
        };
        let id = next_id(&self.data.self_reports);
        self.data.self_reports.push(self_report::Model {
            id,
            member_id: draft.member_id,
            cluster_id: draft.cluster_id,
            report_month: draft.month,
            kind: draft.kind,
            due_on: draft.due_on,
            submitted_on,
            hours: draft.hours,
            description: draft.description,
            status,
            verifier,
            verified_on,
            rejection_reason,
        });
    }
}
