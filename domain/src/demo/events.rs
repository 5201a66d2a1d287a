//! Events of every kind but forum meetings and committee calls: cluster events, regional
//! and global events with speakers, the annual meeting, and inter-cluster programs; plus
//! the writers every event source shares.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::{data::next_id, names, plan::Builder};
use crate::entity::{
    attendance, event,
    event::{EventKind, EventStatus},
    event_invitation, speaker,
};

/// An event about to be written.
pub struct EventDraft {
    /// Its kind.
    pub kind: EventKind,
    /// Its title.
    pub title: String,
    /// Index of the hosting cluster, if a cluster hosts it.
    pub host: Option<usize>,
    /// Index of the hosting region, for regional events.
    pub region: Option<usize>,
    /// The forum that meets, for forum meetings.
    pub forum_id: Option<i32>,
    /// The committee that calls, for committee calls.
    pub committee_id: Option<i32>,
    /// Scheduled start.
    pub at: NaiveDateTime,
    /// Held, cancelled or planned.
    pub status: EventStatus,
}

impl Builder {
    /// Writes an event and returns its id.
    pub(super) fn push_event(&mut self, draft: EventDraft) -> i32 {
        let id = next_id(&self.data.events);
        self.data.events.push(event::Model {
            id,
            event_ref: format!("EV-{id:07}"),
            kind: draft.kind,
            title: draft.title,
            host_cluster_id: draft.host.map(|c| self.clusters[c].id),
            region_id: draft.region.map(|r| r as i32 + 1),
            forum_id: draft.forum_id,
            committee_id: draft.committee_id,
            scheduled_start: draft.at,
            status: draft.status,
        });
        id
    }

    /// Writes an invitation.
    pub(super) fn push_invitation(&mut self, event_id: i32, member_id: i32) {
        let id = next_id(&self.data.event_invitations);
        self.data.event_invitations.push(event_invitation::Model {
            id,
            event_id,
            member_id,
        });
    }

    /// Writes an attendance that began at `joined_at`.
    pub(super) fn push_attendance(
        &mut self,
        event_id: i32,
        member_id: i32,
        joined_at: NaiveDateTime,
    ) {
        let id = next_id(&self.data.attendances);
        self.data.attendances.push(attendance::Model {
            id,
            event_id,
            member_id,
            joined_at: Some(joined_at),
        });
    }

    /// Planned after the horizon; otherwise cancelled with `cancel_chance`, else held.
    pub(super) fn status_on(&mut self, day: NaiveDate, cancel_chance: f64) -> EventStatus {
        if day > self.until {
            EventStatus::Planned
        } else if self.dice.chance(cancel_chance) {
            EventStatus::Cancelled
        } else {
            EventStatus::Held
        }
    }

    /// Every event source but forums and committees.
    pub fn generate_events(&mut self) {
        self.generate_cluster_events();
        self.generate_wide_events();
        self.generate_intercluster_programs();
    }

    fn generate_cluster_events(&mut self) {
        let horizon = self.until + Duration::days(30);
        for c in 0..self.clusters.len() {
            let founded = self.clusters[c].founded_on;
            for month in Self::months(self.start.max(founded), horizon) {
                let q = self.quality(c, month);
                for _ in 0..self.dice.poisson(0.3 + 1.1 * q) {
                    let day = month + Duration::days(self.dice.int(0, 27));
                    if day < founded || day > horizon {
                        continue;
                    }
                    let status = self.status_on(day, 0.06);
                    let at = day.and_hms_opt(19, 0, 0).unwrap_or_default();
                    let title = (*self.dice.pick(names::EVENT_THEMES)).to_owned();
                    let host = Some(c);
                    let kind = EventKind::ClusterEvent;
                    let event = self.push_event(EventDraft {
                        kind,
                        title,
                        host,
                        region: None,
                        forum_id: None,
                        committee_id: None,
                        at,
                        status,
                    });
                    if status != EventStatus::Held {
                        continue;
                    }
                    for s in self.active_stays(c, day) {
                        if self.dice.chance(0.15 + 0.5 * q) {
                            let offset = self.dice.int(-10, 30);
                            self.push_attendance(
                                event,
                                self.stays[s].member_id,
                                at + Duration::minutes(offset),
                            );
                        }
                    }
                    // Guests from other clusters come too; they never count for the host.
                    if self.dice.chance(0.3) {
                        let region = self.clusters[c].region_index;
                        let neighbours = &self.regions_clusters[region];
                        let other = neighbours[self.dice.index(neighbours.len())];
                        if other != c
                            && let Some(&s) = self.active_stays(other, day).first()
                        {
                            self.push_attendance(event, self.stays[s].member_id, at);
                        }
                    }
                }
            }
        }
    }

    /// Members holding a board seat on `day`, sorted.
    fn board_members_on(&self, day: NaiveDate) -> Vec<i32> {
        let mut members: Vec<i32> = self
            .data
            .board_terms
            .iter()
            .filter(|t| t.start_date <= day && t.end_date.is_none_or(|e| e >= day))
            .map(|t| t.member_id)
            .collect();
        members.sort_unstable();
        members
    }

    /// Regional events every quarter, two global events and the annual meeting a year.
    fn generate_wide_events(&mut self) {
        for year in self.years() {
            for region in 0..self.regions_clusters.len() {
                for quarter in 0..4 {
                    let day = Self::jan_first(year)
                        + Duration::days(quarter * 91 + self.dice.int(10, 70));
                    let title = format!(
                        "{} regional summit Q{}",
                        self.data.regions[region].name,
                        quarter + 1
                    );
                    self.wide_event(
                        EventKind::RegionalEvent,
                        title,
                        Some(region),
                        day,
                        (0.06, 0.22),
                        (1, 3),
                    );
                }
            }
            for (month, day_of_month) in [(3, 20), (10, 10)] {
                let day = NaiveDate::from_ymd_opt(year, month, day_of_month).unwrap_or(self.until);
                let title = format!("Global leadership conference {year}/{month}");
                self.wide_event(
                    EventKind::GlobalEvent,
                    title,
                    None,
                    day,
                    (0.03, 0.12),
                    (2, 4),
                );
            }
            let day = NaiveDate::from_ymd_opt(year, 6, 14).unwrap_or(self.until);
            self.wide_event(
                EventKind::AnnualMeeting,
                format!("Annual meeting {year}"),
                None,
                day,
                (0.25, 0.45),
                (0, 0),
            );
        }
    }

    /// An event open to a region (or everyone): members come with probability
    /// `base + slope * quality`; board members more often to the annual meeting.
    fn wide_event(
        &mut self,
        kind: EventKind,
        title: String,
        region: Option<usize>,
        day: NaiveDate,
        (base, slope): (f64, f64),
        (min_speakers, max_speakers): (i64, i64),
    ) {
        if day > self.until + Duration::days(30) || day < self.start {
            return;
        }
        let status = self.status_on(day, 0.0);
        let at = day.and_hms_opt(9, 0, 0).unwrap_or_default();
        let event = self.push_event(EventDraft {
            kind,
            title,
            host: None,
            region,
            forum_id: None,
            committee_id: None,
            at,
            status,
        });
        if status != EventStatus::Held {
            return;
        }
        let board = if kind == EventKind::AnnualMeeting {
            self.board_members_on(day)
        } else {
            Vec::new()
        };
        let clusters: Vec<usize> = match region {
            Some(r) => self.regions_clusters[r].clone(),
            None => (0..self.clusters.len()).collect(),
        };
        let mut attendees = Vec::new();
        for c in clusters {
            let p = base + slope * self.quality(c, day);
            for s in self.active_stays(c, day) {
                let member = self.stays[s].member_id;
                let bonus = if board.binary_search(&member).is_ok() {
                    0.3
                } else {
                    0.0
                };
                if self.dice.chance(p + bonus) {
                    let offset = self.dice.int(-20, 45);
                    self.push_attendance(event, member, at + Duration::minutes(offset));
                    attendees.push(member);
                }
            }
        }
        let speakers = self
            .dice
            .int(min_speakers, max_speakers)
            .min(attendees.len() as i64);
        for _ in 0..speakers {
            let member = attendees.swap_remove(self.dice.index(attendees.len()));
            let topic = (*self.dice.pick(names::EVENT_THEMES)).to_owned();
            let id = next_id(&self.data.speakers);
            self.data.speakers.push(speaker::Model {
                id,
                event_id: event,
                member_id: member,
                topic,
            });
        }
    }

    /// Clusters host programs for the other clusters of their region.
    fn generate_intercluster_programs(&mut self) {
        for year in self.years() {
            for c in 0..self.clusters.len() {
                let founded = self.clusters[c].founded_on;
                let from = Self::jan_first(year).max(founded);
                let to = (Self::jan_first(year + 1) - Duration::days(1)).min(self.until);
                if from > to {
                    continue;
                }
                let mid = from + (to - from) / 2;
                for _ in 0..self.dice.poisson(0.2 + 2.4 * self.quality(c, mid)) {
                    let day = self.dice.day(from, to);
                    let at = day.and_hms_opt(17, 0, 0).unwrap_or_default();
                    let title = format!(
                        "{} hosts: {}",
                        self.data.clusters[c].name,
                        self.dice.pick(names::EVENT_THEMES)
                    );
                    let kind = EventKind::InterclusterProgram;
                    let status = EventStatus::Held;
                    let event = self.push_event(EventDraft {
                        kind,
                        title,
                        host: Some(c),
                        region: None,
                        forum_id: None,
                        committee_id: None,
                        at,
                        status,
                    });
                    let region = self.clusters[c].region_index;
                    for other in self.regions_clusters[region].clone() {
                        let p = if other == c {
                            0.15
                        } else {
                            0.004 + 0.03 * self.quality(other, day)
                        };
                        for s in self.active_stays(other, day) {
                            if self.dice.chance(p) {
                                self.push_attendance(event, self.stays[s].member_id, at);
                            }
                        }
                    }
                }
            }
        }
    }
}
