//! The header's light/dark switch: device, light, dark, round again. The choice is kept in
//! a cookie, so the server renders the next page in it and nothing flashes.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t, theme_mode_name},
    models::brand::ThemeMode,
    providers::{locale::use_locale, theme::use_theme},
};

/// A button showing the current mode; a click moves to the next.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let locale = use_locale();
    let theme = use_theme();
    let mode = theme.mode;
    let label = move || {
        format!(
            "{}: {}",
            t(locale, Msg::ColourTheme),
            theme_mode_name(locale, mode.get())
        )
    };
    let icon = move || match mode.get() {
        ThemeMode::Device => "◐",
        ThemeMode::Light => "☀",
        ThemeMode::Dark => "☾",
    };
    view! {
        <button
            class="theme-toggle button button--quiet"
            type="button"
            data-testid="theme-toggle"
            data-mode=move || mode.get().attribute().unwrap_or("device")
            title=label
            aria-label=label
            on:click=move |_| theme.set_mode(mode.get_untracked().next())
        >
            <span class="theme-toggle__icon" aria-hidden="true">{icon}</span>
            <span class="theme-toggle__text">{move || theme_mode_name(locale, mode.get())}</span>
        </button>
    }
}
