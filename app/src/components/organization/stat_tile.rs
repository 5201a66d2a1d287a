//! A headline number with its label.

use leptos::prelude::*;

/// One headline figure, e.g. "Active members 8,214".
#[component]
pub fn StatTile(
    /// What the number counts.
    label: &'static str,
    /// The number, already formatted for the locale.
    value: String,
) -> impl IntoView {
    view! {
        <div class="stat-tile">
            <dt class="stat-tile__label">{label}</dt>
            <dd class="stat-tile__value">{value}</dd>
        </div>
    }
}
