//! The "validated values only" switch of every dashboard's filter row.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// A checkbox that sets `validated=1` in the URL when the filters are applied.
#[component]
pub fn ValidatedOnlySwitch(
    /// Whether only validated values count now.
    checked: bool,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <label class="form__check filters__check">
            <input type="checkbox" name="validated" value="1" checked=checked />
            <span>{t(locale, Msg::ValidatedOnlyLabel)}</span>
        </label>
    }
}
