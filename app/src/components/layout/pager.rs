//! Previous / next links and the position, for lists too long for one page.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, page_of, t},
    providers::locale::use_locale,
};

/// "Previous · Page 2 of 5 · Next"; `href` makes the address of a page (from 0).
#[component]
pub fn Pager(
    /// The page shown, from 0.
    page: u32,
    /// How many pages there are (at least 1).
    pages: u32,
    /// The address of a page.
    href: Callback<u32, String>,
) -> impl IntoView {
    let locale = use_locale();
    let position = page_of(locale, page + 1, pages);
    let label = position.clone();
    view! {
        <nav class="pager" aria-label=label>
            {(page > 0)
                .then(|| {
                    view! {
                        <a class="pager__link" href=href.run(page - 1)>
                            {t(locale, Msg::PreviousPage)}
                        </a>
                    }
                })}
            <span class="pager__position">{position}</span>
            {(page + 1 < pages)
                .then(|| {
                    view! {
                        <a class="pager__link" href=href.run(page + 1)>
                            {t(locale, Msg::NextPage)}
                        </a>
                    }
                })}
        </nav>
    }
}
