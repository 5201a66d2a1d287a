//! What a page shows when its data could not be loaded.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// A clear message with a button that tries again.
#[component]
pub fn LoadFailed(
    /// Called when the user asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="notice notice--error" role="alert">
            <p>{t(locale, Msg::LoadFailed)}</p>
            <button class="button" on:click=move |_| on_retry.run(())>
                {t(locale, Msg::Retry)}
            </button>
        </div>
    }
}
