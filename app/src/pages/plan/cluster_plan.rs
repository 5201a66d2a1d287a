//! The plan page: a cluster's optional metrics for the year and its targets. Staff pick
//! any cluster; a leader sees only their own. Cluster and year live in the URL.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::layout::error_notice::{ErrorNotice, LoadError},
    i18n::{Msg, optional_selected, t},
    models::plan::{ClusterPlan, PlanForm, PlanRowForm},
    pages::validation::queue::group_label,
    providers::locale::use_locale,
    server_fns::plan::{get_cluster_plan::get_cluster_plan, save_cluster_plan::SaveClusterPlan},
};

/// The plan page.
#[component]
pub fn ClusterPlanPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let save = ServerAction::<SaveClusterPlan>::new();
    let plan = Resource::new(
        move || {
            query.with(|q| {
                (
                    q.get("cluster").and_then(|c| c.parse().ok()),
                    q.get("year").and_then(|y| y.parse().ok()),
                )
            })
        },
        |(cluster, year)| get_cluster_plan(cluster, year),
    );
    let on_retry = Callback::new(move |()| plan.refetch());
    let outcome = move || match save.value().get() {
        Some(Ok(())) => Some(
            view! { <p class="notice" role="status">{t(locale, Msg::PlanSaved)}</p> }.into_any(),
        ),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    view! {
        <Title text=t(locale, Msg::PlanTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::PlanTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::PlanLead)}</p>
            </header>
            {outcome}
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match plan.await {
                        Ok(data) => view! { <PlanBody data save /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// One editable row's state.
#[derive(Clone, Copy)]
struct RowState {
    selected: RwSignal<bool>,
    green: RwSignal<String>,
    amber: RwSignal<String>,
}

#[component]
fn PlanBody(data: ClusterPlan, save: ServerAction<SaveClusterPlan>) -> impl IntoView {
    let locale = use_locale();
    let states: Vec<RowState> = data
        .rows
        .iter()
        .map(|row| RowState {
            selected: RwSignal::new(row.selected),
            green: RwSignal::new(row.green.clone()),
            amber: RwSignal::new(row.amber.clone()),
        })
        .collect();
    let optional: Vec<(bool, RwSignal<bool>)> = data
        .rows
        .iter()
        .zip(&states)
        .map(|(row, state)| (row.obligatory, state.selected))
        .collect();
    let (min, max) = (data.min_optional, data.max_optional);
    let selected_count = move || {
        optional
            .iter()
            .filter(|(obligatory, selected)| !obligatory && selected.get())
            .count() as u32
    };
    let keys: Vec<String> = data.rows.iter().map(|r| r.metric.clone()).collect();
    let submit_states = states.clone();
    let (cluster, year) = (data.cluster.0, data.year);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(SaveClusterPlan {
            plan: PlanForm {
                cluster,
                year,
                rows: keys
                    .iter()
                    .zip(&submit_states)
                    .map(|(metric, state)| PlanRowForm {
                        metric: metric.clone(),
                        selected: state.selected.get_untracked(),
                        green: state.green.get_untracked(),
                        amber: state.amber.get_untracked(),
                    })
                    .collect(),
            },
        });
    };
    let rows = data
        .rows
        .into_iter()
        .zip(states)
        .map(|(row, state)| {
            let obligatory = row.obligatory;
            let label = format!("{} ({})", row.name, row.metric);
            view! {
                <tr class="plan-table__row" data-metric=row.metric.clone()>
                    <td>
                        <label class="form__check">
                            <input
                                type="checkbox"
                                aria-label=label
                                disabled=obligatory
                                bind:checked=state.selected
                            />
                            <span>
                                <span class="metric-table__name">{row.name.clone()}</span>
                                <span class="muted">{group_label(locale, &row.group)}</span>
                            </span>
                        </label>
                    </td>
                    <td>
                        {if obligatory { t(locale, Msg::Obligatory) } else { t(locale, Msg::Optional) }}
                    </td>
                    <td class="numeric">{format!("{} / {}", row.default_green, row.default_amber)}</td>
                    <td>
                        <span class="plan-table__target">
                            <input
                                class="form__input"
                                inputmode="decimal"
                                name="green"
                                placeholder=row.default_green.clone()
                                aria-label=format!("{} – {}", row.name, t(locale, Msg::GreenLabel))
                                bind:value=state.green
                            />
                            <input
                                class="form__input"
                                inputmode="decimal"
                                name="amber"
                                placeholder=row.default_amber.clone()
                                aria-label=format!("{} – {}", row.name, t(locale, Msg::AmberLabel))
                                bind:value=state.amber
                            />
                        </span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let single_cluster = data.clusters.len() <= 1;
    view! {
        <Form method="GET" action="/plan" attr:class="filters">
            <label class="filters__field" hidden=single_cluster>
                <span class="form__label">{t(locale, Msg::FilterCluster)}</span>
                <select name="cluster" class="form__input">
                    {data
                        .clusters
                        .iter()
                        .map(|c| {
                            let selected = c.value == data.cluster.0.to_string();
                            view! { <option value=c.value.clone() selected=selected>{c.label.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="filters__field">
                <span class="form__label">{t(locale, Msg::FilterYear)}</span>
                <select name="year" class="form__input">
                    {data
                        .years
                        .iter()
                        .map(|y| view! { <option value=y.to_string() selected=*y == data.year>{y.to_string()}</option> })
                        .collect_view()}
                </select>
            </label>
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <p class="page__eyebrow">{format!("{} · {}", data.cluster_name, data.year)}</p>
        <form class="form" on:submit=on_submit>
            <p class="queue-summary__text" data-testid="optional-count">
                {move || optional_selected(locale, selected_count(), min, max)}
            </p>
            <div class="table-scroll">
                <table class="data-table plan-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(locale, Msg::ColumnTracked)}</th>
                            <th scope="col">{t(locale, Msg::ColumnRequirement)}</th>
                            <th scope="col" class="numeric">{t(locale, Msg::ColumnDefault)}</th>
                            <th scope="col">{t(locale, Msg::ColumnTarget)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || save.pending().get()>
                    {t(locale, Msg::SavePlan)}
                </button>
            </div>
        </form>
    }
}
