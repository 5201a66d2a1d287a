//! Forums, their members and moderators, and their monthly meetings with invitations and
//! attendance.

use chrono::{Duration, NaiveDate};

use super::{data::next_id, events::EventDraft, plan::Builder};
use crate::entity::{
    event::{EventKind, EventStatus},
    forum, forum_membership,
    forum_membership::ForumRole,
};

/// One forum while its members are assigned.
struct ForumPlan {
    id: i32,
    name: String,
    formed_on: NaiveDate,
    dissolved_on: Option<NaiveDate>,
    /// (member, first day, last day) of every seat, members and moderators.
    seats: Vec<(i32, NaiveDate, Option<NaiveDate>)>,
}

impl ForumPlan {
    fn open_on(&self, day: NaiveDate) -> bool {
        self.formed_on <= day && self.dissolved_on.is_none_or(|d| d >= day)
    }

    fn members_on(&self, day: NaiveDate) -> Vec<i32> {
        let mut members: Vec<i32> = self
            .seats
            .iter()
            .filter(|(_, start, end)| *start <= day && end.is_none_or(|e| e >= day))
            .map(|(member, _, _)| *member)
            .collect();
        members.sort_unstable();
        members.dedup();
        members
    }
}

impl Builder {
    /// Forums for every cluster, their seats and meetings.
    pub fn generate_forums(&mut self) {
        for c in 0..self.clusters.len() {
            let mut forums = self.plan_forums(c);
            self.seat_forum_members(c, &mut forums);
            for forum in &mut forums {
                self.rotate_moderators(c, forum);
            }
            for forum in &forums {
                self.hold_forum_meetings(c, forum);
            }
        }
    }

    fn plan_forums(&mut self, c: usize) -> Vec<ForumPlan> {
        let founded = self.clusters[c].founded_on;
        let formed_from = founded.max(self.start - Duration::days(730));
        let size = self.stays_by_cluster[c].len();
        let count = ((size as f64) / 12.0).ceil().clamp(1.0, 8.0) as usize;
        let mut forums = Vec::with_capacity(count);
        for k in 0..count {
            let formed_on = self
                .dice
                .day(formed_from, formed_from + Duration::days(60))
                .min(self.until);
            let dissolved_on = if count > 1 && self.dice.chance(0.05) {
                Some(self.dice.day(formed_on + Duration::days(200), self.until))
            } else {
                None
            }
            .filter(|d| *d < self.until);
            let name = format!("Forum {}", char::from(b'A' + k as u8));
            let id = next_id(&self.data.forums);
            self.data.forums.push(forum::Model {
                id,
                cluster_id: self.clusters[c].id,
                name: name.clone(),
                formed_on,
                dissolved_on,
            });
            forums.push(ForumPlan {
                id,
                name,
                formed_on,
                dissolved_on,
                seats: Vec::new(),
            });
        }
        forums
    }

    /// Members join the open forum with the fewest seats, more often in good clusters.
    fn seat_forum_members(&mut self, c: usize, forums: &mut [ForumPlan]) {
        let Some(first_formed) = forums.iter().map(|f| f.formed_on).min() else {
            return;
        };
        for s in self.stays_by_cluster[c].clone() {
            let stay = self.stays[s].clone();
            // Members who were there before the forums existed join once they do.
            let joins_from = stay.start.max(first_formed);
            if !self.dice.chance(0.45 + 0.5 * self.quality(c, joins_from)) {
                continue;
            }
            let join = joins_from + Duration::days(self.dice.int(14, 90));
            if join > self.until || stay.end.is_some_and(|end| end < join) {
                continue;
            }
            let Some(forum) = forums
                .iter_mut()
                .filter(|f| f.open_on(join))
                .min_by_key(|f| f.seats.len())
            else {
                continue;
            };
            let end = match (stay.end, forum.dissolved_on) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let id = next_id(&self.data.forum_memberships);
            self.data.forum_memberships.push(forum_membership::Model {
                id,
                forum_id: forum.id,
                member_id: stay.member_id,
                role: ForumRole::Member,
                trained: false,
                start_date: join,
                end_date: end,
            });
            forum.seats.push((stay.member_id, join, end));
        }
    }

    /// Each year a forum keeps or changes its moderator; a change is a new moderator seat.
    fn rotate_moderators(&mut self, c: usize, forum: &mut ForumPlan) {
        let mut current: Option<(usize, i32)> = None;
        for year in self.years() {
            let day = (Self::jan_first(year) + Duration::days(self.dice.int(0, 20)))
                .max(forum.formed_on + Duration::days(30));
            if day > self.until || !forum.open_on(day) {
                break;
            }
            if day >= Self::jan_first(year + 1) {
                // The forum was not a month old yet that year.
                continue;
            }
            let members = forum.members_on(day);
            if let Some((_, moderator)) = current
                && members.contains(&moderator)
                && self.dice.chance(0.65)
            {
                continue;
            }
            if members.is_empty() {
                continue;
            }
            let moderator = *self.dice.pick(&members);
            if let Some((row, _)) = current {
                self.data.forum_memberships[row].end_date = Some(day - Duration::days(1));
            }
            let end = forum
                .seats
                .iter()
                .filter(|(m, start, _)| *m == moderator && *start <= day)
                .map(|(_, _, end)| *end)
                .next()
                .flatten();
            let trained = self.dice.chance(0.35 + 0.6 * self.quality(c, day));
            let id = next_id(&self.data.forum_memberships);
            self.data.forum_memberships.push(forum_membership::Model {
                id,
                forum_id: forum.id,
                member_id: moderator,
                role: ForumRole::Moderator,
                trained,
                start_date: day,
                end_date: end,
            });
            current = Some((id as usize - 1, moderator));
        }
    }

    fn hold_forum_meetings(&mut self, c: usize, forum: &ForumPlan) {
        let horizon = self.until + Duration::days(30);
        for month in Self::months(self.start.max(forum.formed_on), horizon) {
            let q = self.quality(c, month);
            if self.dice.chance(0.12 * (1.0 - q)) {
                continue;
            }
            let day = month + Duration::days(self.dice.int(1, 25));
            if !forum.open_on(day) || day > horizon {
                continue;
            }
            let status = self.status_on(day, 0.45 * (1.0 - q));
            let at = day.and_hms_opt(18, 30, 0).unwrap_or_default();
            let title = format!("{} meeting", forum.name);
            let event = self.push_event(EventDraft {
                kind: EventKind::ForumMeeting,
                title,
                host: Some(c),
                region: None,
                forum_id: Some(forum.id),
                committee_id: None,
                at,
                status,
            });
            let invited = forum.members_on(day);
            for &member in &invited {
                self.push_invitation(event, member);
            }
            if status != EventStatus::Held {
                continue;
            }
            for &member in &invited {
                if self.dice.chance(0.6 + 0.37 * q) {
                    let offset = self.dice.int(-5, 20);
                    self.push_attendance(event, member, at + Duration::minutes(offset));
                }
            }
            // Now and then someone comes who was not invited: it must not count.
            if self.dice.chance(0.03) {
                let guests: Vec<i32> = self
                    .active_stays(c, day)
                    .into_iter()
                    .map(|s| self.stays[s].member_id)
                    .filter(|m| !invited.contains(m))
                    .collect();
                if !guests.is_empty() {
                    let guest = *self.dice.pick(&guests);
                    self.push_attendance(event, guest, at);
                }
            }
        }
    }
}
