//! Reading the signed-in member's own participation.

use leptos::prelude::*;

use crate::{error::AppError, models::participation::MyParticipation};

/// The member's participation in `period` (the newest year with values when left out).
/// Members only, and only their own: the member comes from the session, never from the
/// request.
#[server(endpoint = "participation/mine")]
pub async fn get_my_participation(period: Option<String>) -> Result<MyParticipation, AppError> {
    let member = crate::auth::require_member()?;
    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let Some((cluster, _)) = crate::auth::own_cluster(&db, &user).await? else {
        return Err(AppError::NotFound.respond());
    };
    ssr::participation(&db, locale, member, cluster, period).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! A member's participation as the page shows it, for the member's own page and for
    //! staff looking at a member.

    use domain::sea_orm::DatabaseConnection;
    use kpi::{ClusterId, MemberId};

    use crate::{error::AppError, models::participation::MyParticipation};

    /// `member`'s participation in `period` (the newest year with values when left out),
    /// beside `cluster`'s numbers, in `locale`. The caller has checked who may read it.
    pub async fn participation(
        db: &DatabaseConnection,
        locale: crate::i18n::Locale,
        member: MemberId,
        cluster: ClusterId,
        period: Option<String>,
    ) -> Result<MyParticipation, AppError> {
        use domain::{
            entity::cluster,
            member_participation::{EVENT_LIMIT, MemberParticipation},
            sea_orm::EntityTrait,
        };

        use crate::server_fns::period_choice::{PeriodChoice, resolve_period};
        use crate::{
            i18n::{
                Msg, event_kind, format_date_time, format_metric_value, minutes_late,
                present_of_expected, t,
            },
            models::participation::{ParticipationEvent, ParticipationMetric},
        };

        let PeriodChoice {
            key: period_key,
            period,
            periods,
        } = resolve_period(db, period).await?;
        let participation = MemberParticipation::load(db, member, cluster, period).await?;
        let cluster_row = cluster::Entity::find_by_id(cluster.0)
            .one(db)
            .await?
            .ok_or_else(|| AppError::NotFound.respond())?;

        let names: Vec<(String, String)> = participation
            .metrics
            .iter()
            .map(|m| (m.metric.to_string(), m.name.clone()))
            .collect();
        let name_of = |key: &kpi::MetricKey| {
            names
                .iter()
                .find(|(k, _)| k == key.as_str())
                .map(|(_, name)| name.clone())
                .unwrap_or_else(|| key.to_string())
        };
        let format = |unit: &str, value: Option<f64>| {
            value
                .map(|v| format_metric_value(locale, unit, v))
                .unwrap_or_default()
        };
        let events_truncated = participation.events.len() as u64 >= EVENT_LIMIT;
        Ok(MyParticipation {
            cluster_label: format!("{} · {}", cluster_row.code, cluster_row.name),
            period: period_key,
            periods,
            metrics: participation
                .metrics
                .iter()
                .map(|m| ParticipationMetric {
                    metric: m.metric.to_string(),
                    name: m.name.clone(),
                    value_text: format(&m.unit, m.value),
                    // "2 of 3" where a ratio counts events or reports.
                    basis_text: match (m.unit.as_str(), m.numerator, m.denominator) {
                        ("percent", Some(n), Some(d)) if d > 0.0 => {
                            Some(present_of_expected(locale, n, d))
                        }
                        _ => None,
                    },
                    signal: m.signal,
                    cluster_text: format(&m.unit, m.cluster_value),
                })
                .collect(),
            events: participation
                .events
                .iter()
                .map(|e| ParticipationEvent {
                    when: format_date_time(locale, e.scheduled_start),
                    title: e.title.clone(),
                    kind: event_kind(locale, &e.kind).to_owned(),
                    outcome: match (e.status.as_str(), e.attended, e.minutes_late) {
                        ("cancelled", _, _) => t(locale, Msg::EventCancelled).to_owned(),
                        (_, true, Some(late)) if late > 0 => minutes_late(locale, late),
                        (_, true, _) => t(locale, Msg::EventAttended).to_owned(),
                        (_, false, _) => t(locale, Msg::EventMissed).to_owned(),
                    },
                    attended: e.attended,
                    counts_in: if e.status == "cancelled" {
                        Vec::new()
                    } else {
                        e.counts_in.iter().map(name_of).collect()
                    },
                })
                .collect(),
            events_truncated,
            subject: None,
        })
    }
}
