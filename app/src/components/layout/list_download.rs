//! The CSV and XLSX download of a list, below it: the same rows the list shows.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// Links to `/exports/lists/{list}.csv` and `.xlsx`, with the page's filters.
#[component]
pub fn ListDownload(
    /// The list's name in the download route: `users`, `imports`.
    list: &'static str,
    /// The page's filters as a query string (`?region=2`), or nothing.
    #[prop(optional, into)]
    filters: Signal<String>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <p class="muted list-download">
            {t(locale, Msg::DownloadList)} " "
            <a
                href=move || format!("/exports/lists/{list}.csv{}", filters.get())
                download=""
                data-testid=format!("{list}-csv")
            >
                "CSV"
            </a>
            " · "
            <a
                href=move || format!("/exports/lists/{list}.xlsx{}", filters.get())
                download=""
                data-testid=format!("{list}-xlsx")
            >
                "XLSX"
            </a>
        </p>
    }
}
