//! The CSV and XLSX download of a list, below it: the same rows the list shows.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// Links to `/exports/lists/{list}.csv` and `.xlsx`.
#[component]
pub fn ListDownload(
    /// The list's name in the download route: `users`, `imports`.
    list: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <p class="muted list-download">
            {t(locale, Msg::DownloadList)} " "
            <a href=format!("/exports/lists/{list}.csv") download="" data-testid=format!("{list}-csv")>
                "CSV"
            </a>
            " · "
            <a href=format!("/exports/lists/{list}.xlsx") download="" data-testid=format!("{list}-xlsx")>
                "XLSX"
            </a>
        </p>
    }
}
