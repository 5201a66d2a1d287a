//! Committee calls: a leader records a call of one of the cluster's committees (when,
//! held or cancelled, who joined and when) and sees the recent ones. Staff pick any
//! cluster. The form checks itself before sending; the server checks everything again.

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
    i18n::{Msg, t},
    models::committee_call::{AttendeeForm, CallForm, CommitteeCallsPage as PageData, Roster},
    providers::locale::use_locale,
    server_fns::committee_call::{
        get_committee_calls::get_committee_calls, record_committee_call::RecordCommitteeCall,
    },
};

/// The committee-calls page.
#[component]
pub fn CommitteeCallsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let record = ServerAction::<RecordCommitteeCall>::new();
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("cluster").and_then(|c| c.parse().ok())),
                record.version().get(),
            )
        },
        |(cluster, _)| get_committee_calls(cluster),
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::CallsTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::CallsTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::CallsLead)}</p>
            </header>
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <CallsBody data record /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn CallsBody(data: PageData, record: ServerAction<RecordCommitteeCall>) -> impl IntoView {
    let locale = use_locale();
    let cluster_value = data.cluster.0.to_string();
    let cluster = data.cluster.0;
    let no_committees = data.rosters.is_empty();
    let no_calls = data.calls.is_empty();
    let cluster_options = data.clusters.clone();
    view! {
        <ClusterPicker action="/committee-calls" clusters=cluster_options current=cluster_value />
        <p class="page__eyebrow">{data.cluster_label.clone()}</p>
        <WriteNotice
            refused=move || first_refusal([record.value().get()])
            saved=move || any_saved([record.value().get()])
            message=Msg::CallRecorded
        />
        <Show
            when=move || !no_committees
            fallback=move || view! { <p class="notice">{t(locale, Msg::NoCommittees)}</p> }
        >
            <CallFormView
                cluster=data.cluster.0
                rosters=data.rosters.clone()
                today=data.today.clone()
                record
            />
        </Show>
        <section aria-labelledby="recent-calls" class="participation-events">
            <h2 id="recent-calls" class="scorecard__subheading">{t(locale, Msg::RecentCalls)}</h2>
            <Show when=move || no_calls>
                <p class="notice">{t(locale, Msg::NoCalls)}</p>
            </Show>
            <ul class="report-list">
                {data
                    .calls
                    .into_iter()
                    .map(|call| {
                        view! {
                            <li class="report-list__item call-row">
                                <div class="participation-event__head">
                                    <strong>{call.committee.clone()}</strong>
                                    <span class="badge">
                                        {if call.held {
                                            t(locale, Msg::CallHeld)
                                        } else {
                                            t(locale, Msg::EventCancelled)
                                        }}
                                    </span>
                                </div>
                                <p class="muted">{call.when.clone()}</p>
                                <p>{call.summary}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ListDownload
                of="facts"
                list="events"
                filters=format!("?cluster={cluster}&kind=committee_call")
            />
        </section>
    }
}

/// One roster member's state in the form.
#[derive(Clone, Copy)]
struct SeatState {
    member: i32,
    attended: RwSignal<bool>,
    joined: RwSignal<String>,
}

/// The form that records a call.
#[component]
fn CallFormView(
    cluster: i32,
    rosters: Vec<Roster>,
    today: String,
    record: ServerAction<RecordCommitteeCall>,
) -> impl IntoView {
    let locale = use_locale();
    let first = rosters.first().map_or(0, |r| r.committee);
    let committee = RwSignal::new(first);
    let date = RwSignal::new(today.clone());
    let start = RwSignal::new("19:00".to_owned());
    let held = RwSignal::new(true);
    let problems = RwSignal::new(Vec::<String>::new());
    // Every roster's seats, so switching committees keeps what was typed.
    let seats: Vec<(i32, String, SeatState)> = rosters
        .iter()
        .flat_map(|r| {
            r.members.iter().map(move |m| {
                (
                    r.committee,
                    m.label.clone(),
                    SeatState {
                        member: m.value.parse().unwrap_or_default(),
                        attended: RwSignal::new(false),
                        joined: RwSignal::new(String::new()),
                    },
                )
            })
        })
        .collect();
    let states: Vec<(i32, SeatState)> = seats.iter().map(|(c, _, s)| (*c, *s)).collect();
    let latest = today.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let chosen = committee.get_untracked();
        let attendees: Vec<AttendeeForm> = states
            .iter()
            .filter(|(c, s)| *c == chosen && s.attended.get_untracked())
            .map(|(_, s)| AttendeeForm {
                member: s.member,
                joined: s.joined.get_untracked(),
            })
            .collect();
        let mut found = Vec::new();
        let day = date.get_untracked();
        if day.is_empty() {
            found.push(t(locale, Msg::CallDateMissing).to_owned());
        } else if day > latest {
            found.push(t(locale, Msg::CallInFuture).to_owned());
        }
        if start.get_untracked().is_empty() {
            found.push(t(locale, Msg::CallStartMissing).to_owned());
        }
        if !held.get_untracked() && !attendees.is_empty() {
            found.push(t(locale, Msg::CancelledWithAttendees).to_owned());
        }
        problems.set(found.clone());
        if !found.is_empty() {
            return;
        }
        record.dispatch(RecordCommitteeCall {
            call: CallForm {
                cluster,
                committee: chosen,
                date: day,
                start: start.get_untracked(),
                held: held.get_untracked(),
                attendees,
            },
        });
    };
    let seat_rows = seats
        .into_iter()
        .map(|(of, name, seat)| {
            view! {
                <li class="seat" hidden=move || committee.get() != of data-member=seat.member>
                    <label class="form__check">
                        <input type="checkbox" name="attended" bind:checked=seat.attended />
                        <span>{name.clone()}</span>
                    </label>
                    <input
                        class="form__input seat__time"
                        type="time"
                        name="joined"
                        aria-label=format!("{name} – {}", t(locale, Msg::JoinedAtLabel))
                        disabled=move || !seat.attended.get()
                        bind:value=seat.joined
                    />
                </li>
            }
        })
        .collect_view();
    view! {
        <form class="form card call-form" on:submit=on_submit novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::RecordCallHeading)}</h2>
            <FormProblems problems />
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::CommitteeLabel)}</span>
                    <select
                        name="committee"
                        class="form__input"
                        on:change=move |ev| committee.set(event_target_value(&ev).parse().unwrap_or(0))
                    >
                        {rosters
                            .iter()
                            .map(|r| view! { <option value=r.committee.to_string()>{r.name.clone()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::CallDateLabel)}</span>
                    <input class="form__input" type="date" name="date" max=today required bind:value=date />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::CallStartLabel)}</span>
                    <input class="form__input" type="time" name="start" required bind:value=start />
                </label>
            </div>
            <label class="form__check">
                <input type="checkbox" name="held" bind:checked=held />
                <span>{t(locale, Msg::CallHeldLabel)}</span>
            </label>
            <fieldset class="seats" disabled=move || !held.get()>
                <legend class="form__label">{t(locale, Msg::WhoJoined)}</legend>
                <ul class="seats__list">{seat_rows}</ul>
            </fieldset>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || record.pending().get()>
                    {t(locale, Msg::RecordCallButton)}
                </button>
            </div>
        </form>
    }
}
