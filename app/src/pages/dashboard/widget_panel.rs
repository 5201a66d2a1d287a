//! One widget of a dashboard: its chart loads on its own in the browser, with a skeleton
//! meanwhile, so a slow chart holds up no other and the page is served at once.

use leptos::prelude::*;

use crate::{
    components::{chart::chart_panel::ChartPanel, layout::error_notice::ErrorNotice},
    i18n::{Msg, t, widget_needs_cluster, widget_not_tracked},
    models::dashboard::{WidgetOutcome, WidgetQuery},
    providers::locale::use_locale,
    server_fns::dashboard::get_widget_chart::get_widget_chart,
};

/// A widget's chart, or why it has none.
#[component]
pub fn WidgetPanel(
    /// The widget with the dashboard's scope and period.
    query: WidgetQuery,
    /// The metric's name, for the notices.
    metric_name: String,
) -> impl IntoView {
    let locale = use_locale();
    let class = format!(
        "dashboard__widget dashboard__widget--{}",
        query.widget.width.as_str()
    );
    let chart = query.widget.chart.as_str();
    // Fetched by the browser once the page is up: the page itself renders at once, and
    // a resource created inside the page's own suspense would be created twice on the
    // server, so its serialized result could not be matched up when hydrating.
    let outcome = LocalResource::new(move || get_widget_chart(query.clone()));
    // No suspense: the server and the hydrating browser both show the skeleton, then
    // the browser swaps in the chart once it has arrived.
    let body = move || match outcome.get() {
        None => view! {
            <div class="skeleton__block chart__skeleton" aria-busy="true">
                <span class="visually-hidden">{t(locale, Msg::ChartLoading)}</span>
            </div>
        }
        .into_any(),
        Some(Ok(WidgetOutcome::Chart(spec))) => view! { <ChartPanel spec /> }.into_any(),
        Some(Ok(WidgetOutcome::NeedsCluster)) => view! {
            <p class="notice">{widget_needs_cluster(locale, &metric_name)}</p>
        }
        .into_any(),
        Some(Ok(WidgetOutcome::NotTracked)) => view! {
            <p class="notice">{widget_not_tracked(locale, &metric_name)}</p>
        }
        .into_any(),
        Some(Err(error)) => view! { <ErrorNotice error /> }.into_any(),
    };
    view! {
        <div class=class data-testid="dashboard-widget" data-widget=chart>
            {body}
        </div>
    }
}
