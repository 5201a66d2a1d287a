//! The dashboard editor: its name, and its widgets in order, each a chart of a metric at a
//! width, on the dashboard's scope and period or pinned to others; widgets are added,
//! moved (dragged by their grip, or up and down by buttons for keyboards and phones),
//! resized, pinned and removed, then saved at once.

use leptos::prelude::*;

use crate::{
    components::layout::{error_notice::ErrorNotice, form_problems::FormProblems},
    i18n::{Msg, chart_kind_label, t, widget_width_label},
    models::{
        chart::ChartKind,
        dashboard::{DashboardView, WidgetConfig, WidgetPeriod, WidgetScope, WidgetWidth},
        validation::Choice,
    },
    pages::dashboard::widget_pins::PinChoices,
    providers::locale::use_locale,
    server_fns::dashboard::save_dashboard::SaveDashboard,
};

/// A widget being edited, with a key that stays with it when it moves.
#[derive(Clone, Debug, PartialEq)]
struct EditedWidget {
    key: usize,
    widget: WidgetConfig,
}

/// The editor of `data`'s name and widgets.
#[component]
pub fn WidgetEditor(
    data: DashboardView,
    save: ServerAction<SaveDashboard>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let id = data.id;
    let name = RwSignal::new(data.name.clone());
    let pins = StoredValue::new(PinChoices::of(locale, &data));
    let next_key = StoredValue::new(data.widgets.len());
    let widgets = RwSignal::new(
        data.widgets
            .into_iter()
            .enumerate()
            .map(|(key, widget)| EditedWidget { key, widget })
            .collect::<Vec<_>>(),
    );
    let metrics = StoredValue::new(data.metrics);
    let dragged = RwSignal::new(None::<usize>);
    let problems = RwSignal::new(Vec::<String>::new());
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        let metric = metrics.with_value(|m| m.first().map(|c| c.value.clone()));
        widgets.update(|all| {
            all.push(EditedWidget {
                key,
                widget: WidgetConfig {
                    chart: ChartKind::Trend,
                    metric: metric.unwrap_or_default(),
                    width: WidgetWidth::Half,
                    scope: WidgetScope::Dashboard,
                    period: WidgetPeriod::Dashboard,
                },
            });
        });
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(name) = super::given_name(name, problems, locale) {
            save.dispatch(SaveDashboard {
                id,
                name,
                widgets: widgets
                    .with_untracked(|all| all.iter().map(|w| w.widget.clone()).collect()),
            });
        }
    };
    let failed = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <ErrorNotice error /> })
    };
    view! {
        <form class="form card dashboard-editor" on:submit=on_submit novalidate data-testid="dashboard-editor">
            <FormProblems problems />
            {failed}
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::DashboardNameLabel)}</span>
                <input
                    class="form__input"
                    name="name"
                    maxlength="80"
                    required
                    data-testid="dashboard-name-input"
                    bind:value=name
                />
            </label>
            <h3 class="scorecard__subheading">{t(locale, Msg::DashboardWidgetsHeading)}</h3>
            <Show when=move || widgets.with(Vec::is_empty)>
                <p class="notice">{t(locale, Msg::DashboardNoWidgets)}</p>
            </Show>
            <ol class="dashboard-editor__widgets">
                <For
                    each=move || widgets.get()
                    key=|w| w.key
                    children=move |w| view! { <WidgetRow key=w.key widgets metrics pins dragged /> }
                />
            </ol>
            <div class="form__actions">
                <button
                    class="button button--quiet"
                    type="button"
                    data-testid="dashboard-add-widget"
                    on:click=add
                >
                    {t(locale, Msg::DashboardAddWidget)}
                </button>
                <button
                    class="button"
                    type="submit"
                    data-testid="dashboard-save"
                    disabled=move || save.pending().get()
                >
                    {t(locale, Msg::DashboardSaveButton)}
                </button>
                <button
                    class="button button--quiet"
                    type="button"
                    data-testid="dashboard-cancel"
                    on:click=move |_| editing.set(false)
                >
                    {t(locale, Msg::DashboardCancelButton)}
                </button>
            </div>
        </form>
    }
}

/// Puts the widget keyed `from` where the widget keyed `to` is; those between close up.
fn move_widget(all: &mut Vec<EditedWidget>, from: usize, to: usize) {
    let from = all.iter().position(|w| w.key == from);
    let to = all.iter().position(|w| w.key == to);
    if let (Some(from), Some(to)) = (from, to) {
        let widget = all.remove(from);
        all.insert(to, widget);
    }
}

/// Marks a drag as a move; Firefox starts no drag without data on it.
fn begin_drag(event: &leptos::ev::DragEvent) {
    #[cfg(feature = "hydrate")]
    if let Some(data) = event.data_transfer() {
        data.set_effect_allowed("move");
        // Nothing is read back: the dragged widget is kept in a signal.
        let _ = data.set_data("text/plain", "");
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = event;
}

/// One widget's chart, metric and width, its grip to drag it by, and the buttons that
/// move or remove it.
#[component]
fn WidgetRow(
    key: usize,
    widgets: RwSignal<Vec<EditedWidget>>,
    metrics: StoredValue<Vec<Choice>>,
    pins: StoredValue<PinChoices>,
    dragged: RwSignal<Option<usize>>,
) -> impl IntoView {
    let locale = use_locale();
    let position = move || widgets.with(|all| all.iter().position(|w| w.key == key));
    let current =
        move || widgets.with(|all| all.iter().find(|w| w.key == key).map(|w| w.widget.clone()));
    let change = move |edit: &dyn Fn(&mut WidgetConfig)| {
        widgets.update(|all| {
            if let Some(w) = all.iter_mut().find(|w| w.key == key) {
                edit(&mut w.widget);
            }
        });
    };
    let shift = move |by: isize| {
        widgets.update(|all| {
            if let Some(from) = all.iter().position(|w| w.key == key) {
                let to = from as isize + by;
                if (0..all.len() as isize).contains(&to) {
                    all.swap(from, to as usize);
                }
            }
        });
    };
    let last = move || widgets.with(Vec::len).saturating_sub(1);
    let chart_options = ChartKind::ALL
        .into_iter()
        .map(|kind| {
            let selected = move || current().is_some_and(|w| w.chart == kind);
            view! {
                <option value=kind.as_str() selected=selected>{chart_kind_label(locale, kind)}</option>
            }
        })
        .collect_view();
    let metric_options = metrics.with_value(|all| {
        all.iter()
            .map(|choice| {
                let value = choice.value.clone();
                let selected = move || current().is_some_and(|w| w.metric == value);
                view! { <option value=choice.value.clone() selected=selected>{choice.label.clone()}</option> }
            })
            .collect_view()
    });
    let width_options = WidgetWidth::ALL
        .into_iter()
        .map(|width| {
            let selected = move || current().is_some_and(|w| w.width == width);
            view! {
                <option value=width.as_str() selected=selected>{widget_width_label(locale, width)}</option>
            }
        })
        .collect_view();
    let pin_options = |choices: Vec<Choice>, value: fn(&WidgetConfig) -> String| {
        choices
            .into_iter()
            .map(|choice| {
                let option = choice.value.clone();
                let selected = move || current().is_some_and(|w| value(&w) == option);
                view! { <option value=choice.value selected=selected>{choice.label}</option> }
            })
            .collect_view()
    };
    let scope_options = pin_options(pins.with_value(|p| p.scopes.clone()), |w| {
        w.scope.as_value()
    });
    let period_options = pin_options(pins.with_value(|p| p.periods.clone()), |w| {
        w.period.as_value()
    });
    let number = move || position().map(|p| p + 1).unwrap_or_default();
    // Another widget is dragged over this one: it would land here.
    let over = RwSignal::new(false);
    let takes_drop = move || dragged.get_untracked().is_some_and(|from| from != key);
    view! {
        <li
            class="dashboard-editor__widget"
            class:dashboard-editor__widget--dragged=move || dragged.get() == Some(key)
            class:dashboard-editor__widget--over=move || over.get()
            data-testid="widget-row"
            on:dragover=move |ev| {
                if takes_drop() {
                    ev.prevent_default();
                    over.set(true);
                }
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                over.set(false);
                if let Some(from) = dragged.get_untracked().filter(|from| *from != key) {
                    widgets.update(|all| move_widget(all, from, key));
                }
                dragged.set(None);
            }
        >
            <span
                class="dashboard-editor__grip"
                draggable="true"
                aria-hidden="true"
                title=t(locale, Msg::DashboardDragWidget)
                data-testid="widget-grip"
                on:dragstart=move |ev| {
                    begin_drag(&ev);
                    dragged.set(Some(key));
                }
                on:dragend=move |_| dragged.set(None)
            >
                <span class="dashboard-editor__number">{number}</span>
            </span>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::DashboardChartLabel)}</span>
                <select
                    class="form__input"
                    data-testid="widget-chart"
                    on:change=move |ev| {
                        if let Some(kind) = ChartKind::parse(&event_target_value(&ev)) {
                            change(&|w| w.chart = kind);
                        }
                    }
                >
                    {chart_options}
                </select>
            </label>
            <label class="form__field dashboard-editor__metric">
                <span class="form__label">{t(locale, Msg::DashboardMetricLabel)}</span>
                <select
                    class="form__input"
                    data-testid="widget-metric"
                    on:change=move |ev| {
                        let metric = event_target_value(&ev);
                        change(&|w| w.metric = metric.clone());
                    }
                >
                    {metric_options}
                </select>
            </label>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::DashboardWidthLabel)}</span>
                <select
                    class="form__input"
                    data-testid="widget-width"
                    on:change=move |ev| {
                        if let Some(width) = WidgetWidth::parse(&event_target_value(&ev)) {
                            change(&|w| w.width = width);
                        }
                    }
                >
                    {width_options}
                </select>
            </label>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::DashboardScopeLabel)}</span>
                <select
                    class="form__input"
                    data-testid="widget-scope"
                    on:change=move |ev| {
                        if let Some(scope) = WidgetScope::parse(&event_target_value(&ev)) {
                            change(&|w| w.scope = scope);
                        }
                    }
                >
                    {scope_options}
                </select>
            </label>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::DashboardPeriodLabel)}</span>
                <select
                    class="form__input"
                    data-testid="widget-period"
                    on:change=move |ev| {
                        if let Some(period) = WidgetPeriod::parse(&event_target_value(&ev)) {
                            change(&|w| w.period = period.clone());
                        }
                    }
                >
                    {period_options}
                </select>
            </label>
            <div class="entry-actions">
                <button
                    class="button button--quiet"
                    type="button"
                    data-testid="widget-up"
                    disabled=move || position() == Some(0)
                    on:click=move |_| shift(-1)
                >
                    {t(locale, Msg::DashboardMoveUp)}
                </button>
                <button
                    class="button button--quiet"
                    type="button"
                    data-testid="widget-down"
                    disabled=move || position() == Some(last())
                    on:click=move |_| shift(1)
                >
                    {t(locale, Msg::DashboardMoveDown)}
                </button>
                <button
                    class="button button--quiet"
                    type="button"
                    data-testid="widget-remove"
                    on:click=move |_| widgets.update(|all| all.retain(|w| w.key != key))
                >
                    {t(locale, Msg::DashboardRemoveWidget)}
                </button>
            </div>
        </li>
    }
}
