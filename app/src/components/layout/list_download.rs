//! The CSV and XLSX download of a list, below it: the same rows the list shows, or for a
//! cluster's recorded facts (a leader's page) the cluster's facts of that kind in their
//! import columns.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, fact_kind_label, t},
    models::fact_import::FactFileKind,
    providers::locale::use_locale,
};

/// Links to `/exports/{of}/{list}.csv` and `.xlsx`, with the page's filters.
#[component]
pub fn ListDownload(
    /// The list's name in the download route: `users`, `imports`, `media_items`.
    list: &'static str,
    /// The download route: `lists` (a page's list, the default) or `facts` (a kind of
    /// facts, with `?cluster=…` on a leader's page).
    #[prop(default = "lists")]
    of: &'static str,
    /// The page's filters as a query string (`?region=2`), or nothing.
    #[prop(optional, into)]
    filters: Signal<String>,
) -> impl IntoView {
    let locale = use_locale();
    // A page may list more than one kind of facts: each download says which.
    let which = FactFileKind::from_key(list)
        .filter(|_| of == "facts")
        .map(|kind| format!("{} · ", fact_kind_label(locale, kind)));
    view! {
        <p class="muted list-download">
            {which}
            {t(locale, Msg::DownloadList)} " "
            <a
                href=move || format!("/exports/{of}/{list}.csv{}", filters.get())
                download=""
                data-testid=format!("{list}-csv")
            >
                "CSV"
            </a>
            " · "
            <a
                href=move || format!("/exports/{of}/{list}.xlsx{}", filters.get())
                download=""
                data-testid=format!("{list}-xlsx")
            >
                "XLSX"
            </a>
        </p>
    }
}
