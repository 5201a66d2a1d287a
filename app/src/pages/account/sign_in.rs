//! The sign-in page: e-mail and password, then back to the page that asked for it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::layout::error_notice::ErrorNotice,
    i18n::{Msg, t},
    providers::locale::use_locale,
    server_fns::account::sign_in::SignIn,
};

/// Signs a user in; works without JavaScript (a plain form post) and with it.
#[component]
pub fn SignInPage() -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<SignIn>::new();
    let next = move || {
        use_query_map()
            .read()
            .get("next")
            .unwrap_or_else(|| "/".to_owned())
    };
    let failure = move || action.value().get().and_then(Result::err);
    view! {
        <Title text=t(locale, Msg::SignInTitle) />
        <div class="page page--narrow">
            <h1 class="page__title">{t(locale, Msg::SignInTitle)}</h1>
            <p class="page__lead">{t(locale, Msg::SignInLead)}</p>
            {move || failure().map(|error| view! { <ErrorNotice error /> })}
            <ActionForm action attr:class="form">
                <input type="hidden" name="next" value=next />
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::EmailLabel)}</span>
                    <input
                        class="form__input"
                        type="email"
                        name="email"
                        autocomplete="username"
                        required
                        maxlength="254"
                    />
                </label>
                <label class="form__field">
                    <span class="form__label">{t(locale, Msg::PasswordLabel)}</span>
                    <input
                        class="form__input"
                        type="password"
                        name="password"
                        autocomplete="current-password"
                        required
                        maxlength="128"
                    />
                </label>
                <button class="button" type="submit" disabled=move || action.pending().get()>
                    {t(locale, Msg::SignInButton)}
                </button>
            </ActionForm>
        </div>
    }
}
