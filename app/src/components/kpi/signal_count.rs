//! One signal's count in a summary list (`<dl>`): the badge, then the number.

use leptos::prelude::*;

use crate::{
    components::kpi::signal_badge::SignalBadge, i18n::format_count, models::validation::Signal,
    providers::locale::use_locale,
};

/// How many numbers have `signal` (`None`: how many have no data).
#[component]
pub fn SignalCount(
    /// The signal counted.
    signal: Option<Signal>,
    /// How many.
    count: u32,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="scorecard__count">
            <dt>
                <SignalBadge signal />
            </dt>
            <dd>{format_count(locale, u64::from(count))}</dd>
        </div>
    }
}
