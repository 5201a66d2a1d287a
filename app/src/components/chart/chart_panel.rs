//! A chart with its title, a switch to the same numbers as an accessible table, and
//! downloads of those numbers as CSV and XLSX.
//!
//! The server renders the frame and the chart's ECharts option (charming's,
//! in `data-chart-option`); the page's chart script paints it as soon as ECharts has
//! loaded, and once hydrated the app takes the chart over and follows a click on a data
//! item to its link.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t},
    models::chart::{ChartSpec, DataTable},
    providers::locale::use_locale,
};

/// How far drawing has come; tests and styles read it from `data-state`. Only the
/// browser moves past `Waiting`: the chart script to `painted` (shown, not yet
/// clickable), the app to `Drawn` or `Failed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum DrawState {
    Waiting,
    Drawn,
    Failed,
}

impl DrawState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Drawn => "drawn",
            Self::Failed => "failed",
        }
    }
}

/// One chart and its table.
#[component]
pub fn ChartPanel(
    /// The chart to show.
    spec: ChartSpec,
) -> impl IntoView {
    let locale = use_locale();
    let show_table = RwSignal::new(false);
    let state = RwSignal::new(DrawState::Waiting);
    let host = NodeRef::<leptos::html::Div>::new();
    let empty = !spec.table.has_numbers();

    #[cfg(feature = "hydrate")]
    if !empty {
        browser::draw_when_mounted(host, spec.links.clone(), show_table, state);
    }

    let kind = spec.kind.as_str();
    let title = spec.title.clone();
    let option = spec.option;
    let table = StoredValue::new(spec.table);
    let height = spec.height.map(|height| height.to_string());
    let downloads = spec.download.map(|download| {
        let csv = download.href("csv");
        let xlsx = download.href("xlsx");
        view! {
            <a class="button button--quiet" href=csv download="" data-testid="chart-csv">
                {t(locale, Msg::DownloadCsv)}
            </a>
            <a class="button button--quiet" href=xlsx download="" data-testid="chart-xlsx">
                {t(locale, Msg::DownloadXlsx)}
            </a>
        }
    });
    view! {
        <figure class="chart" data-chart=kind data-state=move || state.get().as_str()>
            <figcaption class="chart__header">
                <span class="chart__title">{title.clone()}</span>
                <span class="chart__actions">
                    <button
                        type="button"
                        class="button button--quiet"
                        aria-pressed=move || show_table.get().to_string()
                        on:click=move |_| show_table.update(|shown| *shown = !*shown)
                        disabled=empty
                    >
                        {move || {
                            if show_table.get() {
                                t(locale, Msg::ShowChart)
                            } else {
                                t(locale, Msg::ShowTable)
                            }
                        }}
                    </button>
                    {downloads}
                </span>
            </figcaption>
            {if empty {
                view! { <p class="notice chart__empty">{t(locale, Msg::ChartNoData)}</p> }.into_any()
            } else {
                view! {
                    // ECharts owns the canvas element and replaces what it holds, so the
                    // skeleton lies over it instead of inside (hydration finds it intact).
                    <div class="chart__frame" hidden=move || show_table.get()>
                        <div
                            class="chart__canvas"
                            node_ref=host
                            role="img"
                            aria-label=title
                            data-chart-kind=kind
                            data-chart-option=option
                            data-chart-height=height
                        ></div>
                        <Show when=move || state.get() == DrawState::Waiting>
                            <div class="skeleton__block chart__skeleton" aria-busy="true">
                                <span class="visually-hidden">{t(locale, Msg::ChartLoading)}</span>
                            </div>
                        </Show>
                    </div>
                    <Show when=move || state.get() == DrawState::Failed>
                        <p class="notice">{t(locale, Msg::ChartUnavailable)}</p>
                    </Show>
                    // Built when asked for: the leaderboard's 400 rows, or a region's
                    // clusters by 49 metrics, weighed more in the page than the chart;
                    // the button that shows it works only once the app has loaded.
                    <Show when=move || show_table.get()>
                        <div class="table-scroll chart__table">
                            <ChartTable table=table.get_value() />
                        </div>
                    </Show>
                }
                    .into_any()
            }}
        </figure>
    }
}

/// The chart's numbers as a plain table.
#[component]
fn ChartTable(table: DataTable) -> impl IntoView {
    view! {
        <table class="data-table">
            <thead>
                <tr>
                    {table
                        .columns
                        .into_iter()
                        .map(|column| view! { <th scope="col">{column}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {table
                    .rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr>
                                {row
                                    .into_iter()
                                    .map(|cell| {
                                        let class = cell.is_number().then_some("numeric");
                                        view! { <td class=class>{cell.text().to_owned()}</td> }
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    //! The browser's half: take over the chart painted on first load (or draw it), repaint
    //! it for a new theme, follow clicks, dispose of it with the component. The chart
    //! script keeps it fitted to its element.

    use leptos::prelude::*;
    use leptos_router::hooks::use_navigate;

    use super::DrawState;
    use crate::{
        components::chart::echarts_host::{DrawnChart, draw},
        providers::theme::use_theme,
    };

    pub(super) fn draw_when_mounted(
        host: NodeRef<leptos::html::Div>,
        links: Vec<Option<String>>,
        show_table: RwSignal<bool>,
        state: RwSignal<DrawState>,
    ) {
        let drawn = StoredValue::new_local(None::<DrawnChart>);
        let navigate = use_navigate();
        let theme = use_theme();
        Effect::new(move |previous: Option<bool>| {
            // Colours are resolved when a chart is drawn: a new mode or brand repaints it
            // (the chart drawn before is disposed of first). The first drawing takes over
            // the chart the script painted before the app loaded.
            theme.colours_revision();
            let Some(element) = host.get() else {
                return previous.unwrap_or(false);
            };
            let adopt = !previous.unwrap_or(false);
            drawn.try_update_value(|chart| chart.take());
            let links = links.clone();
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let follow = move |index: usize| {
                    if let Some(Some(href)) = links.get(index) {
                        navigate(href, Default::default());
                    }
                };
                match draw(element.into(), adopt, follow).await {
                    Ok(chart) => {
                        drawn.try_set_value(Some(chart));
                        state.try_set(DrawState::Drawn);
                    }
                    Err(error) => {
                        leptos::logging::warn!("chart not drawn: {error:?}");
                        state.try_set(DrawState::Failed);
                        show_table.try_set(true);
                    }
                }
            });
            true
        });
        on_cleanup(move || {
            drawn.try_update_value(|chart| chart.take());
        });
    }
}
