//! A value's validation status.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t},
    models::validation::ValueStatus,
    providers::locale::use_locale,
};

/// The status as a labelled badge.
#[component]
pub fn StatusBadge(
    /// The status.
    status: ValueStatus,
) -> impl IntoView {
    let locale = use_locale();
    let msg = match status {
        ValueStatus::Computed => Msg::StatusComputed,
        ValueStatus::Stale => Msg::StatusStale,
        ValueStatus::Validated => Msg::StatusValidated,
        ValueStatus::Rejected => Msg::StatusRejected,
        ValueStatus::Overridden => Msg::StatusOverridden,
        ValueStatus::NotApplicable => Msg::StatusNotApplicable,
    };
    view! { <span class=format!("status status--{}", status.as_str())>{t(locale, msg)}</span> }
}
