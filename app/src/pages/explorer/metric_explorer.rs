//! The metric explorer: one metric across every region, or every cluster of one region,
//! and the periods of one grain, as a heatmap of signals, with the scope's own trend. A
//! region's cell opens that region here, a cluster's cell its scorecard with this
//! metric's trend. Metric, grain, region and the validated-only switch live in the URL.

use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::layout::{loaded_page::LoadedPage, validated_only_switch::ValidatedOnlySwitch},
    components::{chart::chart_panel::ChartPanel, layout::filter_select::FilterSelect},
    i18n::{Msg, t},
    models::metric_explorer::{ExplorerQuery, MetricExplorer},
    providers::locale::use_locale,
    server_fns::explorer::get_metric_explorer::get_metric_explorer,
};

/// The metric explorer page.
#[component]
pub fn MetricExplorerPage() -> impl IntoView {
    let query = use_query_map();
    let explorer = Resource::new(
        move || {
            query.with(|q| ExplorerQuery {
                metric: q.get("metric").filter(|m| !m.is_empty()),
                grain: q.get("grain").filter(|g| !g.is_empty()),
                region: q.get("region").filter(|r| !r.is_empty()),
                validated_only: q.get("validated").is_some_and(|v| v == "1"),
            })
        },
        get_metric_explorer,
    );
    view! {
        <LoadedPage
            title=Msg::ExplorerTitle
            lead=Msg::ExplorerLead
            data=explorer
            body=|data| view! { <ExplorerBody data /> }
        />
    }
}

#[component]
fn ExplorerBody(data: MetricExplorer) -> impl IntoView {
    let locale = use_locale();
    let all_regions = format!(
        "/explorer?metric={}&grain={}{}",
        crate::models::chart::query_value(&data.metric),
        data.grain,
        if data.validated_only {
            "&validated=1"
        } else {
            ""
        }
    );
    let heatmap_class = if data.heatmap.table.columns.len() > 7 {
        "region-view__heatmap"
    } else {
        "explorer__heatmap"
    };
    let crumbs = match data.region_name.clone() {
        Some(name) => view! {
            <li>
                <a href=all_regions>{t(locale, Msg::AllRegionsChoice)}</a>
            </li>
            <li aria-current="page">{name}</li>
        }
        .into_any(),
        None => {
            view! { <li aria-current="page">{t(locale, Msg::AllRegionsChoice)}</li> }.into_any()
        }
    };
    view! {
        <nav class="breadcrumb" aria-label=t(locale, Msg::BreadcrumbLabel)>
            <ol>
                <li>
                    <a href="/">{t(locale, Msg::NavOrganization)}</a>
                </li>
                {crumbs}
            </ol>
        </nav>
        <Form method="GET" action="/explorer" attr:class="filters">
            <FilterSelect
                label=t(locale, Msg::FilterMetric)
                name="metric"
                choices=data.metrics.clone()
                current=data.metric.clone()
            />
            <FilterSelect
                label=t(locale, Msg::FilterGrain)
                name="grain"
                choices=data.grains.clone()
                current=data.grain.clone()
            />
            <FilterSelect
                label=t(locale, Msg::FilterRegion)
                name="region"
                choices=data.regions.clone()
                current=data.region.clone()
            />
            <ValidatedOnlySwitch checked=data.validated_only />
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <section class="explorer" aria-labelledby="explorer-heading">
            <h2 id="explorer-heading" class="scorecard__cluster">{data.metric_name.clone()}</h2>
            <p class="muted">{data.description.clone()}</p>
            <ChartPanel spec=data.trend.clone() />
            // Many periods scroll sideways on a phone, as the region heatmap does; a few fit.
            <div class=heatmap_class>
                <ChartPanel spec=data.heatmap.clone() />
            </div>
        </section>
    }
}
