//! The leaderboard: clusters ranked by one metric, best first, in a region or the whole
//! organization, with the reader's own cluster marked. Metric, period, scope and the
//! validated-only switch live in the URL.

use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::layout::{loaded_page::LoadedPage, validated_only_switch::ValidatedOnlySwitch},
    components::{
        chart::chart_panel::ChartPanel,
        kpi::signal_badge::SignalBadge,
        layout::filter_select::{FilterSelect, period_choices},
    },
    i18n::{Msg, t},
    models::leaderboard::{Leaderboard, LeaderboardEntry, LeaderboardQuery},
    providers::locale::use_locale,
    server_fns::scorecard::get_leaderboard::get_leaderboard,
};

/// The leaderboard page.
#[component]
pub fn LeaderboardPage() -> impl IntoView {
    let query = use_query_map();
    let board = Resource::new(
        move || {
            query.with(|q| LeaderboardQuery {
                metric: q.get("metric").filter(|m| !m.is_empty()),
                period: q.get("period").filter(|p| !p.is_empty()),
                region: q.get("region"),
                validated_only: q.get("validated").is_some_and(|v| v == "1"),
            })
        },
        get_leaderboard,
    );
    view! {
        <LoadedPage
            title=Msg::LeaderboardTitle
            lead=Msg::LeaderboardLead
            data=board
            body=|data| view! { <LeaderboardBody data /> }
        />
    }
}

#[component]
fn LeaderboardBody(data: Leaderboard) -> impl IntoView {
    let locale = use_locale();
    let nobody = data.entries.iter().all(|e| e.rank.is_none());
    let period_options = period_choices(&data.periods);
    let current_period = data.period.clone();
    let metric_options = data.metrics.clone();
    let current_metric = data.metric.clone();
    let region_options = data.regions.clone();
    let current_region = data.region.clone();
    let chart = data.chart.clone();
    view! {
        <Form method="GET" action="/leaderboard" attr:class="filters">
            <FilterSelect
                label=t(locale, Msg::FilterMetric)
                name="metric"
                choices=metric_options
                current=current_metric
            />
            <FilterSelect
                label=t(locale, Msg::FilterPeriod)
                name="period"
                choices=period_options
                current=current_period
            />
            <FilterSelect
                label=t(locale, Msg::FilterScope)
                name="region"
                choices=region_options
                current=current_region
            />
            <ValidatedOnlySwitch checked=data.validated_only />
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <section class="leaderboard" aria-labelledby="leaderboard-heading">
            <h2 id="leaderboard-heading" class="scorecard__cluster">
                {format!("{} · {}", data.metric_name, data.period)}
            </h2>
            {data
                .own_summary
                .clone()
                .map(|summary| view! { <p class="leaderboard__own" data-testid="own-rank">{summary}</p> })}
            <Show when=move || nobody>
                <p class="notice">{t(locale, Msg::NoRankingData)}</p>
            </Show>
            <ChartPanel spec=chart />
            <div class="table-scroll">
                <table class="data-table leaderboard__table">
                    <thead>
                        <tr>
                            <th scope="col" class="numeric">{t(locale, Msg::ColumnRank)}</th>
                            <th scope="col">{t(locale, Msg::ColumnCluster)}</th>
                            <th scope="col" class="numeric">{t(locale, Msg::ColumnValue)}</th>
                            <th scope="col">{t(locale, Msg::ColumnSignal)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {data
                            .entries
                            .into_iter()
                            .map(|entry| view! { <LeaderboardRow entry /> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One cluster's row, with a bar drawn to scale behind its number.
#[component]
fn LeaderboardRow(entry: LeaderboardEntry) -> impl IntoView {
    let locale = use_locale();
    let class = if entry.own {
        "leaderboard__row leaderboard__row--own"
    } else {
        "leaderboard__row"
    };
    let rank = entry
        .rank
        .map(|r| r.to_string())
        .unwrap_or_else(|| "–".into());
    let name = match entry.scorecard_href.clone() {
        Some(href) => view! { <a href=href>{entry.label.clone()}</a> }.into_any(),
        None => view! { <span>{entry.label.clone()}</span> }.into_any(),
    };
    // An SVG length, not an inline style: the content security policy allows no inline
    // styles.
    let width = format!("{:.1}", entry.bar * 100.0);
    view! {
        <tr class=class data-cluster=entry.cluster.0 aria-current=entry.own.then_some("true")>
            <td class="numeric">{rank}</td>
            <td>
                <span class="leaderboard__name">{name}</span>
                {entry
                    .own
                    .then(|| view! { <span class="badge">{t(locale, Msg::YourCluster)}</span> })}
                <span class="muted leaderboard__region">{entry.region_name.clone()}</span>
            </td>
            <td class="numeric leaderboard__value">
                <svg
                    class="leaderboard__bar"
                    viewBox="0 0 100 8"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                >
                    <rect class="leaderboard__fill" width=width height="8" rx="2" />
                </svg>
                <span data-testid="value">{entry.value_text.clone()}</span>
            </td>
            <td>
                <SignalBadge signal=entry.signal />
            </td>
        </tr>
    }
}
