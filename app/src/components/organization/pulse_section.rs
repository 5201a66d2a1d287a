//! The organization's pulse on the overview: signal counts over every cluster value of a
//! period, the clusters most and least on track (each opening its scorecard), and the key
//! metrics' quarterly trends (each point opening that quarter's leaderboard). Period and
//! the validated-only switch live in the URL.

use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::{
        chart::chart_panel::ChartPanel,
        kpi::signal_count::SignalCount,
        layout::{
            error_notice::LoadError,
            filter_select::{FilterSelect, period_choices},
            loaded_page::PageSkeleton,
            validated_only_switch::ValidatedOnlySwitch,
        },
    },
    i18n::{Msg, t},
    models::{
        organization_pulse::{ClusterStanding, OrganizationPulse, PulseQuery},
        validation::Signal,
    },
    providers::locale::use_locale,
    server_fns::organization::get_organization_pulse::get_organization_pulse,
};

/// The pulse, loaded on its own so the region list never waits for it.
#[component]
pub fn PulseSection() -> impl IntoView {
    let query = use_query_map();
    let pulse = Resource::new(
        move || {
            query.with(|q| PulseQuery {
                period: q.get("period").filter(|p| !p.is_empty()),
                validated_only: q.get("validated").is_some_and(|v| v == "1"),
            })
        },
        get_organization_pulse,
    );
    let on_retry = Callback::new(move |()| pulse.refetch());
    view! {
        <Suspense fallback=|| view! { <PageSkeleton /> }>
            {move || Suspend::new(async move {
                match pulse.await {
                    Ok(Some(data)) => view! { <PulseBody data /> }.into_any(),
                    Ok(None) => view! { <NoPulse /> }.into_any(),
                    Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Says there is nothing to tally yet, rather than showing zeros.
#[component]
fn NoPulse() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="pulse" aria-labelledby="pulse-heading">
            <h2 id="pulse-heading" class="scorecard__cluster">{t(locale, Msg::PulseHeading)}</h2>
            <p class="muted" data-testid="pulse-empty">{t(locale, Msg::NoValuesYet)}</p>
        </section>
    }
}

#[component]
fn PulseBody(data: OrganizationPulse) -> impl IntoView {
    let locale = use_locale();
    let counts = data.counts;
    view! {
        <section class="pulse" aria-labelledby="pulse-heading">
            <h2 id="pulse-heading" class="scorecard__cluster">
                {format!("{} · {}", t(locale, Msg::PulseHeading), data.period)}
            </h2>
            <Form method="GET" action="/" attr:class="filters">
                <FilterSelect
                    label=t(locale, Msg::FilterPeriod)
                    name="period"
                    choices=period_choices(&data.periods)
                    current=data.period.clone()
                />
                <ValidatedOnlySwitch checked=data.validated_only />
                <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
            </Form>
            <dl class="scorecard__summary" aria-label=t(locale, Msg::SignalSummary)>
                <SignalCount signal=Some(Signal::Green) count=counts.green />
                <SignalCount signal=Some(Signal::Amber) count=counts.amber />
                <SignalCount signal=Some(Signal::Red) count=counts.red />
                <SignalCount signal=None count=counts.none />
            </dl>
            <div class="pulse__standings">
                <Standings heading=Msg::MostOnTrack testid="top-clusters" clusters=data.top />
                <Standings heading=Msg::LeastOnTrack testid="bottom-clusters" clusters=data.bottom />
            </div>
            <h3 class="scorecard__subheading">{t(locale, Msg::KeyMetricTrends)}</h3>
            <div class="pulse__trends">
                {data
                    .trends
                    .into_iter()
                    .map(|trend| {
                        view! {
                            <div class="pulse__trend" data-metric=trend.metric>
                                <ChartPanel spec=trend.chart />
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

/// A short ranked list of clusters with their share on track.
#[component]
fn Standings(heading: Msg, testid: &'static str, clusters: Vec<ClusterStanding>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="card pulse__standing">
            <h3 class="scorecard__subheading">{t(locale, heading)}</h3>
            <ol class="standing-list" data-testid=testid>
                {clusters
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li>
                                <a href=c.href>{c.label}</a>
                                <span class="muted">{c.share_text}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
