//! Media coverage: a leader records a mention, press release or social post about the
//! cluster and sees (and can remove) the recent ones. Staff pick any cluster. The form
//! checks itself before sending; the server checks everything again.

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
    i18n::{Locale, Msg, parse_number, t},
    models::media::{MediaForm, MediaPage as PageData},
    providers::locale::use_locale,
    server_fns::media::{
        get_media::get_media, record_media::RecordMedia, remove_media::RemoveMedia,
    },
};

/// The media page.
#[component]
pub fn MediaPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let record = ServerAction::<RecordMedia>::new();
    let remove = ServerAction::<RemoveMedia>::new();
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("cluster").and_then(|c| c.parse().ok())),
                record.version().get(),
                remove.version().get(),
            )
        },
        |(cluster, _, _)| get_media(cluster),
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::MediaTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::MediaTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::MediaLead)}</p>
            </header>
            <WriteNotice
                refused=move || first_refusal([remove.value().get(), record.value().get()])
                saved=move || any_saved([record.value().get()])
                message=Msg::MediaRecorded
            />
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <MediaBody data record remove /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// What the form finds wrong before sending, one line per field.
fn form_problems(locale: Locale, item: &MediaForm, today: &str) -> Vec<String> {
    let mut found = Vec::new();
    if item.published_on.is_empty() {
        found.push(t(locale, Msg::MediaDateMissing).to_owned());
    } else if item.published_on.as_str() > today {
        found.push(t(locale, Msg::MediaInFuture).to_owned());
    }
    if item.outlet.trim().is_empty() {
        found.push(t(locale, Msg::MediaOutletMissing).to_owned());
    }
    if item.title.trim().is_empty() {
        found.push(t(locale, Msg::MediaTitleMissing).to_owned());
    }
    if !parse_number(locale, &item.reach).is_some_and(|r| r >= 0.0 && r.fract() == 0.0) {
        found.push(t(locale, Msg::MediaReachInvalid).to_owned());
    }
    found
}

#[component]
fn MediaBody(
    data: PageData,
    record: ServerAction<RecordMedia>,
    remove: ServerAction<RemoveMedia>,
) -> impl IntoView {
    let locale = use_locale();
    let cluster_value = data.cluster.0.to_string();
    let cluster = data.cluster.0;
    let no_items = data.items.is_empty();
    let published_on = RwSignal::new(data.today.clone());
    let outlet = RwSignal::new(String::new());
    let kind = RwSignal::new("mention".to_owned());
    let reach = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let today = data.today.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let item = MediaForm {
            cluster,
            published_on: published_on.get_untracked(),
            outlet: outlet.get_untracked(),
            kind: kind.get_untracked(),
            reach: reach.get_untracked(),
            title: title.get_untracked(),
        };
        let found = form_problems(locale, &item, &today);
        problems.set(found.clone());
        if found.is_empty() {
            record.dispatch(RecordMedia { item });
        }
    };
    let cluster_options = data.clusters.clone();
    view! {
        <ClusterPicker action="/media" clusters=cluster_options current=cluster_value />
        <p class="page__eyebrow">{data.cluster_label.clone()}</p>
        <form class="form card call-form" on:submit=on_submit novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::RecordMediaHeading)}</h2>
            <FormProblems problems />
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::PublishedOnLabel)}</span>
                    <input class="form__input" type="date" name="published_on" max=data.today.clone() required bind:value=published_on />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::MediaKindLabel)}</span>
                    <select name="kind" class="form__input" on:change=move |ev| kind.set(event_target_value(&ev))>
                        {["mention", "press_release", "social_post"]
                            .into_iter()
                            .map(|k| view! { <option value=k>{crate::i18n::media_kind(locale, k)}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::ReachLabel)}</span>
                    <input class="form__input" inputmode="numeric" name="reach" required bind:value=reach />
                </label>
            </div>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::OutletLabel)}</span>
                <input class="form__input" name="outlet" maxlength="120" required bind:value=outlet />
            </label>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::HeadlineLabel)}</span>
                <input class="form__input" name="title" maxlength="200" required bind:value=title />
            </label>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || record.pending().get()>
                    {t(locale, Msg::RecordMediaButton)}
                </button>
            </div>
        </form>
        <section aria-labelledby="recent-media" class="participation-events">
            <h2 id="recent-media" class="scorecard__subheading">{t(locale, Msg::RecentMedia)}</h2>
            <Show when=move || no_items>
                <p class="notice">{t(locale, Msg::NoMedia)}</p>
            </Show>
            <ul class="report-list">
                {data
                    .items
                    .into_iter()
                    .map(|item| {
                        let id = item.id;
                        view! {
                            <li class="report-list__item media-row">
                                <div class="participation-event__head">
                                    <strong>{item.title.clone()}</strong>
                                    <span class="badge">{item.kind.clone()}</span>
                                </div>
                                <p class="muted">{format!("{} · {} · {}", item.outlet, item.published, item.reach)}</p>
                                <button
                                    class="button button--quiet button--small"
                                    type="button"
                                    disabled=move || remove.pending().get()
                                    on:click=move |_| {
                                        remove.dispatch(RemoveMedia { cluster, id });
                                    }
                                >
                                    {t(locale, Msg::RemoveButton)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ListDownload of="facts" list="media_items" filters=format!("?cluster={cluster}") />
        </section>
    }
}
