//! The region view: every cluster of a region × the metrics of one group as a heatmap of
//! signals, then each cluster's signal counts. A cell or a cluster opens its scorecard;
//! the breadcrumb leads back to the organization. Region, period, group and the
//! validated-only switch live in the URL.

use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::layout::{loaded_page::LoadedPage, validated_only_switch::ValidatedOnlySwitch},
    components::{
        chart::chart_panel::ChartPanel,
        kpi::signal_count::SignalCount,
        layout::filter_select::{FilterSelect, period_choices},
    },
    i18n::{Msg, t},
    models::{
        region_view::{RegionCluster, RegionView, RegionViewQuery},
        validation::Signal,
    },
    providers::locale::use_locale,
    server_fns::region::get_region_view::get_region_view,
};

/// The region view page.
#[component]
pub fn RegionViewPage() -> impl IntoView {
    let query = use_query_map();
    let view_data = Resource::new(
        move || {
            query.with(|q| RegionViewQuery {
                region: q.get("region").filter(|r| !r.is_empty()),
                period: q.get("period").filter(|p| !p.is_empty()),
                group: q.get("group").filter(|g| !g.is_empty()),
                validated_only: q.get("validated").is_some_and(|v| v == "1"),
            })
        },
        get_region_view,
    );
    view! {
        <LoadedPage
            title=Msg::RegionViewTitle
            lead=Msg::RegionViewLead
            data=view_data
            body=|data| view! { <RegionBody data /> }
        />
    }
}

#[component]
fn RegionBody(data: RegionView) -> impl IntoView {
    let locale = use_locale();
    let region_options = data.regions.clone();
    let current_region = data.region.clone();
    let period_options = period_choices(&data.periods);
    let current_period = data.period.clone();
    let group_options = data.groups.clone();
    let current_group = data.group.clone();
    let counts = data.counts;
    let heatmap = data.heatmap.clone();
    view! {
        <nav class="breadcrumb" aria-label=t(locale, Msg::BreadcrumbLabel)>
            <ol>
                <li>
                    <a href="/">{t(locale, Msg::NavOrganization)}</a>
                </li>
                <li aria-current="page">{data.region_name.clone()}</li>
            </ol>
        </nav>
        <Form method="GET" action="/region" attr:class="filters">
            <FilterSelect
                label=t(locale, Msg::FilterRegion)
                name="region"
                choices=region_options
                current=current_region
            />
            <FilterSelect
                label=t(locale, Msg::FilterPeriod)
                name="period"
                choices=period_options
                current=current_period
            />
            <FilterSelect
                label=t(locale, Msg::FilterGroup)
                name="group"
                choices=group_options
                current=current_group
            />
            <ValidatedOnlySwitch checked=data.validated_only />
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <section class="region-view" aria-labelledby="region-heading">
            <h2 id="region-heading" class="scorecard__cluster">
                {format!("{} · {}", data.region_name, data.period)}
            </h2>
            <dl class="scorecard__summary" aria-label=t(locale, Msg::SignalSummary)>
                <SignalCount signal=Some(Signal::Green) count=counts.green />
                <SignalCount signal=Some(Signal::Amber) count=counts.amber />
                <SignalCount signal=Some(Signal::Red) count=counts.red />
                <SignalCount signal=None count=counts.none />
            </dl>
            <div class="region-view__heatmap">
                <ChartPanel spec=heatmap />
            </div>
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(locale, Msg::ColumnCluster)}</th>
                            <th scope="col" class="numeric">{t(locale, Msg::SignalGreen)}</th>
                            <th scope="col" class="numeric">{t(locale, Msg::SignalAmber)}</th>
                            <th scope="col" class="numeric">{t(locale, Msg::SignalRed)}</th>
                            <th scope="col" class="numeric">{t(locale, Msg::SignalNone)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {data
                            .clusters
                            .into_iter()
                            .map(|cluster| view! { <ClusterRow cluster /> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One cluster's counts, its name leading to its scorecard.
#[component]
fn ClusterRow(cluster: RegionCluster) -> impl IntoView {
    view! {
        <tr data-cluster=cluster.cluster.0>
            <td>
                <a href=cluster.scorecard_href>{cluster.label}</a>
            </td>
            <td class="numeric">{cluster.counts.green}</td>
            <td class="numeric">{cluster.counts.amber}</td>
            <td class="numeric">{cluster.counts.red}</td>
            <td class="numeric">{cluster.counts.none}</td>
        </tr>
    }
}
