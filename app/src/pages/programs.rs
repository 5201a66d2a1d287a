//! Inter-cluster programs: the host cluster's leader records a program it runs for members
//! of other clusters, marks it held or cancelled once the day has come, and removes one
//! recorded by mistake. Staff pick a cluster of their regions. The form checks itself
//! before sending; the server checks everything again.

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
    i18n::{Locale, Msg, format_count, t},
    models::program::{ProgramForm, ProgramStatus, ProgramsPage as PageData},
    providers::locale::use_locale,
    server_fns::program::{
        decide_program::DecideProgram, get_programs::get_programs, record_program::RecordProgram,
        remove_program::RemoveProgram,
    },
};

/// Every status, in the order the selects offer them.
const STATUSES: [ProgramStatus; 3] = [
    ProgramStatus::Planned,
    ProgramStatus::Held,
    ProgramStatus::Cancelled,
];

/// A status in words.
fn status_label(locale: Locale, status: ProgramStatus) -> &'static str {
    match status {
        ProgramStatus::Planned => t(locale, Msg::ProgramPlanned),
        ProgramStatus::Held => t(locale, Msg::ProgramHeld),
        ProgramStatus::Cancelled => t(locale, Msg::ProgramCancelled),
    }
}

/// A status as a select's value.
fn status_value(status: ProgramStatus) -> &'static str {
    match status {
        ProgramStatus::Planned => "planned",
        ProgramStatus::Held => "held",
        ProgramStatus::Cancelled => "cancelled",
    }
}

/// The status a select's value names.
fn parse_status(value: &str) -> ProgramStatus {
    match value {
        "held" => ProgramStatus::Held,
        "cancelled" => ProgramStatus::Cancelled,
        _ => ProgramStatus::Planned,
    }
}

/// The programs page.
#[component]
pub fn ProgramsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let record = ServerAction::<RecordProgram>::new();
    let decide = ServerAction::<DecideProgram>::new();
    let remove = ServerAction::<RemoveProgram>::new();
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("cluster").and_then(|c| c.parse().ok())),
                record.version().get(),
                decide.version().get(),
                remove.version().get(),
            )
        },
        |(cluster, _, _, _)| get_programs(cluster),
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::ProgramsTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::ProgramsTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::ProgramsLead)}</p>
            </header>
            <WriteNotice
                refused=move || first_refusal([remove.value().get(), decide.value().get(), record.value().get()])
                saved=move || any_saved([record.value().get(), decide.value().get()])
                message=Msg::ProgramSaved
            />
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <ProgramsBody data record decide remove /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// What the form finds wrong before sending, one line per field. `now` is
/// `YYYY-MM-DDTHH:MM`, so a start compares with it as text.
fn form_problems(locale: Locale, program: &ProgramForm, now: &str) -> Vec<String> {
    let mut found = Vec::new();
    if program.title.trim().is_empty() {
        found.push(t(locale, Msg::ProgramTitleMissing).to_owned());
    }
    if program.date.is_empty() || program.start.is_empty() {
        found.push(t(locale, Msg::ProgramWhenMissing).to_owned());
    } else if program.status == ProgramStatus::Held
        && format!("{}T{}", program.date, program.start).as_str() > now
    {
        found.push(t(locale, Msg::ProgramHeldTooEarly).to_owned());
    }
    found
}

#[component]
fn ProgramsBody(
    data: PageData,
    record: ServerAction<RecordProgram>,
    decide: ServerAction<DecideProgram>,
    remove: ServerAction<RemoveProgram>,
) -> impl IntoView {
    let locale = use_locale();
    let cluster_value = data.cluster.0.to_string();
    let cluster = data.cluster.0;
    let nothing = data.programs.is_empty();
    let (today, time) = data
        .now
        .split_once('T')
        .map(|(d, t)| (d.to_owned(), t.to_owned()))
        .unwrap_or_default();
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(today);
    let start = RwSignal::new(time);
    let status = RwSignal::new(ProgramStatus::Planned);
    let problems = RwSignal::new(Vec::<String>::new());
    let now = data.now.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let program = ProgramForm {
            cluster,
            title: title.get_untracked(),
            date: date.get_untracked(),
            start: start.get_untracked(),
            status: status.get_untracked(),
        };
        let found = form_problems(locale, &program, &now);
        problems.set(found.clone());
        if found.is_empty() {
            record.dispatch(RecordProgram { program });
        }
    };
    view! {
        <ClusterPicker action="/programs" clusters=data.clusters.clone() current=cluster_value />
        <p class="page__eyebrow">{data.cluster_label.clone()}</p>
        <form class="form card call-form" on:submit=on_submit novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::RecordProgramHeading)}</h2>
            <FormProblems problems />
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::ProgramTitleLabel)}</span>
                <input class="form__input" name="title" maxlength="160" required bind:value=title />
            </label>
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::ProgramDateLabel)}</span>
                    <input class="form__input" type="date" name="date" required bind:value=date />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::ProgramStartLabel)}</span>
                    <input class="form__input" type="time" name="start" required bind:value=start />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::ProgramStatusLabel)}</span>
                    <select
                        class="form__input"
                        name="status"
                        on:change=move |ev| status.set(parse_status(&event_target_value(&ev)))
                    >
                        {STATUSES
                            .into_iter()
                            .map(|s| view! { <option value=status_value(s)>{status_label(locale, s)}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || record.pending().get()>
                    {t(locale, Msg::RecordProgramButton)}
                </button>
            </div>
        </form>
        <section aria-labelledby="hosted-programs" class="participation-events">
            <h2 id="hosted-programs" class="scorecard__subheading">{t(locale, Msg::HostedPrograms)}</h2>
            <Show when=move || nothing>
                <p class="notice">{t(locale, Msg::NoPrograms)}</p>
            </Show>
            <ul class="report-list">
                {data
                    .programs
                    .into_iter()
                    .map(|program| {
                        let id = program.id;
                        let current = program.status;
                        let started = program.started;
                        let attended = format!(
                            "{} · {} {}",
                            program.starts,
                            format_count(locale, program.attendances),
                            t(locale, Msg::ProgramAttendances)
                        );
                        view! {
                            <li class="report-list__item" data-testid="program">
                                <div class="participation-event__head">
                                    <strong>{program.title}</strong>
                                    <span class="badge">{status_label(locale, current)}</span>
                                </div>
                                <p class="muted">{attended}</p>
                                <div class="entry-actions">
                                    <label class="form__field">
                                        <span class="form__label">{t(locale, Msg::ProgramStatusLabel)}</span>
                                        <select
                                            class="form__input"
                                            name="program_status"
                                            disabled=move || decide.pending().get()
                                            on:change=move |ev| {
                                                decide.dispatch(DecideProgram {
                                                    cluster,
                                                    id,
                                                    status: parse_status(&event_target_value(&ev)),
                                                });
                                            }
                                        >
                                            {STATUSES
                                                .into_iter()
                                                .filter(|s| started || *s != ProgramStatus::Held || current == ProgramStatus::Held)
                                                .map(|s| view! {
                                                    <option value=status_value(s) selected=current == s>{status_label(locale, s)}</option>
                                                })
                                                .collect_view()}
                                        </select>
                                    </label>
                                    <button
                                        class="button button--quiet button--small"
                                        type="button"
                                        disabled=move || remove.pending().get()
                                        on:click=move |_| {
                                            remove.dispatch(RemoveProgram { cluster, id });
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
            <ListDownload
                of="facts"
                list="events"
                filters=format!("?cluster={cluster}&kind=intercluster_program")
            />
        </section>
    }
}
