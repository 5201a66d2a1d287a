//! A button for what cannot be undone (revoking a token, rolling back an import): the
//! first click asks, in words beside it, the second does it; "Keep" steps back.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// The button with its confirmation.
#[component]
pub fn ConfirmedAction(
    /// The button's text, on both steps.
    label: &'static str,
    /// What the second step asks.
    question: &'static str,
    /// The first button's accessible name when its text alone is ambiguous in a list.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// Whether the action is running.
    #[prop(into)]
    pending: Signal<bool>,
    /// Does it.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let confirming = RwSignal::new(false);
    move || {
        if confirming.get() {
            view! {
                <span role="alert">{question}</span>
                <button
                    class="button button--danger"
                    type="button"
                    disabled=move || pending.get()
                    on:click=move |_| on_confirm.run(())
                >
                    {label}
                </button>
                <button class="button button--quiet" type="button" on:click=move |_| confirming.set(false)>
                    {t(locale, Msg::KeepButton)}
                </button>
            }
            .into_any()
        } else {
            view! {
                <button
                    class="button button--quiet"
                    type="button"
                    aria-label=aria_label.clone()
                    on:click=move |_| confirming.set(true)
                >
                    {label}
                </button>
            }
            .into_any()
        }
    }
}
