//! The staff validation queue: a period's cluster values, filtered by region, metric
//! group and status (all in the URL), validated one by one or in bulk, corrected,
//! rejected or marked not applicable with a reason; and the period closed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    components::{
        kpi::{signal_badge::SignalBadge, status_badge::StatusBadge},
        layout::{
            error_notice::{ErrorNotice, LoadError},
            pager::Pager,
        },
    },
    i18n::{
        Msg, awaiting_summary, data_complete, format_decimal, format_metric_value, t, validate_all,
        values_changed,
    },
    models::{
        ids::RegionId,
        validation::{
            DecisionKind, DecisionRequest, QueueFilter, QueueRow, QueueShow, ValidationQueue,
        },
    },
    providers::locale::use_locale,
    server_fns::validation::{
        close_period::ClosePeriod, decide_values::DecideValues,
        get_validation_queue::get_validation_queue,
    },
};

/// The filters in the URL.
fn filter_from_query() -> Memo<QueueFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| QueueFilter {
            period: q.get("period").filter(|p| !p.is_empty()),
            region: q.get("region").and_then(|r| r.parse().ok()).map(RegionId),
            group: q.get("group").filter(|g| !g.is_empty()),
            show: QueueShow::parse(&q.get("show").unwrap_or_default()),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0),
        })
    })
}

/// The validation queue page.
#[component]
pub fn ValidationQueuePage() -> impl IntoView {
    let locale = use_locale();
    let filter = filter_from_query();
    let decide = ServerAction::<DecideValues>::new();
    let close = ServerAction::<ClosePeriod>::new();
    let queue = Resource::new(
        move || (filter.get(), decide.version().get(), close.version().get()),
        |(filter, _, _)| get_validation_queue(filter),
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
    let close_failure = move || {
        close
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <ErrorNotice error /> })
    };
    view! {
        <Title text=t(locale, Msg::ValidationTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::ValidationTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::ValidationLead)}</p>
            </header>
            {outcome}
            {close_failure}
            <Transition fallback=move || view! { <p class="skeleton__line" aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(data) => view! { <QueueBody data decide close /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// Filters, summary, bulk actions, the table and paging.
#[component]
fn QueueBody(
    data: ValidationQueue,
    decide: ServerAction<DecideValues>,
    close: ServerAction<ClosePeriod>,
) -> impl IntoView {
    let locale = use_locale();
    if data.periods.is_empty() {
        return view! { <p class="notice">{t(locale, Msg::NoValuesYet)}</p> }.into_any();
    }
    let filter = data.filter.clone();
    let period = filter.period.clone().unwrap_or_default();
    let pages = data.total.div_ceil(data.page_size).max(1);
    let awaiting = data.awaiting;
    let closed = data.closed;
    let bulk_period = period.clone();
    let bulk_filter = filter.clone();
    let on_bulk = move |_| {
        decide.dispatch(DecideValues {
            request: DecisionRequest {
                period: bulk_period.clone(),
                kind: DecisionKind::Validate,
                metric: None,
                region: bulk_filter.region.map(|r| r.0),
                cluster: None,
                group: bulk_filter.group.clone(),
                value: None,
                reason: None,
                bulk: true,
            },
        });
    };
    // The values on screen, every page of them, as CSV (server/src/export_route.rs).
    let csv_href = format!(
        "/exports/kpi-values.csv?period={period}&show={}{}{}",
        filter.show.as_str(),
        filter
            .region
            .map(|r| format!("&region={}", r.0))
            .unwrap_or_default(),
        filter
            .group
            .as_ref()
            .map(|g| format!("&group={g}"))
            .unwrap_or_default(),
    );
    let close_period = period.clone();
    let restate_reason = RwSignal::new(String::new());
    let on_close = move |_| {
        close.dispatch(ClosePeriod {
            period: close_period.clone(),
            restate: closed,
            reason: Some(restate_reason.get_untracked()),
        });
    };
    let page_href = {
        let filter = filter.clone();
        move |page: u32| {
            let mut parts = vec![format!("period={}", period_query(&filter))];
            if let Some(region) = filter.region {
                parts.push(format!("region={}", region.0));
            }
            if let Some(group) = &filter.group {
                parts.push(format!("group={group}"));
            }
            parts.push(format!("show={}", filter.show.as_str()));
            parts.push(format!("page={page}"));
            format!("/validation?{}", parts.join("&"))
        }
    };
    let page = filter.page;
    let row_period = period;
    let rows = data.rows;
    let empty = rows.is_empty();
    view! {
        <Form method="GET" action="/validation" attr:class="filters">
            <label class="filters__field">
                <span class="form__label">{t(locale, Msg::FilterPeriod)}</span>
                <select name="period" class="form__input">
                    {data
                        .periods
                        .iter()
                        .map(|p| {
                            let selected = Some(p) == filter.period.as_ref();
                            view! { <option value=p.clone() selected=selected>{p.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="filters__field">
                <span class="form__label">{t(locale, Msg::FilterRegion)}</span>
                <select name="region" class="form__input">
                    <option value="">{t(locale, Msg::FilterAll)}</option>
                    {data
                        .regions
                        .iter()
                        .map(|r| {
                            let selected = filter.region.map(|id| id.0.to_string()) == Some(r.value.clone());
                            view! { <option value=r.value.clone() selected=selected>{r.label.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="filters__field">
                <span class="form__label">{t(locale, Msg::FilterGroup)}</span>
                <select name="group" class="form__input">
                    <option value="">{t(locale, Msg::FilterAll)}</option>
                    {data
                        .groups
                        .iter()
                        .map(|g| {
                            let selected = filter.group.as_ref() == Some(g);
                            view! { <option value=g.clone() selected=selected>{group_label(locale, g)}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="filters__field">
                <span class="form__label">{t(locale, Msg::FilterShow)}</span>
                <select name="show" class="form__input">
                    {[
                        (QueueShow::Awaiting, Msg::ShowAwaiting),
                        (QueueShow::Decided, Msg::ShowDecided),
                        (QueueShow::All, Msg::FilterAll),
                    ]
                        .into_iter()
                        .map(|(show, msg)| {
                            view! {
                                <option value=show.as_str() selected=filter.show == show>
                                    {t(locale, msg)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
        <div class="queue-summary">
            <p class="queue-summary__text" data-testid="queue-summary">
                {awaiting_summary(locale, awaiting, data.total)}
            </p>
            <Show when=move || closed>
                <p class="notice">{t(locale, Msg::PeriodClosed)}</p>
            </Show>
            <div class="queue-summary__actions">
                <Show when=move || { !closed && awaiting > 0 }>
                    <button class="button" on:click=on_bulk.clone() disabled=move || decide.pending().get()>
                        {validate_all(locale, awaiting)}
                    </button>
                </Show>
                <Show when=move || closed>
                    <label class="form__field form__field--inline">
                        <span class="form__label">{t(locale, Msg::ReasonLabel)}</span>
                        <input class="form__input" type="text" maxlength="2000" bind:value=restate_reason />
                    </label>
                </Show>
                <a class="button button--quiet" href=csv_href.clone() download>
                    {t(locale, Msg::DownloadCsv)}
                </a>
                <a
                    class="button button--quiet"
                    href=csv_href.replacen("kpi-values.csv", "kpi-values.xlsx", 1)
                    download
                >
                    {t(locale, Msg::DownloadXlsx)}
                </a>
                <button class="button button--quiet" on:click=on_close disabled=move || close.pending().get()>
                    {if closed { t(locale, Msg::RestatePeriodButton) } else { t(locale, Msg::ClosePeriodButton) }}
                </button>
            </div>
        </div>
        <Show when=move || !empty fallback=move || view! { <p class="notice">{t(locale, Msg::QueueEmpty)}</p> }>
            <div class="table-scroll">
                <table class="queue-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(locale, Msg::ColumnCluster)}</th>
                            <th scope="col">{t(locale, Msg::ColumnMetric)}</th>
                            <th scope="col" class="numeric">{t(locale, Msg::ColumnValue)}</th>
                            <th scope="col" class="numeric">{t(locale, Msg::ColumnBasis)}</th>
                            <th scope="col">{t(locale, Msg::ColumnSignal)}</th>
                            <th scope="col">{t(locale, Msg::ColumnStatus)}</th>
                            <th scope="col">{t(locale, Msg::ColumnActions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .clone()
                            .into_iter()
                            .map(|row| view! { <QueueRowView row period=row_period.clone() closed decide /> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
        <Pager page pages href=Callback::new(page_href) />
    }
    .into_any()
}

fn period_query(filter: &QueueFilter) -> String {
    filter.period.clone().unwrap_or_default()
}

/// A metric group's name.
pub fn group_label(locale: crate::i18n::Locale, group: &str) -> &'static str {
    match group {
        "cluster" => t(locale, Msg::GroupCluster),
        "cluster_leader" => t(locale, Msg::GroupClusterLeader),
        "community" => t(locale, Msg::GroupCommunity),
        _ => "",
    }
}

/// One value with its actions.
#[component]
fn QueueRowView(
    row: QueueRow,
    period: String,
    closed: bool,
    decide: ServerAction<DecideValues>,
) -> impl IntoView {
    let locale = use_locale();
    let value_text = row
        .value
        .map(|v| format_metric_value(locale, &row.unit, v))
        .unwrap_or_else(|| "–".into());
    let decided_text = row
        .decided_value
        .filter(|_| {
            row.status == crate::models::validation::ValueStatus::Overridden
                || row.status == crate::models::validation::ValueStatus::Stale
        })
        .map(|v| format_metric_value(locale, &row.unit, v));
    let basis = match (row.numerator, row.denominator) {
        (Some(n), Some(d)) if row.unit != "count" && row.unit != "hours" => {
            format!(
                "{} / {}",
                format_decimal(locale, n, 0),
                format_decimal(locale, d, 0)
            )
        }
        _ => String::new(),
    };
    let explain = format!(
        "/validation/explain?metric={}&period={}&cluster={}",
        row.metric.as_str(),
        period,
        row.cluster.0
    );
    // The decision form is built when its row's "Other decision…" is first opened: a hundred
    // closed forms were half of the queue's HTML and of its render time, and the form
    // works only once the app has loaded.
    let asked = RwSignal::new(false);
    let kind = RwSignal::new("reject".to_owned());
    let corrected = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let validate_args = DecisionRequest {
        period,
        kind: DecisionKind::Validate,
        metric: Some(row.metric.as_str().to_owned()),
        region: None,
        cluster: Some(row.cluster.0),
        group: None,
        value: None,
        reason: None,
        bulk: false,
    };
    let decide_args = validate_args.clone();
    let on_validate = move |_| {
        decide.dispatch(DecideValues {
            request: validate_args.clone(),
        });
    };
    let on_decide = Callback::new(move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let kind = match kind.get_untracked().as_str() {
            "override" => DecisionKind::Override,
            "not_applicable" => DecisionKind::NotApplicable,
            "reopen" => DecisionKind::Reopen,
            _ => DecisionKind::Reject,
        };
        decide.dispatch(DecideValues {
            request: DecisionRequest {
                kind,
                value: Some(corrected.get_untracked()),
                reason: Some(reason.get_untracked()),
                ..decide_args.clone()
            },
        });
    });
    let awaiting = row.status.awaits_decision();
    let status = row.status;
    let reason_text = row.reason.clone();
    view! {
        <tr class="queue-table__row" data-metric=row.metric.as_str().to_owned() data-cluster=row.cluster.0>
            <td>
                <span class="queue-table__cluster">{row.cluster_name.clone()}</span>
                <span class="queue-table__region">{row.region_name.clone()}</span>
                {row
                    .completeness
                    .map(|share| {
                        view! {
                            <span
                                class="completeness"
                                class:completeness--partial=share < 0.999
                            >
                                {data_complete(locale, share)}
                            </span>
                        }
                    })}
            </td>
            <td>{row.metric_name.clone()}</td>
            <td class="numeric">
                {value_text}
                {decided_text.map(|d| view! { <span class="queue-table__decided">" → " {d}</span> })}
            </td>
            <td class="numeric muted">{basis}</td>
            <td><SignalBadge signal=row.signal /></td>
            <td>
                <StatusBadge status />
                {reason_text.map(|r| view! { <span class="queue-table__reason">{r}</span> })}
            </td>
            <td class="queue-table__actions">
                <Show when=move || awaiting && !closed>
                    <button class="button button--small" on:click=on_validate.clone()>
                        {t(locale, Msg::ValidateButton)}
                    </button>
                </Show>
                <a class="queue-table__explain" href=explain>{t(locale, Msg::ExplainLink)}</a>
                <Show when=move || !closed>
                    <details class="decide">
                        <summary on:click=move |_| asked.set(true)>{t(locale, Msg::DecideSummary)}</summary>
                        <Show when=move || asked.get()>
                            <form class="decide__form" on:submit=move |event| on_decide.run(event)>
                                <label class="form__field">
                                    <span class="form__label">{t(locale, Msg::DecisionLabel)}</span>
                                    <select class="form__input" bind:value=kind>
                                        <option value="reject">{t(locale, Msg::DecisionReject)}</option>
                                        <option value="override">{t(locale, Msg::DecisionOverride)}</option>
                                        <option value="not_applicable">{t(locale, Msg::DecisionNotApplicable)}</option>
                                        <option value="reopen">{t(locale, Msg::DecisionReopen)}</option>
                                    </select>
                                </label>
                                <label class="form__field" hidden=move || kind.get() != "override">
                                    <span class="form__label">{t(locale, Msg::CorrectedValueLabel)}</span>
                                    <input class="form__input" type="text" inputmode="decimal" bind:value=corrected />
                                </label>
                                <label class="form__field" hidden=move || kind.get() == "reopen">
                                    <span class="form__label">{t(locale, Msg::ReasonLabel)}</span>
                                    <input class="form__input" type="text" maxlength="2000" bind:value=reason />
                                </label>
                                <button class="button button--small" type="submit">{t(locale, Msg::SaveDecision)}</button>
                            </form>
                        </Show>
                    </details>
                </Show>
            </td>
        </tr>
    }
}
