//! The user's locale: from `Accept-Language` on the server, from `<html lang>` (which the
//! server wrote) in the browser, so both render the same text.

use leptos::prelude::*;

use crate::i18n::Locale;

/// Puts the request's locale into context.
pub fn provide_locale() {
    provide_context(detect());
}

/// The locale in context; English when none was provided.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The locale of the request being served (server functions have no app context).
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    detect()
}

#[cfg(feature = "ssr")]
fn detect() -> Locale {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            let header = parts.headers.get(http::header::ACCEPT_LANGUAGE)?;
            header.to_str().ok().map(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn detect() -> Locale {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .map_or_else(Locale::default, |tag| Locale::from_tag(&tag))
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn detect() -> Locale {
    Locale::default()
}
