//! Header with the brand and main navigation, the page's main area and the footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// The frame of every page: skip link, brand header, navigation and main area.
#[component]
pub fn AppShell(
    /// The page.
    children: Children,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <a class="skip-link" href="#main">
            {t(locale, Msg::SkipToContent)}
        </a>
        <header class="app-header">
            <div class="app-header__inner">
                <A href="/" attr:class="brand">
                    <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
                        <rect width="32" height="32" rx="8" />
                        <path d="M6 18h5l3-8 4 14 3-6h5" />
                    </svg>
                    <span class="brand__name">"MemberPulse"</span>
                </A>
                <nav class="main-nav" aria-label=t(locale, Msg::MainNavigation)>
                    <A href="/" exact=true attr:class="main-nav__link">
                        {t(locale, Msg::NavOrganization)}
                    </A>
                </nav>
            </div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
    }
}
