//! The member's participation page, phone first: their own numbers beside their cluster's,
//! then every meeting and event of the period with what it counts in. The period lives in
//! the URL.

use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::layout::loaded_page::LoadedPage,
    components::{
        kpi::signal_badge::SignalBadge,
        layout::filter_select::{FilterSelect, period_choices},
    },
    i18n::{Msg, t},
    models::participation::MyParticipation,
    providers::locale::use_locale,
    server_fns::participation::get_my_participation::get_my_participation,
};

/// The participation page.
#[component]
pub fn MyParticipationPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || query.with(|q| q.get("period").filter(|p| !p.is_empty())),
        get_my_participation,
    );
    view! {
        <LoadedPage
            title=Msg::ParticipationTitle
            lead=Msg::ParticipationLead
            data=data
            body=|data| view! { <ParticipationBody data /> }
        />
    }
}

/// The participation itself: the reader's own, or (with `data.subject`) a member's that
/// staff opened from a cluster's scorecard.
#[component]
pub fn ParticipationBody(data: MyParticipation) -> impl IntoView {
    let locale = use_locale();
    let no_events = data.events.is_empty();
    let truncated = data.events_truncated;
    let period_options = period_choices(&data.periods);
    let current_period = data.period.clone();
    let subject = data.subject.clone();
    let (action, member, heading, you, cluster) = match &subject {
        Some(s) => (
            "/member",
            Some(s.member),
            Msg::MemberNumbersHeading,
            Msg::ColumnMember,
            Msg::ColumnTheirCluster,
        ),
        None => (
            "/me/participation",
            None,
            Msg::MetricsHeading,
            Msg::ColumnYou,
            Msg::ColumnYourCluster,
        ),
    };
    let crumbs = subject.map(|s| {
        view! {
            <nav class="breadcrumb" aria-label=t(locale, Msg::BreadcrumbLabel)>
                <ol>
                    <li>
                        <a href="/">{t(locale, Msg::NavOrganization)}</a>
                    </li>
                    <li>
                        <a href=s.cluster_href>{data.cluster_label.clone()}</a>
                    </li>
                    <li aria-current="page" data-testid="member-name">{s.name}</li>
                </ol>
            </nav>
        }
    });
    view! {
        {crumbs}
        <Form method="GET" action=action attr:class="filters">
            {member.map(|id| view! { <input type="hidden" name="id" value=id /> })}
            <FilterSelect
                label=t(locale, Msg::FilterPeriod)
                name="period"
                choices=period_options
                current=current_period
            />
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <p class="page__eyebrow">{format!("{} · {}", data.cluster_label, data.period)}</p>
        <section aria-labelledby="my-metrics">
            <h2 id="my-metrics" class="scorecard__subheading">{t(locale, heading)}</h2>
            <div class="table-scroll">
                <table class="data-table participation-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(locale, Msg::ColumnMetric)}</th>
                            <th scope="col" class="numeric">{t(locale, you)}</th>
                            <th scope="col" class="numeric">{t(locale, cluster)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {data
                            .metrics
                            .into_iter()
                            .map(|m| {
                                let mine = if m.value_text.is_empty() { "–".to_owned() } else { m.value_text.clone() };
                                let theirs = if m.cluster_text.is_empty() { "–".to_owned() } else { m.cluster_text.clone() };
                                view! {
                                    <tr data-metric=m.metric>
                                        <th scope="row">
                                            {m.name.clone()}
                                            <span class="participation-table__signal">
                                                <SignalBadge signal=m.signal />
                                            </span>
                                        </th>
                                        <td class="numeric">
                                            <span data-testid="mine">{mine}</span>
                                            {m.basis_text.clone().map(|b| view! { <span class="muted participation-table__basis">{b}</span> })}
                                        </td>
                                        <td class="numeric" data-testid="cluster">{theirs}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="my-events" class="participation-events">
            <h2 id="my-events" class="scorecard__subheading">{t(locale, Msg::EventsHeading)}</h2>
            <Show when=move || no_events>
                <p class="notice">{t(locale, Msg::NoEvents)}</p>
            </Show>
            <Show when=move || truncated>
                <p class="notice">{t(locale, Msg::EventsTruncated)}</p>
            </Show>
            <ul class="report-list">
                {data
                    .events
                    .into_iter()
                    .map(|e| {
                        let class = if e.attended {
                            "report-list__item participation-event participation-event--attended"
                        } else {
                            "report-list__item participation-event"
                        };
                        let counts = (!e.counts_in.is_empty())
                            .then(|| format!("{}: {}", t(locale, Msg::CountsIn), e.counts_in.join(", ")));
                        view! {
                            <li class=class>
                                <div class="participation-event__head">
                                    <strong>{e.title.clone()}</strong>
                                    <span class="badge">{e.outcome.clone()}</span>
                                </div>
                                <p class="muted">{format!("{} · {}", e.kind, e.when)}</p>
                                {counts.map(|c| view! { <p class="participation-event__counts">{c}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
