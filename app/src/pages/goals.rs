//! Annual goals: a leader sets the cluster's goals for the running or the next fiscal year
//! (each recorded on the day it is entered, against the year's deadline), marks each one
//! achieved, and removes one recorded by mistake. Staff pick a cluster of their regions.
//! The form checks itself before sending; the server checks everything again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::layout::{
        cluster_picker::ClusterPicker,
        error_notice::LoadError,
        filter_select::FilterSelect,
        form_problems::FormProblems,
        list_download::ListDownload,
        write_notice::{WriteNotice, any_saved, first_refusal},
    },
    i18n::{Msg, t},
    models::{goal::GoalsPage as PageData, validation::Choice},
    providers::locale::use_locale,
    server_fns::goal::{
        add_goal::AddGoal, get_goals::get_goals, remove_goal::RemoveGoal,
        set_goal_achieved::SetGoalAchieved,
    },
};

/// The goals page.
#[component]
pub fn GoalsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let add = ServerAction::<AddGoal>::new();
    let achieved = ServerAction::<SetGoalAchieved>::new();
    let remove = ServerAction::<RemoveGoal>::new();
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("cluster").and_then(|c| c.parse().ok())),
                query.with(|q| q.get("year").and_then(|y| y.parse().ok())),
                add.version().get(),
                achieved.version().get(),
                remove.version().get(),
            )
        },
        |(cluster, year, _, _, _)| get_goals(cluster, year),
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::GoalsTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::GoalsTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::GoalsLead)}</p>
            </header>
            <WriteNotice
                refused=move || first_refusal([remove.value().get(), achieved.value().get(), add.value().get()])
                saved=move || any_saved([add.value().get(), achieved.value().get()])
                message=Msg::GoalsSaved
            />
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <GoalsBody data add achieved remove /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn GoalsBody(
    data: PageData,
    add: ServerAction<AddGoal>,
    achieved: ServerAction<SetGoalAchieved>,
    remove: ServerAction<RemoveGoal>,
) -> impl IntoView {
    let locale = use_locale();
    let cluster = data.cluster.0;
    let year = data.year;
    let nothing = data.goals.is_empty();
    let title = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let on_add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if title.get_untracked().trim().is_empty() {
            problems.set(vec![t(locale, Msg::GoalTitleMissing).to_owned()]);
            return;
        }
        problems.set(Vec::new());
        add.dispatch(AddGoal {
            cluster,
            year,
            title: title.get_untracked(),
        });
        title.set(String::new());
    };
    let deadline = if data.deadline_passed {
        format!(
            "{} {} {}",
            t(locale, Msg::GoalDeadline),
            data.deadline,
            t(locale, Msg::GoalDeadlinePassed)
        )
    } else {
        format!("{} {}", t(locale, Msg::GoalDeadline), data.deadline)
    };
    let years: Vec<Choice> = data
        .years
        .iter()
        .map(|y| Choice {
            value: y.to_string(),
            label: y.to_string(),
        })
        .collect();
    view! {
        <ClusterPicker action="/goals" clusters=data.clusters.clone() current=cluster.to_string() />
        <p class="page__eyebrow">{data.cluster_label.clone()}</p>
        <Form method="GET" action="/goals" attr:class="filters">
            <input type="hidden" name="cluster" value=cluster.to_string() />
            <FilterSelect
                label=t(locale, Msg::FiscalYearLabel)
                name="year"
                choices=years
                current=year.to_string()
            />
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <p class="muted" data-testid="goal-deadline">{deadline}</p>
        <form class="form card call-form" on:submit=on_add novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::AddGoalHeading)}</h2>
            <FormProblems problems />
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::GoalTitleLabel)}</span>
                <input class="form__input" name="title" maxlength="160" required bind:value=title />
            </label>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || add.pending().get()>
                    {t(locale, Msg::AddGoalButton)}
                </button>
            </div>
        </form>
        <Show when=move || nothing>
            <p class="notice">{t(locale, Msg::NoGoals)}</p>
        </Show>
        <ul class="report-list">
            {data
                .goals
                .into_iter()
                .map(|goal| {
                    let id = goal.id;
                    let done = goal.achieved;
                    let timing = if goal.on_time { t(locale, Msg::GoalOnTime) } else { t(locale, Msg::GoalLate) };
                    view! {
                        <li class="report-list__item" data-testid="goal">
                            <div class="participation-event__head">
                                <strong>{goal.title}</strong>
                                <span class="badge">{timing}</span>
                            </div>
                            <p class="muted">{format!("{} {}", t(locale, Msg::GoalRecordedOn), goal.recorded)}</p>
                            <div class="entry-actions">
                                <label class="form__check">
                                    <input
                                        type="checkbox"
                                        name="achieved"
                                        checked=done
                                        disabled=move || achieved.pending().get()
                                        on:change=move |ev| {
                                            achieved.dispatch(SetGoalAchieved {
                                                cluster,
                                                id,
                                                achieved: event_target_checked(&ev),
                                            });
                                        }
                                    />
                                    {t(locale, Msg::GoalAchievedLabel)}
                                </label>
                                <button
                                    class="button button--quiet button--small"
                                    type="button"
                                    disabled=move || remove.pending().get()
                                    on:click=move |_| {
                                        remove.dispatch(RemoveGoal { cluster, id });
                                    }
                                >
                                    {t(locale, Msg::RemoveButton)}
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <ListDownload of="facts" list="goals" filters=format!("?cluster={cluster}") />
    }
}
