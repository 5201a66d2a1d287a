//! Changing one's own password, and setting one with a one-time link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::layout::error_notice::ErrorNotice,
    i18n::{Msg, t},
    providers::locale::use_locale,
    server_fns::user_admin::{change_password::ChangePassword, reset_password::ResetPassword},
};

/// The two new-password fields, checked against each other before sending.
#[component]
fn NewPasswordFields(new: RwSignal<String>, repeat: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <label class="form__field">
            <span class="form__label">{t(locale, Msg::NewPasswordLabel)}</span>
            <input class="form__input" type="password" name="new" autocomplete="new-password" required minlength="12" maxlength="128" bind:value=new />
        </label>
        <label class="form__field">
            <span class="form__label">{t(locale, Msg::RepeatPasswordLabel)}</span>
            <input class="form__input" type="password" name="repeat" autocomplete="new-password" required bind:value=repeat />
        </label>
        <p class="notice notice--error" role="alert" hidden=move || repeat.with(String::is_empty) || new.get() == repeat.get()>
            {t(locale, Msg::PasswordsDiffer)}
        </p>
    }
}

/// The signed-in user's account page: change the password.
#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<ChangePassword>::new();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if new.get_untracked() != repeat.get_untracked() {
            return;
        }
        action.dispatch(ChangePassword {
            current: current.get_untracked(),
            new: new.get_untracked(),
        });
    };
    let outcome = move || match action.value().get() {
        Some(Ok(())) => Some(
            view! { <p class="notice" role="status">{t(locale, Msg::PasswordChanged)}</p> }
                .into_any(),
        ),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    view! {
        <Title text=t(locale, Msg::AccountTitle) />
        <div class="page page--narrow">
            <h1 class="page__title">{t(locale, Msg::AccountTitle)}</h1>
            {outcome}
            <form class="form" on:submit=on_submit>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::CurrentPasswordLabel)}</span>
                    <input class="form__input" type="password" name="current" autocomplete="current-password" required bind:value=current />
                </label>
                <NewPasswordFields new repeat />
                <div class="form__actions">
                    <button class="button" type="submit" disabled=move || action.pending().get()>
                        {t(locale, Msg::ChangePasswordButton)}
                    </button>
                </div>
            </form>
        </div>
    }
}

/// Setting a password with a one-time link (`/reset?token=…`); open to visitors.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let action = ServerAction::<ResetPassword>::new();
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if new.get_untracked() != repeat.get_untracked() {
            return;
        }
        action.dispatch(ResetPassword {
            token: query.with_untracked(|q| q.get("token").unwrap_or_default()),
            new: new.get_untracked(),
        });
    };
    let done = move || matches!(action.value().get(), Some(Ok(())));
    let failure = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <ErrorNotice error /> })
    };
    view! {
        <Title text=t(locale, Msg::ResetTitle) />
        <div class="page page--narrow">
            <h1 class="page__title">{t(locale, Msg::ResetTitle)}</h1>
            {failure}
            <Show
                when=move || !done()
                fallback=move || {
                    view! {
                        <p class="notice" role="status">{t(locale, Msg::PasswordSet)}</p>
                        <p><a class="button" href="/sign-in">{t(locale, Msg::SignInButton)}</a></p>
                    }
                }
            >
                <form class="form" on:submit=on_submit>
                    <NewPasswordFields new repeat />
                    <div class="form__actions">
                        <button class="button" type="submit" disabled=move || action.pending().get()>
                            {t(locale, Msg::SetPasswordButton)}
                        </button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
