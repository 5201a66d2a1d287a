//! The notice after a page's writes: the first refusal among them, else the page's "saved"
//! message once a write that saves has succeeded. A removal that works says nothing: the
//! row leaving the list says it.

use leptos::prelude::*;

use crate::{
    components::layout::error_notice::ErrorNotice,
    error::AppError,
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// The latest result of one write, as its `ServerAction` holds it.
pub type WriteResult = Option<Result<(), AppError>>;

/// The first refusal among `results`, in their order.
pub fn first_refusal(results: impl IntoIterator<Item = WriteResult>) -> Option<AppError> {
    results.into_iter().flatten().find_map(Result::err)
}

/// Whether any of `results` succeeded.
pub fn any_saved(results: impl IntoIterator<Item = WriteResult>) -> bool {
    results.into_iter().any(|r| matches!(r, Some(Ok(()))))
}

/// Shows `refused` as an error notice, else `message` while `saved`; nothing before the
/// first write.
#[component]
pub fn WriteNotice(
    /// The refusal to show, if any.
    #[prop(into)]
    refused: Signal<Option<AppError>>,
    /// Whether a write that saves has succeeded.
    #[prop(into)]
    saved: Signal<bool>,
    /// The "saved" message.
    message: Msg,
) -> impl IntoView {
    let locale = use_locale();
    move || match (refused.get(), saved.get()) {
        (Some(error), _) => Some(view! { <ErrorNotice error /> }.into_any()),
        (None, true) => {
            Some(view! { <p class="notice" role="status">{t(locale, message)}</p> }.into_any())
        }
        (None, false) => None,
    }
}
