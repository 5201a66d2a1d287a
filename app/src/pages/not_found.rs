//! The page for addresses that lead nowhere.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// Says there is no such page and leads back; answers 404 on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let locale = use_locale();
    view! {
        <Title text=t(locale, Msg::NotFoundTitle) />
        <div class="page">
            <h1>{t(locale, Msg::NotFoundTitle)}</h1>
            <p>{t(locale, Msg::NotFoundText)}</p>
            <A href="/">{t(locale, Msg::BackHome)}</A>
        </div>
    }
}
