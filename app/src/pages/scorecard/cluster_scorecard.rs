//! The cluster scorecard: every metric the cluster is measured on, with its signal,
//! target, what it takes to reach the next signal, comparisons and a trend. Staff pick
//! any cluster; leaders and members see their own. Cluster, period and the validated-only
//! switch live in the URL, so a scorecard can be bookmarked and shared.

use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::layout::{loaded_page::LoadedPage, validated_only_switch::ValidatedOnlySwitch},
    components::{
        chart::chart_panel::ChartPanel,
        kpi::{
            signal_badge::SignalBadge, signal_count::SignalCount, status_badge::StatusBadge,
            trend_sparkline::TrendSparkline,
        },
        layout::filter_select::{FilterSelect, period_choices},
    },
    i18n::{Msg, t},
    models::{
        scorecard::{
            Change, ClusterScorecard, Direction, MemberLink, ScorecardLine, ScorecardQuery,
        },
        validation::{Signal, ValueStatus},
    },
    pages::validation::queue::group_label,
    providers::locale::use_locale,
    server_fns::scorecard::get_cluster_scorecard::get_cluster_scorecard,
};

/// The scorecard page.
#[component]
pub fn ClusterScorecardPage() -> impl IntoView {
    let query = use_query_map();
    let card = Resource::new(
        move || {
            query.with(|q| ScorecardQuery {
                cluster: q.get("cluster").and_then(|c| c.parse().ok()),
                period: q.get("period").filter(|p| !p.is_empty()),
                validated_only: q.get("validated").is_some_and(|v| v == "1"),
                metric: q.get("metric").filter(|m| !m.is_empty()),
            })
        },
        get_cluster_scorecard,
    );
    view! {
        <LoadedPage
            title=Msg::ScorecardTitle
            lead=Msg::ScorecardLead
            data=card
            body=|data| view! { <ScorecardBody data /> } skeleton=|| view! { <ScorecardSkeleton /> }
        />
    }
}

/// Grey placeholders in the shape of the scorecard while it loads.
#[component]
fn ScorecardSkeleton() -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="skeleton" aria-busy="true" aria-label=t(locale, Msg::Loading)>
            <div class="skeleton__line skeleton__line--title"></div>
            <div class="skeleton__stats">
                <div class="skeleton__card"></div>
                <div class="skeleton__card"></div>
                <div class="skeleton__card"></div>
            </div>
            <div class="skeleton__block"></div>
        </div>
    }
}

#[component]
fn ScorecardBody(data: ClusterScorecard) -> impl IntoView {
    let locale = use_locale();
    let single_cluster = data.clusters.is_empty();
    let cluster_value = data.cluster.0.to_string();
    let empty = data.groups.is_empty();
    let counts = data.counts;
    let period_options = period_choices(&data.periods);
    let current_period = data.period.clone();
    let cluster_options = data.clusters.clone();
    let trend_chart = data.trend_chart.clone();
    let gauge_chart = data.gauge_chart.clone();
    let profile_chart = data.profile_chart.clone();
    let charted = data.charted_metric.clone();
    let charted_field = data.charted_metric.clone().unwrap_or_default();
    let members = data.members.clone();
    view! {
        <Form method="GET" action="/scorecard" attr:class="filters">
            <FilterSelect
                label=t(locale, Msg::FilterCluster)
                name="cluster"
                choices=cluster_options
                current=cluster_value
                hidden=single_cluster
            />
            <FilterSelect
                label=t(locale, Msg::FilterPeriod)
                name="period"
                choices=period_options
                current=current_period
            />
            <ValidatedOnlySwitch checked=data.validated_only />
            <input type="hidden" name="metric" value=charted_field />
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <section class="scorecard" aria-labelledby="scorecard-heading">
            <header class="scorecard__header">
                <h2 id="scorecard-heading" class="scorecard__cluster">{data.cluster_label.clone()}</h2>
                <p class="muted">{format!("{} · {}", data.region_name, data.period)}</p>
            </header>
            <dl class="scorecard__summary" aria-label=t(locale, Msg::SignalSummary)>
                <SignalCount signal=Some(Signal::Green) count=counts.green />
                <SignalCount signal=Some(Signal::Amber) count=counts.amber />
                <SignalCount signal=Some(Signal::Red) count=counts.red />
                <SignalCount signal=None count=counts.none />
            </dl>
            <div class="scorecard__completeness">
                <h3 class="scorecard__subheading">{t(locale, Msg::CompletenessHeading)}</h3>
                <p data-testid="completeness">
                    {data
                        .completeness
                        .clone()
                        .unwrap_or_else(|| t(locale, Msg::CompletenessNothingExpected).to_owned())}
                </p>
                <ul class="completeness-inputs">
                    {data
                        .completeness_inputs
                        .iter()
                        .map(|input| {
                            let label = match input.input.as_str() {
                                "self_reports" => t(locale, Msg::InputSelfReports),
                                "committee_calls" => t(locale, Msg::InputCommitteeCalls),
                                _ => t(locale, Msg::InputGoals),
                            };
                            view! { <li>{format!("{label}: {}", input.text)}</li> }
                        })
                        .collect_view()}
                </ul>
            </div>
            <Show when=move || empty>
                <p class="notice">{t(locale, Msg::ScorecardEmpty)}</p>
            </Show>
            <div class="scorecard__charts">
                {gauge_chart
                    .map(|spec| {
                        view! {
                            <div id="gauge" class="scorecard__chart scorecard__chart--gauge">
                                <ChartPanel spec />
                            </div>
                        }
                    })}
                {trend_chart
                    .map(|spec| {
                        view! {
                            <div id="trend" class="scorecard__chart">
                                <ChartPanel spec />
                            </div>
                        }
                    })}
                {profile_chart
                    .map(|spec| {
                        view! {
                            <div id="profile" class="scorecard__chart scorecard__chart--wide">
                                <ChartPanel spec />
                            </div>
                        }
                    })}
            </div>
            {data
                .groups
                .into_iter()
                .map(|group| {
                    view! {
                        <section class="scorecard__group">
                            <h3 class="scorecard__subheading">{group_label(locale, &group.group)}</h3>
                            <ul class="scorecard__lines">
                                {group
                                    .lines
                                    .into_iter()
                                    .map(|line| {
                                        let charted = charted.as_deref() == Some(line.metric.as_str());
                                        view! { <ScorecardLineView line charted /> }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
            {members.map(|members| view! { <ClusterMembers members /> })}
        </section>
    }
}

/// The cluster's members, each opening their participation (staff see this).
#[component]
fn ClusterMembers(members: Vec<MemberLink>) -> impl IntoView {
    let locale = use_locale();
    let none = members.is_empty();
    view! {
        <section class="scorecard__group" aria-labelledby="members-heading">
            <h3 id="members-heading" class="scorecard__subheading">{t(locale, Msg::MembersHeading)}</h3>
            <p class="muted">{t(locale, Msg::MembersHint)}</p>
            <Show when=move || none>
                <p class="notice">{t(locale, Msg::NoMembers)}</p>
            </Show>
            <ul class="member-list">
                {members
                    .into_iter()
                    .map(|m| view! { <li><a href=m.href>{m.name}</a></li> })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// One metric on the scorecard.
#[component]
fn ScorecardLineView(
    line: ScorecardLine,
    /// Its trend is the one charted above.
    charted: bool,
) -> impl IntoView {
    let locale = use_locale();
    let status = line.status.as_deref().and_then(ValueStatus::parse);
    let value = if line.value_text.is_empty() {
        "–".to_owned()
    } else {
        line.value_text.clone()
    };
    let gap = if line.signal == Some(Signal::Green) {
        Some(t(locale, Msg::OnTarget).to_owned())
    } else {
        line.gap_text.clone()
    };
    let name = match line.explain_href.clone() {
        Some(href) => view! { <a href=href>{line.name.clone()}</a> }.into_any(),
        None => view! { <span>{line.name.clone()}</span> }.into_any(),
    };
    view! {
        <li class="scorecard-line" data-metric=line.metric>
            <div class="scorecard-line__head">
                <span class="scorecard-line__name">
                    {name}
                    {(!line.obligatory)
                        .then(|| view! { <span class="badge">{t(locale, Msg::ChosenByCluster)}</span> })}
                </span>
                <span class="scorecard-line__value" data-testid="value">{value}</span>
            </div>
            <a
                class="scorecard-line__chart"
                href=line.chart_href.clone()
                aria-current=charted.then_some("true")
            >
                {t(locale, Msg::ChartThisMetric)}
            </a>
            <div class="scorecard-line__meta">
                <SignalBadge signal=line.signal />
                {status.map(|status| view! { <StatusBadge status /> })}
                <span class="muted">{format!("{} {}", t(locale, Msg::TargetLabel), line.target_text)}</span>
            </div>
            <div class="scorecard-line__detail">
                <TrendSparkline points=line.trend green=line.green label=t(locale, Msg::TrendLabel) />
                <div class="scorecard-line__facts">
                    <p class="scorecard-line__gap" data-testid="gap">{gap}</p>
                    <ChangeView change=line.previous_change label=t(locale, Msg::VsPrevious) />
                    <ChangeView change=line.last_year_change label=t(locale, Msg::VsLastYear) />
                </div>
            </div>
        </li>
    }
}

/// A change with an arrow and a word, so better and worse are never told by colour alone.
#[component]
fn ChangeView(change: Option<Change>, label: &'static str) -> impl IntoView {
    let locale = use_locale();
    change.map(|change| {
        let (class, arrow, word) = match change.trend {
            Direction::Better => ("change change--better", "↑", Msg::ChangeBetter),
            Direction::Worse => ("change change--worse", "↓", Msg::ChangeWorse),
            Direction::Same => ("change", "→", Msg::ChangeSame),
        };
        view! {
            <p class=class>
                <span aria-hidden="true">{arrow}</span>
                {format!(" {} {label}", change.text)}
                <span class="visually-hidden">{format!(" ({})", t(locale, word))}</span>
            </p>
        }
    })
}
