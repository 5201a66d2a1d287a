//! The cluster choice of a leader's recording page, for staff: a GET form, so the chosen
//! cluster lands in the URL; left out for a leader, who has only their own.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::{
    components::layout::filter_select::FilterSelect,
    i18n::{Msg, t},
    models::validation::Choice,
    providers::locale::use_locale,
};

/// Picks the cluster a page works on; hidden when there is nothing to pick.
#[component]
pub fn ClusterPicker(
    /// The page's path.
    action: &'static str,
    /// The clusters to pick from (empty for a leader).
    clusters: Vec<Choice>,
    /// The cluster shown now.
    #[prop(into)]
    current: String,
) -> impl IntoView {
    let locale = use_locale();
    let hidden = clusters.is_empty();
    view! {
        <Form method="GET" action=action attr:class="filters" attr:hidden=hidden>
            <FilterSelect
                label=t(locale, Msg::FilterCluster)
                name="cluster"
                choices=clusters
                current=current
            />
            <button class="button" type="submit">{t(locale, Msg::ApplyFilters)}</button>
        </Form>
    }
}
