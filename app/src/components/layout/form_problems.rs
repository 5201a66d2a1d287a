//! What a form found wrong before sending, one line per field, shown above the fields.

use leptos::prelude::*;

/// The form's own problems as an alert; nothing while there are none.
#[component]
pub fn FormProblems(
    /// The problems, in the user's language.
    problems: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || !problems.get().is_empty()>
            <div class="notice notice--error" role="alert">
                <ul>
                    {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
