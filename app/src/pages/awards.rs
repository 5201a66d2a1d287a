//! Award applications: a leader records an award the cluster or one of its members
//! applied for, later marks it won or not, and can remove one recorded by mistake. Staff
//! pick any cluster. The form checks itself before sending; the server checks everything
//! again.

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
    i18n::{Locale, Msg, award_outcome, t},
    models::award::{AwardForm, AwardsPage as PageData},
    providers::locale::use_locale,
    server_fns::award::{
        decide_award::DecideAward, get_awards::get_awards, record_award::RecordAward,
        remove_award::RemoveAward,
    },
};

/// The outcomes an application can have, in the order the list offers them.
const OUTCOMES: [&str; 3] = ["pending", "won", "lost"];

/// The awards page.
#[component]
pub fn AwardsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let record = ServerAction::<RecordAward>::new();
    let decide = ServerAction::<DecideAward>::new();
    let remove = ServerAction::<RemoveAward>::new();
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("cluster").and_then(|c| c.parse().ok())),
                record.version().get(),
                decide.version().get(),
                remove.version().get(),
            )
        },
        |(cluster, _, _, _)| get_awards(cluster),
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::AwardsTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::AwardsTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::AwardsLead)}</p>
            </header>
            <WriteNotice
                refused=move || first_refusal([remove.value().get(), decide.value().get(), record.value().get()])
                saved=move || any_saved([record.value().get(), decide.value().get()])
                message=Msg::AwardRecorded
            />
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <AwardsBody data record decide remove /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// What the form finds wrong before sending, one line per field.
fn form_problems(locale: Locale, application: &AwardForm, today: &str) -> Vec<String> {
    let mut found = Vec::new();
    if application.award.trim().is_empty() {
        found.push(t(locale, Msg::AwardNameMissing).to_owned());
    }
    if application.submitted_on.is_empty() {
        found.push(t(locale, Msg::AwardDateMissing).to_owned());
    } else if application.submitted_on.as_str() > today {
        found.push(t(locale, Msg::AwardInFuture).to_owned());
    }
    found
}

#[component]
fn AwardsBody(
    data: PageData,
    record: ServerAction<RecordAward>,
    decide: ServerAction<DecideAward>,
    remove: ServerAction<RemoveAward>,
) -> impl IntoView {
    let locale = use_locale();
    let cluster_value = data.cluster.0.to_string();
    let cluster = data.cluster.0;
    let no_applications = data.applications.is_empty();
    let award = RwSignal::new(String::new());
    let submitted_on = RwSignal::new(data.today.clone());
    let member = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let today = data.today.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let application = AwardForm {
            cluster,
            award: award.get_untracked(),
            submitted_on: submitted_on.get_untracked(),
            member: member.get_untracked(),
        };
        let found = form_problems(locale, &application, &today);
        problems.set(found.clone());
        if found.is_empty() {
            record.dispatch(RecordAward { application });
        }
    };
    let cluster_options = data.clusters.clone();
    let members = data.members.clone();
    view! {
        <ClusterPicker action="/awards" clusters=cluster_options current=cluster_value />
        <p class="page__eyebrow">{data.cluster_label.clone()}</p>
        <form class="form card call-form" on:submit=on_submit novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::RecordAwardHeading)}</h2>
            <FormProblems problems />
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::AwardLabel)}</span>
                <input class="form__input" name="award" maxlength="120" required bind:value=award />
            </label>
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::SubmittedOnLabel)}</span>
                    <input class="form__input" type="date" name="submitted_on" max=data.today.clone() required bind:value=submitted_on />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::ApplicantLabel)}</span>
                    <select name="member" class="form__input" on:change=move |ev| member.set(event_target_value(&ev))>
                        <option value="">{t(locale, Msg::AwardByCluster)}</option>
                        {members
                            .into_iter()
                            .map(|m| view! { <option value=m.value>{m.label}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || record.pending().get()>
                    {t(locale, Msg::RecordAwardButton)}
                </button>
            </div>
        </form>
        <section aria-labelledby="recent-awards" class="participation-events">
            <h2 id="recent-awards" class="scorecard__subheading">{t(locale, Msg::RecentAwards)}</h2>
            <Show when=move || no_applications>
                <p class="notice">{t(locale, Msg::NoAwards)}</p>
            </Show>
            <ul class="report-list">
                {data
                    .applications
                    .into_iter()
                    .map(|application| {
                        let id = application.id;
                        let current = application.outcome.clone();
                        view! {
                            <li class="report-list__item award-row">
                                <div class="participation-event__head">
                                    <strong>{application.award.clone()}</strong>
                                    <span class="badge">{award_outcome(locale, &application.outcome)}</span>
                                </div>
                                <p class="muted">{format!("{} · {}", application.applicant, application.submitted)}</p>
                                <div class="entry-actions">
                                    <label class="form__field">
                                        <span class="form__label">{t(locale, Msg::OutcomeLabel)}</span>
                                        <select
                                            class="form__input"
                                            name="outcome"
                                            disabled=move || decide.pending().get()
                                            on:change=move |ev| {
                                                decide.dispatch(DecideAward {
                                                    cluster,
                                                    id,
                                                    outcome: event_target_value(&ev),
                                                });
                                            }
                                        >
                                            {OUTCOMES
                                                .into_iter()
                                                .map(|o| view! {
                                                    <option value=o selected=current == o>{award_outcome(locale, o)}</option>
                                                })
                                                .collect_view()}
                                        </select>
                                    </label>
                                    <button
                                        class="button button--quiet button--small"
                                        type="button"
                                        disabled=move || remove.pending().get()
                                        on:click=move |_| {
                                            remove.dispatch(RemoveAward { cluster, id });
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
            <ListDownload of="facts" list="award_applications" filters=format!("?cluster={cluster}") />
        </section>
    }
}
