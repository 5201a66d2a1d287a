//! Service projects and partnerships: a leader records the cluster's community service
//! projects and its partnerships with outside organizations, marks a project completed or
//! a partnership ended (or reopens either), and removes one recorded by mistake. Staff pick
//! a cluster of their regions. The form checks itself before sending; the server checks
//! everything again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::layout::{
        cluster_picker::ClusterPicker,
        error_notice::LoadError,
        form_problems::FormProblems,
        list_download::ListDownload,
        write_notice::{WriteNotice, any_saved, first_refusal},
    },
    i18n::{Locale, Msg, t},
    models::community_work::{CommunityWorkPage as PageData, WorkForm, WorkKind, WorkRow},
    providers::locale::use_locale,
    server_fns::community_work::{
        end_community_work::EndCommunityWork, get_community_work::get_community_work,
        record_community_work::RecordCommunityWork, remove_community_work::RemoveCommunityWork,
    },
};

/// The page's three writes, shared by the form and the list.
#[derive(Clone, Copy)]
struct Actions {
    record: ServerAction<RecordCommunityWork>,
    end: ServerAction<EndCommunityWork>,
    remove: ServerAction<RemoveCommunityWork>,
}

/// The community work page.
#[component]
pub fn CommunityWorkPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let actions = Actions {
        record: ServerAction::new(),
        end: ServerAction::new(),
        remove: ServerAction::new(),
    };
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("cluster").and_then(|c| c.parse().ok())),
                actions.record.version().get(),
                actions.end.version().get(),
                actions.remove.version().get(),
            )
        },
        |(cluster, _, _, _)| get_community_work(cluster),
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::CommunityWorkTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::CommunityWorkTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::CommunityWorkLead)}</p>
            </header>
            <WriteNotice
                refused=move || first_refusal([actions.remove.value().get(), actions.end.value().get(), actions.record.value().get()])
                saved=move || any_saved([actions.record.value().get(), actions.end.value().get()])
                message=Msg::WorkRecorded
            />
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <CommunityWorkBody data actions /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A kind in words.
fn kind_label(locale: Locale, kind: WorkKind) -> &'static str {
    match kind {
        WorkKind::ServiceProject => t(locale, Msg::WorkKindServiceProject),
        WorkKind::Partnership => t(locale, Msg::WorkKindPartnership),
    }
}

/// What the form finds wrong before sending, one line per field. Days are `YYYY-MM-DD`,
/// so they compare as text.
fn form_problems(locale: Locale, work: &WorkForm, today: &str) -> Vec<String> {
    let mut found = Vec::new();
    if work.name.trim().is_empty() {
        found.push(t(locale, Msg::WorkNameMissing).to_owned());
    }
    if work.started_on.is_empty() {
        found.push(t(locale, Msg::WorkStartMissing).to_owned());
    } else if work.started_on.as_str() > today {
        found.push(t(locale, Msg::WorkStartInFuture).to_owned());
    }
    found.extend(end_problem(
        locale,
        work.kind,
        &work.started_on,
        &work.ended_on,
        today,
    ));
    found
}

/// The problem with an end day `ended_on` of an item of `kind` started on `started_on`.
fn end_problem(
    locale: Locale,
    kind: WorkKind,
    started_on: &str,
    ended_on: &str,
    today: &str,
) -> Option<String> {
    if ended_on.is_empty() {
        None
    } else if !started_on.is_empty() && ended_on < started_on {
        Some(t(locale, Msg::WorkEndBeforeStart).to_owned())
    } else if kind == WorkKind::ServiceProject && ended_on > today {
        Some(t(locale, Msg::ProjectEndInFuture).to_owned())
    } else {
        None
    }
}

#[component]
fn CommunityWorkBody(data: PageData, actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let cluster_value = data.cluster.0.to_string();
    let cluster = data.cluster.0;
    let nothing = data.items.is_empty();
    let kind = RwSignal::new(WorkKind::ServiceProject);
    let name = RwSignal::new(String::new());
    let started_on = RwSignal::new(data.today.clone());
    let ended_on = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let today = data.today.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let work = WorkForm {
            cluster,
            kind: kind.get_untracked(),
            name: name.get_untracked(),
            started_on: started_on.get_untracked(),
            ended_on: ended_on.get_untracked(),
        };
        let found = form_problems(locale, &work, &today);
        problems.set(found.clone());
        if found.is_empty() {
            actions.record.dispatch(RecordCommunityWork { work });
            name.set(String::new());
            ended_on.set(String::new());
        }
    };
    let on_kind = move |event: leptos::ev::Event| {
        kind.set(if event_target_value(&event) == "partnership" {
            WorkKind::Partnership
        } else {
            WorkKind::ServiceProject
        });
    };
    let today = data.today.clone();
    view! {
        <ClusterPicker action="/community-work" clusters=data.clusters.clone() current=cluster_value />
        <p class="page__eyebrow">{data.cluster_label.clone()}</p>
        <form class="form card call-form" on:submit=on_submit novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::RecordWorkHeading)}</h2>
            <FormProblems problems />
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::WorkKindLabel)}</span>
                    <select class="form__input" name="kind" on:change=on_kind>
                        <option value="service_project">{kind_label(locale, WorkKind::ServiceProject)}</option>
                        <option value="partnership">{kind_label(locale, WorkKind::Partnership)}</option>
                    </select>
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::WorkNameLabel)}</span>
                    <input class="form__input" name="name" maxlength="160" required bind:value=name />
                </label>
            </div>
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::StartedOnLabel)}</span>
                    <input class="form__input" type="date" name="started_on" max=data.today.clone() required bind:value=started_on />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::EndedOnLabel)}</span>
                    <input class="form__input" type="date" name="ended_on" bind:value=ended_on />
                </label>
            </div>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || actions.record.pending().get()>
                    {t(locale, Msg::RecordWorkButton)}
                </button>
            </div>
        </form>
        <section aria-labelledby="community-work" class="participation-events">
            <h2 id="community-work" class="scorecard__subheading">{t(locale, Msg::CurrentWork)}</h2>
            <Show when=move || nothing>
                <p class="notice">{t(locale, Msg::NoWork)}</p>
            </Show>
            <ul class="report-list">
                {data
                    .items
                    .into_iter()
                    .map(|item| view! { <WorkEntry item cluster today=today.clone() actions /> })
                    .collect_view()}
            </ul>
            <ListDownload of="facts" list="service_projects" filters=format!("?cluster={cluster}") />
            <ListDownload of="facts" list="partnerships" filters=format!("?cluster={cluster}") />
        </section>
    }
}

/// One project or partnership with its end date, reopen and remove controls.
#[component]
fn WorkEntry(item: WorkRow, cluster: i32, today: String, actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let WorkRow {
        kind,
        id,
        name,
        started_on,
        started,
        ended,
    } = item;
    let ongoing = ended.is_none();
    let status = match (ongoing, kind) {
        (true, _) => t(locale, Msg::WorkOngoing),
        (false, WorkKind::ServiceProject) => t(locale, Msg::WorkCompleted),
        (false, WorkKind::Partnership) => t(locale, Msg::WorkEnded),
    };
    let span = match &ended {
        Some(end) => format!("{started} – {end}"),
        None => started,
    };
    let end_day = RwSignal::new(String::new());
    let problem = RwSignal::new(Vec::<String>::new());
    let first_day = started_on.clone();
    let on_end = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let day = end_day.get_untracked();
        let found: Vec<String> = if day.is_empty() {
            vec![t(locale, Msg::EndDateMissing).to_owned()]
        } else {
            end_problem(locale, kind, &first_day, &day, &today)
                .into_iter()
                .collect()
        };
        problem.set(found.clone());
        if found.is_empty() {
            actions.end.dispatch(EndCommunityWork {
                cluster,
                kind,
                id,
                ended_on: day,
            });
        }
    };
    view! {
        <li class="report-list__item" data-testid="community-work-item">
            <div class="participation-event__head">
                <strong>{name}</strong>
                <span class="badge">{kind_label(locale, kind)}</span>
                <span class="badge">{status}</span>
            </div>
            <p class="muted">{span}</p>
            <FormProblems problems=problem />
            <div class="entry-actions">
                {if ongoing {
                    view! {
                        <form class="entry-actions" on:submit=on_end novalidate>
                            <label class="form__field">
                                <span class="form__label">{t(locale, Msg::EndDateLabel)}</span>
                                <input class="form__input" type="date" name="end" min=started_on bind:value=end_day />
                            </label>
                            <button class="button button--small" type="submit" disabled=move || actions.end.pending().get()>
                                {t(locale, Msg::SetEndButton)}
                            </button>
                        </form>
                    }
                    .into_any()
                } else {
                    view! {
                        <button
                            class="button button--quiet button--small"
                            type="button"
                            disabled=move || actions.end.pending().get()
                            on:click=move |_| {
                                actions.end.dispatch(EndCommunityWork {
                                    cluster,
                                    kind,
                                    id,
                                    ended_on: String::new(),
                                });
                            }
                        >
                            {t(locale, Msg::ReopenButton)}
                        </button>
                    }
                    .into_any()
                }}
                <button
                    class="button button--quiet button--small"
                    type="button"
                    disabled=move || actions.remove.pending().get()
                    on:click=move |_| {
                        actions.remove.dispatch(RemoveCommunityWork { cluster, kind, id });
                    }
                >
                    {t(locale, Msg::RemoveButton)}
                </button>
            </div>
        </li>
    }
}
