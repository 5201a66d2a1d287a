//! One widget of a dashboard: its chart loads on its own in the browser, with a skeleton
//! meanwhile, so a slow chart holds up no other and the page is served at once.

use leptos::prelude::*;

use crate::{
    components::{chart::chart_panel::ChartPanel, layout::error_notice::ErrorNotice},
    i18n::{Msg, t, widget_needs_cluster, widget_not_tracked},
    models::dashboard::{WidgetOutcome, WidgetQuery},
    providers::locale::use_locale,
};

/// A widget's chart, or why it has none.
#[component]
pub fn WidgetPanel(
    /// The widget with the dashboard's scope and period.
    query: WidgetQuery,
    /// The metric's name, for the notices.
    metric_name: String,
    /// What the widget is pinned to, in words, when it does not follow the dashboard.
    pin: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let class = format!(
        "dashboard__widget dashboard__widget--{}",
        query.widget.width.as_str()
    );
    let chart = query.widget.chart.as_str();
    // Fetched by the browser once the page is up, into a plain signal: a resource read
    // inside the page's suspense would hold the whole page back (and have the chart drawn
    // while detached, colourless and unsized), and one created there on the server could
    // not be matched up when hydrating.
    let outcome = RwSignal::new(None::<Result<WidgetOutcome, crate::error::AppError>>);
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        use crate::server_fns::dashboard::get_widget_chart::get_widget_chart;
        let result = get_widget_chart(query).await;
        outcome.try_set(Some(result));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = query;
    // The server and the hydrating browser both show the skeleton, then the browser
    // swaps in the chart once it has arrived.
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
            {pin.map(|pin| view! {
                <p class="dashboard__pin muted" data-testid="widget-pin">
                    {t(locale, Msg::WidgetPinned)} " " {pin}
                </p>
            })}
            {body}
        </div>
    }
}
