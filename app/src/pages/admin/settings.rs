//! Organization settings: what an admin keeps for every cluster (how many optional metrics
//! a cluster selects per year). The form checks itself before sending; the server checks
//! again.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::layout::{
        error_notice::LoadError,
        form_problems::FormProblems,
        write_notice::{WriteNotice, any_saved, first_refusal},
    },
    i18n::{Msg, t},
    models::organization_settings::{OrganizationSettings, SelectionLimitsForm},
    providers::locale::use_locale,
    server_fns::organization_settings::{
        get_organization_settings::get_organization_settings,
        save_selection_limits::SaveSelectionLimits,
    },
};

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let locale = use_locale();
    let save = ServerAction::<SaveSelectionLimits>::new();
    let data = Resource::new(
        move || save.version().get(),
        |_| get_organization_settings(),
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::SettingsTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::SettingsTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::SettingsLead)}</p>
            </header>
            <WriteNotice
                refused=move || first_refusal([save.value().get()])
                saved=move || any_saved([save.value().get()])
                message=Msg::SettingsSaved
            />
            <Suspense fallback=move || view! { <p aria-busy="true">{t(locale, Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(settings) => view! { <LimitsForm settings save /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn LimitsForm(
    settings: OrganizationSettings,
    save: ServerAction<SaveSelectionLimits>,
) -> impl IntoView {
    let locale = use_locale();
    let most = settings.optional_metrics;
    let min = RwSignal::new(settings.limits.min.to_string());
    let max = RwSignal::new(settings.limits.max.to_string());
    let problems = RwSignal::new(Vec::<String>::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let low = min.get_untracked().trim().parse::<u32>().ok();
        let high = max.get_untracked().trim().parse::<u32>().ok();
        let found: Vec<String> = match (low, high) {
            (Some(low), Some(high)) if low > high => {
                vec![t(locale, Msg::LimitsMinAboveMax).to_owned()]
            }
            (Some(_), Some(high)) if high > most => {
                vec![t(locale, Msg::LimitsMaxTooHigh).to_owned()]
            }
            (Some(_), Some(_)) => Vec::new(),
            _ => vec![t(locale, Msg::LimitsNotNumbers).to_owned()],
        };
        problems.set(found.clone());
        if let (true, Some(min), Some(max)) = (found.is_empty(), low, high) {
            save.dispatch(SaveSelectionLimits {
                limits: SelectionLimitsForm { min, max },
            });
        }
    };
    let hint = format!("{} {most}", t(locale, Msg::OptionalMetricsCount));
    view! {
        <form class="form card call-form" on:submit=on_submit novalidate>
            <h2 class="scorecard__subheading">{t(locale, Msg::SelectionLimitsHeading)}</h2>
            <p class="form__hint">{hint}</p>
            <FormProblems problems />
            <div class="form__row">
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::LimitsMinLabel)}</span>
                    <input class="form__input" name="min" type="number" inputmode="numeric" min="0" max=most.to_string() bind:value=min />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::LimitsMaxLabel)}</span>
                    <input class="form__input" name="max" type="number" inputmode="numeric" min="0" max=most.to_string() bind:value=max />
                </label>
            </div>
            <div class="form__actions">
                <button class="button" type="submit" disabled=move || save.pending().get()>
                    {t(locale, Msg::SaveSettingsButton)}
                </button>
            </div>
        </form>
    }
}
