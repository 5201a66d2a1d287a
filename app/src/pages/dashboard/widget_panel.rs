//! One widget of a dashboard: its chart loads on its own, with a skeleton meanwhile, so
//! a slow chart holds up no other.

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
    let outcome = Resource::new(move || query.clone(), get_widget_chart);
    view! {
        <div class=class data-testid="dashboard-widget" data-widget=chart>
            <Suspense fallback=move || {
                view! {
                    <div class="skeleton__block chart__skeleton" aria-busy="true">
                        <span class="visually-hidden">{t(locale, Msg::ChartLoading)}</span>
                    </div>
                }
            }>
                {move || {
                    let metric_name = metric_name.clone();
                    Suspend::new(async move {
                        match outcome.await {
                            Ok(WidgetOutcome::Chart(spec)) => view! { <ChartPanel spec /> }.into_any(),
                            Ok(WidgetOutcome::NeedsCluster) => view! {
                                <p class="notice">{widget_needs_cluster(locale, &metric_name)}</p>
                            }
                                .into_any(),
                            Ok(WidgetOutcome::NotTracked) => view! {
                                <p class="notice">{widget_not_tracked(locale, &metric_name)}</p>
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
