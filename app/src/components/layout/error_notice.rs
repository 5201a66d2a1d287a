//! An error from a server function, in the user's language.

use leptos::prelude::*;

use crate::{
    error::AppError,
    i18n::{Msg, locked_for, t, too_many_attempts},
    providers::locale::use_locale,
};

/// The error as a notice: what happened and, where it helps, what to do.
#[component]
pub fn ErrorNotice(
    /// The error.
    error: AppError,
) -> impl IntoView {
    let locale = use_locale();
    let lines: Vec<String> = match error {
        AppError::Refused(lines) => lines,
        AppError::Locked { minutes } => vec![locked_for(locale, minutes)],
        AppError::TooManyAttempts { seconds } => vec![too_many_attempts(locale, seconds)],
        AppError::WrongCredentials => vec![t(locale, Msg::WrongCredentials).to_owned()],
        AppError::SignInRequired => vec![t(locale, Msg::SignInRequired).to_owned()],
        AppError::Forbidden => vec![t(locale, Msg::Forbidden).to_owned()],
        AppError::NotFound => vec![t(locale, Msg::NotFoundText).to_owned()],
        AppError::Unavailable | AppError::ServerFnError(_) => {
            vec![t(locale, Msg::LoadFailed).to_owned()]
        }
    };
    view! {
        <div class="notice notice--error" role="alert">
            {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
        </div>
    }
}

/// A load error: a retry for failures that may pass, the reason for the others.
#[component]
pub fn LoadError(
    /// The error.
    error: AppError,
    /// Called when the user asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    match error {
        AppError::Unavailable | AppError::ServerFnError(_) => {
            view! { <crate::components::layout::load_failed::LoadFailed on_retry /> }.into_any()
        }
        error => view! { <ErrorNotice error /> }.into_any(),
    }
}
