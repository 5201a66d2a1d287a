//! A signal shown with a shape and a word, never by colour alone.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t},
    models::validation::Signal,
    providers::locale::use_locale,
};

/// Green, amber, red or no data, as a symbol, a word and a colour.
#[component]
pub fn SignalBadge(
    /// The signal; `None` when there is no value.
    signal: Option<Signal>,
) -> impl IntoView {
    let locale = use_locale();
    let (class, symbol, msg) = match signal {
        Some(Signal::Green) => ("signal signal--green", "●", Msg::SignalGreen),
        Some(Signal::Amber) => ("signal signal--amber", "▲", Msg::SignalAmber),
        Some(Signal::Red) => ("signal signal--red", "■", Msg::SignalRed),
        None => ("signal signal--none", "–", Msg::SignalNone),
    };
    view! {
        <span class=class>
            <span class="signal__symbol" aria-hidden="true">{symbol}</span>
            {t(locale, msg)}
        </span>
    }
}
