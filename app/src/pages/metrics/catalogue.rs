//! The metric catalogue: every metric with its group, unit, thresholds, owner and
//! version, with links to edit one or add a new one.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::layout::{error_notice::ErrorNotice, list_download::ListDownload},
    i18n::{Locale, Msg, format_metric_value, t},
    models::metric::MetricSummary,
    pages::validation::queue::group_label,
    providers::locale::use_locale,
    server_fns::metric::list_metrics::list_metrics,
};

/// The catalogue page.
#[component]
pub fn MetricCataloguePage() -> impl IntoView {
    let locale = use_locale();
    let metrics = Resource::new(|| (), |_| list_metrics());
    view! {
        <Title text=t(locale, Msg::MetricsTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::MetricsTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::MetricsLead)}</p>
                <p><a class="button" href="/metrics/edit">{t(locale, Msg::NewMetric)}</a></p>
            </header>
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match metrics.await {
                        Ok(list) => view! { <CatalogueTable list /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn CatalogueTable(list: Vec<MetricSummary>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="table-scroll">
            <table class="data-table metric-table">
                <thead>
                    <tr>
                        <th scope="col">{t(locale, Msg::ColumnMetric)}</th>
                        <th scope="col">{t(locale, Msg::ColumnGroup)}</th>
                        <th scope="col">{t(locale, Msg::ColumnUnit)}</th>
                        <th scope="col" class="numeric">{t(locale, Msg::GreenLabel)}</th>
                        <th scope="col" class="numeric">{t(locale, Msg::AmberLabel)}</th>
                        <th scope="col">{t(locale, Msg::ColumnOwner)}</th>
                        <th scope="col" class="numeric">{t(locale, Msg::ColumnVersion)}</th>
                        <th scope="col">{t(locale, Msg::ColumnActions)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|m| {
                            let kind = if m.retired_on.is_some() {
                                t(locale, Msg::Retired)
                            } else if m.obligatory {
                                t(locale, Msg::Obligatory)
                            } else {
                                t(locale, Msg::Optional)
                            };
                            let href = format!("/metrics/edit?key={}", m.key.as_str());
                            view! {
                                <tr class="metric-table__row" class:metric-table__row--retired=m.retired_on.is_some() data-metric=m.key.as_str().to_owned()>
                                    <td>
                                        <span class="metric-table__name">{m.name.clone()}</span>
                                        <code class="metric-table__key">{m.key.as_str().to_owned()}</code>
                                        <span class="badge">{kind}</span>
                                    </td>
                                    <td>{group_label(locale, &m.group)}</td>
                                    <td>{unit_label(locale, &m.unit)}</td>
                                    <td class="numeric">{format_metric_value(locale, &m.unit, m.green)}</td>
                                    <td class="numeric">{format_metric_value(locale, &m.unit, m.amber)}</td>
                                    <td>{m.owner.clone().unwrap_or_default()}</td>
                                    <td class="numeric">{m.version}</td>
                                    <td><a href=href>{t(locale, Msg::EditLink)}</a></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <ListDownload list="metrics" />
    }
}

/// A unit's name.
pub fn unit_label(locale: Locale, unit: &str) -> &'static str {
    match unit {
        "percent" => t(locale, Msg::UnitPercent),
        "count" => t(locale, Msg::UnitCount),
        "average" => t(locale, Msg::UnitAverage),
        "hours" => t(locale, Msg::UnitHours),
        "money" => t(locale, Msg::UnitMoney),
        "boolean" => t(locale, Msg::UnitBoolean),
        _ => "",
    }
}
