//! The staff queue of submitted self-reports: verify one, a selection, or reject with a
//! reason the member sees. The region filter lives in the URL.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::layout::{
        error_notice::{ErrorNotice, LoadError},
        list_download::ListDownload,
        pager::Pager,
    },
    i18n::{Msg, format_decimal, reports_waiting, t, values_changed},
    models::self_report::{ReportDecisionRequest, ReportQueue},
    pages::self_report::my_reports::kind_label,
    providers::locale::use_locale,
    server_fns::self_report::{decide_reports::DecideReports, get_report_queue::get_report_queue},
};

/// The staff self-report queue.
#[component]
pub fn ReportQueuePage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let decide = ServerAction::<DecideReports>::new();
    let queue = Resource::new(
        move || {
            (
                query.with(|q| q.get("region").and_then(|r| r.parse().ok())),
                query.with(|q| q.get("page").and_then(|p| p.parse().ok())),
                decide.version().get(),
            )
        },
        |(region, page, _)| get_report_queue(region, page),
    );
    let on_retry = Callback::new(move |()| queue.refetch());
    let outcome = move || match decide.value().get() {
        Some(Ok(count)) => Some(
            view! { <p class="notice" role="status">{values_changed(locale, count)}</p> }
                .into_any(),
        ),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    view! {
        <Title text=t(locale, Msg::ReportQueueTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::ReportQueueTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::ReportQueueLead)}</p>
            </header>
            {outcome}
            <Transition fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(data) => view! { <QueueBody data decide /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn QueueBody(data: ReportQueue, decide: ServerAction<DecideReports>) -> impl IntoView {
    let locale = use_locale();
    let selected = RwSignal::new(BTreeSet::<i32>::new());
    let reason = RwSignal::new(String::new());
    let on_verify_selected = move |_| {
        decide.dispatch(DecideReports {
            request: ReportDecisionRequest {
                ids: selected.get_untracked().into_iter().collect(),
                verify: true,
                reason: None,
            },
        });
    };
    let region = data.region;
    let empty = data.rows.is_empty();
    let (page, pages) = (data.page, data.total.div_ceil(data.page_size).max(1));
    let page_href = move |page: u32| match region {
        Some(region) => format!("/self-reports?region={region}&page={page}"),
        None => format!("/self-reports?page={page}"),
    };
    let total = data.total;
    let rows = data
        .rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            let on_verify = move |_| {
                decide.dispatch(DecideReports {
                    request: ReportDecisionRequest {
                        ids: vec![id],
                        verify: true,
                        reason: None,
                    },
                });
            };
            let on_reject = move |_| {
                decide.dispatch(DecideReports {
                    request: ReportDecisionRequest {
                        ids: vec![id],
                        verify: false,
                        reason: Some(reason.get_untracked()),
                    },
                });
            };
            let on_toggle = move |event: leptos::ev::Event| {
                let checked = event_target_checked(&event);
                selected.update(|set| {
                    if checked {
                        set.insert(id);
                    } else {
                        set.remove(&id);
                    }
                });
            };
            view! {
                <tr class="report-queue__row" data-report=id>
                    <td>
                        <input type="checkbox" aria-label=t(locale, Msg::SelectReport) on:change=on_toggle />
                    </td>
                    <td>
                        <span class="queue-table__cluster">{row.member_name.clone()}</span>
                        <span class="queue-table__region">{row.cluster_name.clone()}</span>
                    </td>
                    <td>{row.month.clone()}</td>
                    <td>{kind_label(locale, row.kind)}</td>
                    <td class="numeric">{format_decimal(locale, row.hours, 1)}</td>
                    <td>{row.description}</td>
                    <td class="queue-table__actions">
                        <button class="button button--small" on:click=on_verify>
                            {t(locale, Msg::VerifyButton)}
                        </button>
                        <button class="button button--small button--quiet" on:click=on_reject>
                            {t(locale, Msg::RejectButton)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Form method="GET" action="/self-reports" attr:class="filters">
            <label class="filters__field">
                <span class="form__label">{t(locale, Msg::FilterRegion)}</span>
                <select name="region" class="form__input">
                    <option value="">{t(locale, Msg::FilterAll)}</option>
                    {data
                        .regions
                        .iter()
                        .map(|r| {
                            let chosen = region.map(|id| id.to_string()) == Some(r.value.clone());
                            view! { <option value=r.value.clone() selected=chosen>{r.label.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <Show when=move || !empty fallback=move || view! { <p class="notice">{t(locale, Msg::QueueNothing)}</p> }>
            <div class="queue-summary">
                <p class="queue-summary__text">{reports_waiting(locale, total)}</p>
                <label class="form__field form__field--inline">
                    <span class="form__label">{t(locale, Msg::ReasonLabel)}</span>
                    <input class="form__input" type="text" name="reason" maxlength="2000" bind:value=reason />
                </label>
                <button
                    class="button"
                    on:click=on_verify_selected
                    disabled=move || selected.with(BTreeSet::is_empty) || decide.pending().get()
                >
                    {t(locale, Msg::VerifySelected)}
                </button>
            </div>
        </Show>
        <div class="table-scroll" hidden=empty>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col"></th>
                        <th scope="col">{t(locale, Msg::ColumnMember)}</th>
                        <th scope="col">{t(locale, Msg::ColumnMonth)}</th>
                        <th scope="col">{t(locale, Msg::ColumnKind)}</th>
                        <th scope="col" class="numeric">{t(locale, Msg::ColumnHours)}</th>
                        <th scope="col">{t(locale, Msg::ColumnDescription)}</th>
                        <th scope="col">{t(locale, Msg::ColumnActions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pager page pages href=Callback::new(page_href) />
        <ListDownload
            list="self-reports"
            filters=region.map(|region| format!("?region={region}")).unwrap_or_default()
        />
    }
}
