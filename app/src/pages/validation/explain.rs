//! Explaining one cluster value: the number, its numerator and denominator, the
//! definition in words, the fact rows it was computed from and the decisions on it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::{
        kpi::{signal_badge::SignalBadge, status_badge::StatusBadge},
        layout::error_notice::ErrorNotice,
    },
    i18n::{
        Msg, data_complete, definition_words::describe, format_decimal, format_metric_value,
        present_of_expected, t,
    },
    models::explanation::{MeasureTable, ValueExplanation},
    providers::locale::use_locale,
    server_fns::validation::get_value_explanation::get_value_explanation,
};

/// The explanation page; metric, period and cluster come from the URL.
#[component]
pub fn ValueExplanationPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let explanation = Resource::new(
        move || {
            query.with(|q| {
                (
                    q.get("metric").unwrap_or_default(),
                    q.get("period").unwrap_or_default(),
                    q.get("cluster").and_then(|c| c.parse().ok()).unwrap_or(0),
                )
            })
        },
        |(metric, period, cluster)| get_value_explanation(metric, period, cluster),
    );
    view! {
        <Title text=t(locale, Msg::ExplainTitle) />
        <div class="page">
            <p><a href="/validation">{t(locale, Msg::BackToQueue)}</a></p>
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match explanation.await {
                        Ok(data) => view! { <ExplanationBody data /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ExplanationBody(data: ValueExplanation) -> impl IntoView {
    let locale = use_locale();
    let unit = data.unit.clone();
    let shown = move |v: Option<f64>| {
        v.map(|v| format_metric_value(locale, &unit, v))
            .unwrap_or_else(|| t(locale, Msg::SignalNone).to_owned())
    };
    let value = shown(data.value);
    let plain = |v: Option<f64>| {
        v.map(|v| format_decimal(locale, v, if v.fract() == 0.0 { 0 } else { 2 }))
            .unwrap_or_else(|| "–".into())
    };
    let lines = describe(locale, &data.definition);
    let history_empty = data.history.is_empty();
    view! {
        <header class="page__header">
            <p class="page__eyebrow">{format!("{} · {}", data.cluster_name, data.period)}</p>
            <h1 class="page__title">{data.metric_name.clone()}</h1>
            <p class="page__lead">{data.description.clone()}</p>
        </header>
        <dl class="stats">
            <div class="stat-tile">
                <dt class="stat-tile__label">{t(locale, Msg::ColumnValue)}</dt>
                <dd class="stat-tile__value" data-testid="explained-value">{value}</dd>
            </div>
            <div class="stat-tile">
                <dt class="stat-tile__label">{t(locale, Msg::ExplainNumerator)}</dt>
                <dd class="stat-tile__value" data-testid="explained-numerator">{plain(data.numerator)}</dd>
            </div>
            <div class="stat-tile">
                <dt class="stat-tile__label">{t(locale, Msg::ExplainDenominator)}</dt>
                <dd class="stat-tile__value">{plain(data.denominator)}</dd>
            </div>
        </dl>
        <p class="explain__status">
            <SignalBadge signal=data.signal />
            " "
            {data.status.map(|status| view! { <StatusBadge status /> })}
        </p>
        <section class="card explain__section">
            <h2>{t(locale, Msg::CompletenessHeading)}</h2>
            {match data.completeness {
                Some(share) => view! { <p data-testid="completeness">{data_complete(locale, share)}</p> }.into_any(),
                None => view! { <p>{t(locale, Msg::CompletenessNothingExpected)}</p> }.into_any(),
            }}
            <ul class="completeness-inputs">
                {data
                    .inputs
                    .iter()
                    .filter(|i| i.expected > 0.0)
                    .map(|i| {
                        view! {
                            <li>
                                {input_label(locale, &i.input)} ": "
                                {present_of_expected(locale, i.present, i.expected)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section class="card explain__section">
            <h2>{t(locale, Msg::ExplainDefinition)}</h2>
            <ul class="definition-words">
                {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </section>
        <section class="card explain__section">
            <h2>{t(locale, Msg::ExplainFacts)}</h2>
            {data.measures.into_iter().map(|table| view! { <FactTable table /> }).collect_view()}
        </section>
        <section class="card explain__section">
            <h2>{t(locale, Msg::ExplainHistory)}</h2>
            <Show when=move || !history_empty fallback=move || view! { <p>{t(locale, Msg::ExplainNoHistory)}</p> }>
                <div class="table-scroll">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{t(locale, Msg::ColumnWhen)}</th>
                                <th scope="col">{t(locale, Msg::ColumnWho)}</th>
                                <th scope="col">{t(locale, Msg::ColumnActions)}</th>
                                <th scope="col" class="numeric">{t(locale, Msg::ColumnBefore)}</th>
                                <th scope="col" class="numeric">{t(locale, Msg::ColumnAfter)}</th>
                                <th scope="col">{t(locale, Msg::ColumnReason)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {data
                                .history
                                .clone()
                                .into_iter()
                                .map(|entry| {
                                    view! {
                                        <tr>
                                            <td><time datetime=entry.at.clone()>{entry.at.clone()}</time></td>
                                            <td>{entry.actor}</td>
                                            <td>{action_label(locale, &entry.action)}</td>
                                            <td class="numeric">{shown(entry.value_before)}</td>
                                            <td class="numeric">{shown(entry.value_after)}</td>
                                            <td>{entry.reason.unwrap_or_default()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// The fact rows of one measure.
#[component]
fn FactTable(table: MeasureTable) -> impl IntoView {
    let locale = use_locale();
    let count = table.rows.len();
    view! {
        <h3 class="explain__source">
            <code>{table.source.clone()}</code>
            " · "
            {crate::i18n::format_count(locale, count as u64)}
        </h3>
        {if count == 0 {
            view! { <p class="muted">{t(locale, Msg::ExplainNoRows)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll table-scroll--tall">
                    <table class="data-table" data-source=table.source.clone()>
                        <thead>
                            <tr>
                                {table.fields.iter().map(|f| view! { <th scope="col">{f.clone()}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {table
                                .rows
                                .into_iter()
                                .map(|row| view! { <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
                .into_any()
        }}
    }
}

/// An audit action in words.
fn action_label(locale: crate::i18n::Locale, action: &str) -> &'static str {
    match action {
        "validate" => t(locale, Msg::StatusValidated),
        "reject" => t(locale, Msg::StatusRejected),
        "override" => t(locale, Msg::StatusOverridden),
        "not_applicable" => t(locale, Msg::StatusNotApplicable),
        "reopen" => t(locale, Msg::DecisionReopen),
        "close" => t(locale, Msg::ClosePeriodButton),
        "restate" => t(locale, Msg::RestatePeriodButton),
        _ => "",
    }
}

/// A completeness input in words.
fn input_label(locale: crate::i18n::Locale, input: &str) -> &'static str {
    match input {
        "self_reports" => t(locale, Msg::InputSelfReports),
        "committee_calls" => t(locale, Msg::InputCommitteeCalls),
        "goals" => t(locale, Msg::InputGoals),
        _ => "",
    }
}
