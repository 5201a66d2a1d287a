//! One dashboard: its widgets in a grid on the scope and period of the URL (organization,
//! region or cluster; the breadcrumb leads back up), or its editor.

use leptos::prelude::*;
use leptos_router::{
    NavigateOptions,
    components::Form,
    hooks::{use_navigate, use_query_map},
};

use crate::{
    components::layout::{
        filter_select::{FilterSelect, period_choices},
        loaded_page::LoadedPage,
        validated_only_switch::ValidatedOnlySwitch,
    },
    i18n::{Msg, t},
    models::dashboard::{DashboardQuery, DashboardView, WidgetQuery},
    pages::dashboard::{
        widget_editor::WidgetEditor, widget_panel::WidgetPanel, widget_pins::PinChoices,
    },
    providers::locale::use_locale,
    server_fns::dashboard::{get_dashboard::get_dashboard, save_dashboard::SaveDashboard},
};

/// The dashboard page.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SaveDashboard>::new();
    let editing = RwSignal::new(query.with_untracked(|q| q.get("edit").is_some_and(|v| v == "1")));
    let data = Resource::new(
        move || {
            let asked = query.with(|q| DashboardQuery {
                id: q.get("id").and_then(|id| id.parse().ok()),
                region: q.get("region").filter(|r| !r.is_empty()),
                cluster: q.get("cluster").filter(|c| !c.is_empty()),
                period: q.get("period").filter(|p| !p.is_empty()),
                validated_only: q.get("validated").is_some_and(|v| v == "1"),
            });
            (asked, save.version().get())
        },
        |(asked, _)| get_dashboard(asked),
    );
    // Saved: back to the charts, without `edit=1` in the address.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            editing.set(false);
            if query.with_untracked(|q| q.get("edit").is_some()) {
                let id = query.with_untracked(|q| q.get("id")).unwrap_or_default();
                navigate(
                    &format!("/dashboard?id={id}"),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        }
    });
    view! {
        <LoadedPage
            title=Msg::DashboardTitle
            lead=Msg::DashboardLead
            data
            body=move |data| view! { <DashboardBody data editing save /> }
        />
    }
}

#[component]
fn DashboardBody(
    data: DashboardView,
    editing: RwSignal<bool>,
    save: ServerAction<SaveDashboard>,
) -> impl IntoView {
    let locale = use_locale();
    let crumbs = data
        .breadcrumb
        .iter()
        .map(|c| {
            view! {
                <li>
                    <a href=c.value.clone()>{c.label.clone()}</a>
                </li>
            }
        })
        .collect_view();
    let heading = if data.period.is_empty() {
        data.scope_name.clone()
    } else {
        format!("{} · {}", data.scope_name, data.period)
    };
    let period_options = period_choices(&data.periods);
    let no_periods = data.periods.is_empty();
    let (id, regions, region, clusters, cluster, period, validated_only) = (
        data.id,
        data.regions.clone(),
        data.region.clone(),
        data.clusters.clone(),
        data.cluster.clone(),
        data.period.clone(),
        data.validated_only,
    );
    let filters = view! {
        <Form method="GET" action="/dashboard" attr:class="filters">
            <input type="hidden" name="id" value=id />
            <FilterSelect
                label=t(locale, Msg::FilterRegion)
                name="region"
                choices=regions
                current=region
            />
            <FilterSelect
                label=t(locale, Msg::FilterCluster)
                name="cluster"
                choices=clusters
                current=cluster
            />
            <FilterSelect
                label=t(locale, Msg::FilterPeriod)
                name="period"
                choices=period_options
                current=period
                hidden=no_periods
            />
            <ValidatedOnlySwitch checked=validated_only />
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
    };
    let name = data.name.clone();
    let scope_name = data.scope_name.clone();
    let scorecard_href = data.scorecard_href.clone();
    let empty = data.widgets.is_empty();
    let grid_data = data.clone();
    let pins = PinChoices::of(locale, &data);
    let grid = move || {
        let data = grid_data.clone();
        let metric_name = |key: &str| {
            data.metrics
                .iter()
                .find(|m| m.value == key)
                .map_or_else(|| key.to_owned(), |m| m.label.clone())
        };
        data.widgets
            .iter()
            .map(|widget| {
                let query = WidgetQuery {
                    dashboard: data.id,
                    widget: widget.clone(),
                    region: Some(data.region.clone()).filter(|r| !r.is_empty()),
                    cluster: Some(data.cluster.clone()).filter(|c| !c.is_empty()),
                    period: data.period.clone(),
                    validated_only: data.validated_only,
                };
                let pin = pins.caption(widget);
                view! { <WidgetPanel query metric_name=metric_name(&widget.metric) pin /> }
            })
            .collect_view()
    };
    view! {
        <nav class="breadcrumb" aria-label=t(locale, Msg::BreadcrumbLabel)>
            <ol>
                <li>
                    <a href="/dashboards">{t(locale, Msg::NavDashboards)}</a>
                </li>
                {crumbs}
                <li aria-current="page">{scope_name}</li>
            </ol>
        </nav>
        {filters}
        <section class="dashboard" aria-labelledby="dashboard-heading">
            <div class="dashboard__head">
                <div>
                    <h2 id="dashboard-heading" class="scorecard__cluster" data-testid="dashboard-name">
                        {name}
                    </h2>
                    <p class="page__meta">{heading}</p>
                    {scorecard_href
                        .map(|href| {
                            view! {
                                <p>
                                    <a href=href data-testid="dashboard-scorecard">
                                        {t(locale, Msg::DashboardOpenScorecard)}
                                    </a>
                                </p>
                            }
                        })}
                </div>
                <Show when=move || !editing.get()>
                    <button
                        class="button"
                        type="button"
                        data-testid="dashboard-edit"
                        on:click=move |_| editing.set(true)
                    >
                        {t(locale, Msg::DashboardEditButton)}
                    </button>
                </Show>
            </div>
            {move || {
                if editing.get() {
                    view! { <WidgetEditor data=data.clone() save editing /> }.into_any()
                } else if empty {
                    view! { <p class="notice">{t(locale, Msg::DashboardNoWidgets)}</p> }.into_any()
                } else {
                    view! { <div class="dashboard__grid">{grid.clone()}</div> }.into_any()
                }
            }}
        </section>
    }
}
