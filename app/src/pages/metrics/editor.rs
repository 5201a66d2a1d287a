//! The metric editor: words, group, unit, thresholds, owner and the definition of a new
//! or existing metric; the server checks everything, saves and computes the metric.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::{
    components::layout::error_notice::ErrorNotice,
    i18n::{Msg, metric_saved, t},
    models::metric::MetricForm,
    pages::{metrics::catalogue::unit_label, validation::queue::group_label},
    providers::locale::use_locale,
    server_fns::metric::{
        get_metric_form::get_metric_form, save_metric::SaveMetric,
        set_metric_retired::SetMetricRetired,
    },
};

const GROUPS: [&str; 3] = ["cluster", "cluster_leader", "community"];
const UNITS: [&str; 6] = ["percent", "count", "average", "hours", "money", "boolean"];

/// The editor page; `?key=` names the metric, none makes a new one.
#[component]
pub fn MetricEditorPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let key = Memo::new(move |_| query.with(|q| q.get("key").unwrap_or_default()));
    let form = Resource::new(move || key.get(), get_metric_form);
    // Page-level, so a new metric's outcome stays shown when the page moves to its key.
    let save = ServerAction::<SaveMetric>::new();
    let retire = ServerAction::<SetMetricRetired>::new();
    let outcome = move || match save.value().get() {
        Some(Ok(saved)) => Some(
            view! {
                <p class="notice" role="status" data-testid="metric-saved">
                    {metric_saved(locale, saved.version, saved.values, saved.seconds)}
                </p>
            }
            .into_any(),
        ),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    let retire_failure = move || {
        retire
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <ErrorNotice error /> })
    };
    view! {
        <Title text=move || {
            if key.get().is_empty() { t(locale, Msg::NewMetricTitle) } else { t(locale, Msg::EditMetricTitle) }
        } />
        <div class="page page--narrow">
            <p><a href="/metrics">{t(locale, Msg::BackToMetrics)}</a></p>
            {outcome}
            {retire_failure}
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match form.await {
                        Ok(loaded) => view! { <EditorForm loaded existing=key.get_untracked() save retire /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn EditorForm(
    loaded: MetricForm,
    existing: String,
    save: ServerAction<SaveMetric>,
    retire: ServerAction<SetMetricRetired>,
) -> impl IntoView {
    let locale = use_locale();
    let is_new = existing.is_empty();
    let key = RwSignal::new(loaded.key.clone());
    let name = RwSignal::new(loaded.name.clone());
    let description = RwSignal::new(loaded.description.clone());
    let group = RwSignal::new(loaded.group.clone());
    let unit = RwSignal::new(loaded.unit.clone());
    let lower_is_better = RwSignal::new(loaded.lower_is_better);
    let green = RwSignal::new(loaded.green.clone());
    let amber = RwSignal::new(loaded.amber.clone());
    let obligatory = RwSignal::new(loaded.obligatory);
    let yearly_only = RwSignal::new(loaded.yearly_only);
    let owner = RwSignal::new(loaded.owner.clone());
    let definition = RwSignal::new(loaded.definition.clone());
    let navigate = use_navigate();
    // A new metric, once saved, continues in its own editor.
    Effect::new(move |_| {
        if is_new && let Some(Ok(saved)) = save.value().get() {
            navigate(
                &format!("/metrics/edit?key={}", saved.key.as_str()),
                Default::default(),
            );
        }
    });
    let existing_for_save = existing.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(SaveMetric {
            existing: existing_for_save.clone(),
            form: MetricForm {
                key: key.get_untracked(),
                name: name.get_untracked(),
                description: description.get_untracked(),
                group: group.get_untracked(),
                unit: unit.get_untracked(),
                lower_is_better: lower_is_better.get_untracked(),
                green: green.get_untracked(),
                amber: amber.get_untracked(),
                obligatory: obligatory.get_untracked(),
                yearly_only: yearly_only.get_untracked(),
                owner: owner.get_untracked(),
                definition: definition.get_untracked(),
                retired: false,
            },
        });
    };
    let retired = RwSignal::new(loaded.retired);
    let retire_key = existing;
    let on_retire = move |_| {
        let next = !retired.get_untracked();
        retire.dispatch(SetMetricRetired {
            key: retire_key.clone(),
            retired: next,
        });
        retired.set(next);
    };
    view! {
        <h1 class="page__title">
            {if is_new { t(locale, Msg::NewMetricTitle).to_owned() } else { loaded.name }}
        </h1>
        <form class="form" on:submit=on_submit>
            <Show when=move || is_new>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::KeyLabel)}</span>
                    <input class="form__input" name="key" required pattern="[a-z][a-z0-9_]*" maxlength="64" bind:value=key />
                </label>
            </Show>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::NameLabel)}</span>
                <input class="form__input" name="name" required maxlength="120" bind:value=name />
            </label>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::DescriptionLabel)}</span>
                <textarea class="form__input" name="description" rows="3" maxlength="2000" bind:value=description></textarea>
            </label>
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::FilterGroup)}</span>
                    <select class="form__input" name="group" bind:value=group>
                        {GROUPS.iter().map(|g| view! { <option value=*g>{group_label(locale, g)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::UnitLabel)}</span>
                    <select class="form__input" name="unit" bind:value=unit>
                        {UNITS.iter().map(|u| view! { <option value=*u>{unit_label(locale, u)}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::GreenLabel)}</span>
                    <input class="form__input" name="green" inputmode="decimal" required bind:value=green />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::AmberLabel)}</span>
                    <input class="form__input" name="amber" inputmode="decimal" required bind:value=amber />
                </label>
            </div>
            <label class="form__check">
                <input type="checkbox" name="lower_is_better" bind:checked=lower_is_better />
                {t(locale, Msg::LowerIsBetterLabel)}
            </label>
            <label class="form__check">
                <input type="checkbox" name="obligatory" bind:checked=obligatory />
                {t(locale, Msg::ObligatoryLabel)}
            </label>
            <label class="form__check">
                <input type="checkbox" name="yearly_only" bind:checked=yearly_only />
                {t(locale, Msg::YearlyOnlyLabel)}
            </label>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::OwnerLabel)}</span>
                <input class="form__input" name="owner" type="email" maxlength="254" bind:value=owner />
            </label>
            <label class="form__field">
                <span class="form__label">{t(locale, Msg::DefinitionLabel)}</span>
                <textarea class="form__input form__input--code" name="definition" rows="18" spellcheck="false" bind:value=definition></textarea>
                <span class="form__help">{t(locale, Msg::DefinitionHelp)}</span>
            </label>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { t(locale, Msg::Saving) } else { t(locale, Msg::SaveMetric) }}
                </button>
                <Show when=move || !is_new>
                    <button class="button button--quiet" type="button" on:click=on_retire.clone()>
                        {move || if retired.get() { t(locale, Msg::RestoreMetric) } else { t(locale, Msg::RetireMetric) }}
                    </button>
                </Show>
            </div>
        </form>
    }
}
