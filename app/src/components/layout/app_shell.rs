//! Header with the brand and main navigation, the page's main area and the footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::layout::theme_toggle::ThemeToggle,
    i18n::{Msg, t},
    models::account::CurrentUser,
    models::brand::BrandTheme,
    providers::{locale::use_locale, theme::use_theme},
    server_fns::account::{get_current_user::get_current_user, sign_out::SignOut},
};

/// The frame of every page: skip link, brand header, navigation and main area.
#[component]
pub fn AppShell(
    /// The page.
    children: Children,
) -> impl IntoView {
    let locale = use_locale();
    let theme = use_theme();
    // Asked again on every navigation: signing in or out changes who is there.
    let location = leptos_router::hooks::use_location();
    let user = Resource::new(move || location.pathname.get(), |_| get_current_user());
    view! {
        <a class="skip-link" href="#main">
            {t(locale, Msg::SkipToContent)}
        </a>
        <header class="app-header">
            <div class="app-header__inner">
                <A href="/" attr:class="brand">
                    <Suspense fallback=|| view! { <ProductMark /> }>
                        {move || Suspend::new(async move {
                            match theme.brand.await {
                                Ok(brand) => view! { <BrandMark brand /> }.into_any(),
                                Err(_) => view! { <ProductMark /> <span class="brand__name">"MemberPulse"</span> }.into_any(),
                            }
                        })}
                    </Suspense>
                </A>
                <Suspense>
                    {move || Suspend::new(async move {
                        user.await.ok().flatten().map(|user| view! { <SignedInNavigation user /> })
                    })}
                </Suspense>
                <ThemeToggle />
            </div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
    }
}

/// The product's mark, shown until an organization uploads its logo.
#[component]
fn ProductMark() -> impl IntoView {
    view! {
        <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" />
            <path d="M6 18h5l3-8 4 14 3-6h5" />
        </svg>
    }
}

/// The organization's logo (or the product's mark) and name.
#[component]
fn BrandMark(
    /// The brand.
    brand: BrandTheme,
) -> impl IntoView {
    let mark = match brand.logo {
        // The name beside it says who this is; the image itself is decoration.
        Some(src) => view! { <img class="brand__logo" src=src alt="" height="32" /> }.into_any(),
        None => view! { <ProductMark /> }.into_any(),
    };
    view! {
        {mark}
        <span class="brand__name" data-testid="brand-name">{brand.organization_name}</span>
    }
}

/// The navigation the user's role opens, with who is signed in and a sign-out button.
#[component]
fn SignedInNavigation(
    /// The signed-in user.
    user: CurrentUser,
) -> impl IntoView {
    let locale = use_locale();
    let sign_out = ServerAction::<SignOut>::new();
    let staff = user.role.is_staff();
    let plans = staff || user.role == crate::models::account::Role::Leader;
    let member = user.member.is_some();
    let admin = user.role == crate::models::account::Role::Admin;
    // Importing changes every region: staff limited to regions do not import.
    let imports = staff && user.whole_organization();
    #[cfg(feature = "hydrate")]
    {
        let location = leptos_router::hooks::use_location();
        Effect::new(move |_| {
            location.pathname.track();
            show_current_link();
        });
    }
    view! {
        <nav class="main-nav" aria-label=t(locale, Msg::MainNavigation)>
            <Show when=move || staff>
                <A href="/" exact=true attr:class="main-nav__link">
                    {t(locale, Msg::NavOrganization)}
                </A>
                <A href="/region" attr:class="main-nav__link">
                    {t(locale, Msg::NavRegionView)}
                </A>
                <A href="/explorer" attr:class="main-nav__link">
                    {t(locale, Msg::NavExplorer)}
                </A>
                <A href="/dashboards" attr:class="main-nav__link">
                    {t(locale, Msg::NavDashboards)}
                </A>
                <A href="/validation" attr:class="main-nav__link">
                    {t(locale, Msg::NavValidation)}
                </A>
                <A href="/metrics" attr:class="main-nav__link">
                    {t(locale, Msg::NavMetrics)}
                </A>
                <A href="/self-reports" attr:class="main-nav__link">
                    {t(locale, Msg::NavReportQueue)}
                </A>
            </Show>
            <Show when=move || imports>
                <A href="/import" attr:class="main-nav__link">
                    {t(locale, Msg::NavImport)}
                </A>
            </Show>
            <Show when=move || admin>
                <A href="/admin/users" attr:class="main-nav__link">
                    {t(locale, Msg::NavUsers)}
                </A>
                <A href="/admin/brand" attr:class="main-nav__link">
                    {t(locale, Msg::NavBrand)}
                </A>
                <A href="/admin/settings" attr:class="main-nav__link">
                    {t(locale, Msg::NavSettings)}
                </A>
                <A href="/admin/api-tokens" attr:class="main-nav__link">
                    {t(locale, Msg::NavApiTokens)}
                </A>
            </Show>
            <A href="/scorecard" attr:class="main-nav__link">
                {t(locale, Msg::NavScorecard)}
            </A>
            <A href="/leaderboard" attr:class="main-nav__link">
                {t(locale, Msg::NavLeaderboard)}
            </A>
            <Show when=move || member>
                <A href="/me/participation" attr:class="main-nav__link">
                    {t(locale, Msg::NavParticipation)}
                </A>
                <A href="/me/reports" attr:class="main-nav__link">
                    {t(locale, Msg::NavMyReports)}
                </A>
            </Show>
            <Show when=move || plans>
                <A href="/plan" attr:class="main-nav__link">
                    {t(locale, Msg::NavPlan)}
                </A>
                <A href="/committee-calls" attr:class="main-nav__link">
                    {t(locale, Msg::NavCalls)}
                </A>
                <A href="/media" attr:class="main-nav__link">
                    {t(locale, Msg::NavMedia)}
                </A>
                <A href="/awards" attr:class="main-nav__link">
                    {t(locale, Msg::NavAwards)}
                </A>
                <A href="/goals" attr:class="main-nav__link">
                    {t(locale, Msg::NavGoals)}
                </A>
                <A href="/board" attr:class="main-nav__link">
                    {t(locale, Msg::NavBoard)}
                </A>
                <A href="/programs" attr:class="main-nav__link">
                    {t(locale, Msg::NavPrograms)}
                </A>
                <A href="/community-work" attr:class="main-nav__link">
                    {t(locale, Msg::NavCommunityWork)}
                </A>
            </Show>
        </nav>
        <div class="account-menu">
            <A href="/account" attr:class="account-menu__name" attr:title=user.email>
                {user.display_name.clone()}
            </A>
            <ActionForm action=sign_out attr:class="account-menu__form">
                <button class="button button--quiet" type="submit">
                    {t(locale, Msg::SignOutButton)}
                </button>
            </ActionForm>
        </div>
    }
}

/// Scrolls the navigation sideways so the current page's link is in its middle: on a
/// phone the links are one row wider than the screen.
#[cfg(feature = "hydrate")]
fn show_current_link() {
    use wasm_bindgen::JsCast;

    let Some(link) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(".main-nav [aria-current=\"page\"]")
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(nav) = link.parent_element() else {
        return;
    };
    if nav.scroll_width() > nav.client_width() {
        nav.set_scroll_left(link.offset_left() - (nav.client_width() - link.offset_width()) / 2);
    }
}
