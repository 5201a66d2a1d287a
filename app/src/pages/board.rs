//! Board seats and terms: a leader keeps the cluster's board: defines its seats, starts a
//! member's term on a seat (handing it over from the current holder), ends or removes a
//! term, and names the successor for the seat that leads the cluster. Staff pick a cluster
//! of their regions. Forms check themselves before sending; the server checks again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::layout::{
        cluster_picker::ClusterPicker,
        error_notice::LoadError,
        form_problems::FormProblems,
        list_download::ListDownload,
        write_notice::{WriteNotice, WriteResult, any_saved, first_refusal},
    },
    i18n::{Msg, t},
    models::{
        board::{BoardPage as PageData, SeatRow, TermRow},
        validation::Choice,
    },
    providers::locale::use_locale,
    server_fns::board::{
        add_board_seat::AddBoardSeat, end_board_term::EndBoardTerm, get_board::get_board,
        name_successor::NameSuccessor, remove_board_seat::RemoveBoardSeat,
        remove_board_term::RemoveBoardTerm, start_board_term::StartBoardTerm,
    },
};

/// The page's writes, shared by its parts.
#[derive(Clone, Copy)]
struct Actions {
    add_seat: ServerAction<AddBoardSeat>,
    remove_seat: ServerAction<RemoveBoardSeat>,
    start: ServerAction<StartBoardTerm>,
    end: ServerAction<EndBoardTerm>,
    remove_term: ServerAction<RemoveBoardTerm>,
    successor: ServerAction<NameSuccessor>,
}

impl Actions {
    /// The latest result of every write, the way the notice reads them.
    fn results(self) -> [WriteResult; 6] {
        [
            self.add_seat.value().get(),
            self.remove_seat.value().get(),
            self.start.value().get(),
            self.end.value().get(),
            self.remove_term.value().get(),
            self.successor.value().get(),
        ]
    }

    /// Changes when any write finishes, so the board is read again.
    fn version(self) -> usize {
        self.add_seat.version().get()
            + self.remove_seat.version().get()
            + self.start.version().get()
            + self.end.version().get()
            + self.remove_term.version().get()
            + self.successor.version().get()
    }
}

/// The board page.
#[component]
pub fn BoardPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let actions = Actions {
        add_seat: ServerAction::new(),
        remove_seat: ServerAction::new(),
        start: ServerAction::new(),
        end: ServerAction::new(),
        remove_term: ServerAction::new(),
        successor: ServerAction::new(),
    };
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("cluster").and_then(|c| c.parse().ok())),
                actions.version(),
            )
        },
        |(cluster, _)| get_board(cluster),
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::BoardTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::BoardTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::BoardLead)}</p>
            </header>
            <WriteNotice
                refused=move || first_refusal(actions.results())
                saved=move || any_saved(actions.results())
                message=Msg::BoardSaved
            />
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <BoardBody data actions /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn BoardBody(data: PageData, actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let cluster_value = data.cluster.0.to_string();
    let cluster = data.cluster.0;
    let no_seats = data.seats.is_empty();
    let title = RwSignal::new(String::new());
    let leads = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<String>::new());
    let on_add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if title.get_untracked().trim().is_empty() {
            problems.set(vec![t(locale, Msg::SeatTitleMissing).to_owned()]);
            return;
        }
        problems.set(Vec::new());
        actions.add_seat.dispatch(AddBoardSeat {
            cluster,
            title: title.get_untracked(),
            leads: leads.get_untracked(),
        });
    };
    let members = data.members.clone();
    let today = data.today.clone();
    view! {
        <ClusterPicker action="/board" clusters=data.clusters.clone() current=cluster_value />
        <p class="page__eyebrow">{data.cluster_label.clone()}</p>
        <Show when=move || no_seats>
            <p class="notice">{t(locale, Msg::NoSeats)}</p>
        </Show>
        <ul class="report-list">
            {data
                .seats
                .into_iter()
                .map(|seat| {
                    view! {
                        <SeatCard seat cluster members=members.clone() today=today.clone() actions />
                    }
                })
                .collect_view()}
        </ul>
        <ListDownload of="facts" list="board_seats" filters=format!("?cluster={cluster}") />
        <ListDownload of="facts" list="board_terms" filters=format!("?cluster={cluster}") />
        <form class="form card call-form" on:submit=on_add novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::AddSeatHeading)}</h2>
            <FormProblems problems />
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::SeatTitleLabel)}</span>
                <input class="form__input" name="title" maxlength="80" required bind:value=title />
            </label>
            <label class="form__check">
                <input type="checkbox" name="leads" bind:checked=leads />
                {t(locale, Msg::SeatLeadsLabel)}
            </label>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || actions.add_seat.pending().get()>
                    {t(locale, Msg::AddSeatButton)}
                </button>
            </div>
        </form>
    }
}

/// One seat: its holder, the successor of a leading seat, and the forms that change it.
#[component]
fn SeatCard(
    seat: SeatRow,
    cluster: i32,
    members: Vec<Choice>,
    today: String,
    actions: Actions,
) -> impl IntoView {
    let locale = use_locale();
    let SeatRow {
        id: seat_id,
        title,
        leads,
        term,
        has_history,
    } = seat;
    let holder_line = match &term {
        Some(term) => {
            let mut line = format!(
                "{} · {} {}",
                term.holder,
                t(locale, Msg::TermSince),
                term.starts
            );
            if let Some(ends) = &term.ends {
                line.push_str(&format!(" · {} {ends}", t(locale, Msg::TermUntil)));
            }
            line
        }
        None => t(locale, Msg::SeatVacant).to_owned(),
    };
    let upcoming = term.as_ref().is_some_and(|t| t.upcoming);
    let held = term.is_some();
    let holder = RwSignal::new(String::new());
    let starts_on = RwSignal::new(today);
    let problems = RwSignal::new(Vec::<String>::new());
    let on_start = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut found = Vec::new();
        if holder.get_untracked().is_empty() {
            found.push(t(locale, Msg::HolderMissing).to_owned());
        }
        if starts_on.get_untracked().is_empty() {
            found.push(t(locale, Msg::TermDayMissing).to_owned());
        }
        problems.set(found.clone());
        if let (true, Ok(member)) = (found.is_empty(), holder.get_untracked().parse()) {
            actions.start.dispatch(StartBoardTerm {
                cluster,
                seat: seat_id,
                member,
                starts_on: starts_on.get_untracked(),
            });
        }
    };
    let successor_part = term.clone().filter(|_| leads).map(|term| {
        view! { <SuccessorForm term cluster members=members.clone() actions /> }
    });
    let term_part = term.map(|term| view! { <TermControls term cluster actions /> });
    view! {
        <li class="report-list__item card" data-testid="board-seat">
            <div class="participation-event__head">
                <strong>{title}</strong>
                <Show when=move || leads>
                    <span class="badge">{t(locale, Msg::LeadsClusterBadge)}</span>
                </Show>
                <Show when=move || upcoming>
                    <span class="badge">{t(locale, Msg::TermUpcoming)}</span>
                </Show>
            </div>
            <p class="muted" data-testid="seat-holder">{holder_line}</p>
            {successor_part}
            {term_part}
            <form class="entry-actions" on:submit=on_start novalidate>
                <FormProblems problems />
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::HolderLabel)}</span>
                    <select class="form__input" name="member" on:change=move |ev| holder.set(event_target_value(&ev))>
                        <option value="">"–"</option>
                        {members
                            .into_iter()
                            .map(|m| view! { <option value=m.value>{m.label}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::StartsOnLabel)}</span>
                    <input class="form__input" type="date" name="starts_on" bind:value=starts_on />
                </label>
                <button class="button button--small" type="submit" disabled=move || actions.start.pending().get()>
                    {if held { t(locale, Msg::HandOverButton) } else { t(locale, Msg::StartTermButton) }}
                </button>
            </form>
            <Show when=move || !has_history>
                <button
                    class="button button--quiet button--small"
                    type="button"
                    disabled=move || actions.remove_seat.pending().get()
                    on:click=move |_| {
                        actions.remove_seat.dispatch(RemoveBoardSeat { cluster, seat: seat_id });
                    }
                >
                    {t(locale, Msg::RemoveSeatButton)}
                </button>
            </Show>
        </li>
    }
}

/// The successor of the leading seat's term: who is named, and the form to name or clear.
#[component]
fn SuccessorForm(
    term: TermRow,
    cluster: i32,
    members: Vec<Choice>,
    actions: Actions,
) -> impl IntoView {
    let locale = use_locale();
    let term_id = term.id;
    let named = term.successor.is_some();
    let line = match term.successor {
        Some(name) => format!("{}: {name}", t(locale, Msg::SuccessorLabel)),
        None => t(locale, Msg::NoSuccessor).to_owned(),
    };
    let chosen = RwSignal::new(String::new());
    let on_name = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if chosen.get_untracked().is_empty() {
            return;
        }
        actions.successor.dispatch(NameSuccessor {
            cluster,
            term: term_id,
            successor: chosen.get_untracked(),
        });
    };
    view! {
        <p data-testid="seat-successor">{line}</p>
        <form class="entry-actions" on:submit=on_name novalidate>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::SuccessorLabel)}</span>
                <select class="form__input" name="successor" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">"–"</option>
                    {members
                        .into_iter()
                        .map(|m| view! { <option value=m.value>{m.label}</option> })
                        .collect_view()}
                </select>
            </label>
            <button class="button button--small" type="submit" disabled=move || actions.successor.pending().get()>
                {t(locale, Msg::NameSuccessorButton)}
            </button>
            <Show when=move || named>
                <button
                    class="button button--quiet button--small"
                    type="button"
                    on:click=move |_| {
                        actions.successor.dispatch(NameSuccessor {
                            cluster,
                            term: term_id,
                            successor: String::new(),
                        });
                    }
                >
                    {t(locale, Msg::ClearSuccessorButton)}
                </button>
            </Show>
        </form>
    }
}

/// Ending or removing the running term.
#[component]
fn TermControls(term: TermRow, cluster: i32, actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let term_id = term.id;
    let ends_on = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let on_end = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if ends_on.get_untracked().is_empty() {
            problems.set(vec![t(locale, Msg::TermDayMissing).to_owned()]);
            return;
        }
        problems.set(Vec::new());
        actions.end.dispatch(EndBoardTerm {
            cluster,
            term: term_id,
            ends_on: ends_on.get_untracked(),
        });
    };
    view! {
        <form class="entry-actions" on:submit=on_end novalidate>
            <FormProblems problems />
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::EndsOnLabel)}</span>
                <input class="form__input" type="date" name="ends_on" min=term.starts_on bind:value=ends_on />
            </label>
            <button class="button button--small" type="submit" disabled=move || actions.end.pending().get()>
                {t(locale, Msg::EndTermButton)}
            </button>
            <button
                class="button button--quiet button--small"
                type="button"
                disabled=move || actions.remove_term.pending().get()
                on:click=move |_| {
                    actions.remove_term.dispatch(RemoveBoardTerm { cluster, term: term_id });
                }
            >
                {t(locale, Msg::RemoveTermButton)}
            </button>
        </form>
    }
}
