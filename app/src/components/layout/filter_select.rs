//! One labelled choice of a page's filter form (cluster, period, metric, region): a GET
//! form sends it, so the choice lands in the URL.

use leptos::prelude::*;

use crate::models::validation::Choice;

/// A labelled `<select>` with the current choice selected.
#[component]
pub fn FilterSelect(
    /// The label, already translated.
    label: &'static str,
    /// The query parameter it sets.
    name: &'static str,
    /// The choices, in order.
    choices: Vec<Choice>,
    /// The value chosen now.
    #[prop(into)]
    current: String,
    /// Left out of the page (and the form) when there is nothing to choose.
    #[prop(optional)]
    hidden: bool,
) -> impl IntoView {
    view! {
        <label class="filters__field" hidden=hidden>
            <span class="form__label">{label}</span>
            <select name=name class="form__input" disabled=hidden>
                {choices
                    .into_iter()
                    .map(|c| {
                        let selected = c.value == current;
                        view! { <option value=c.value selected=selected>{c.label}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Period keys as choices, shown as they are written (2025, 2025-Q3, 2025-07).
pub fn period_choices(periods: &[String]) -> Vec<Choice> {
    periods
        .iter()
        .map(|p| Choice {
            value: p.clone(),
            label: p.clone(),
        })
        .collect()
}
