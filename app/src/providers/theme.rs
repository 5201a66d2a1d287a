//! The brand and the reader's light or dark choice, shared by every page: the header shows
//! the brand, the theme toggle changes the mode, the brand editor saves, and charts redraw
//! whenever colours change (ECharts paints resolved colours, not CSS variables).

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::brand::{BrandTheme, ThemeMode},
    server_fns::brand::get_brand_theme::get_brand_theme,
};

/// The theme state in context.
#[derive(Clone, Copy)]
pub struct Theme {
    /// Light, dark, or as the device says.
    pub mode: RwSignal<ThemeMode>,
    /// The organization's brand.
    pub brand: Resource<Result<BrandTheme, AppError>>,
    /// Bumped when the brand was saved: the brand is read again.
    brand_version: RwSignal<u32>,
    /// Bumped whenever the colours on screen changed; charts redraw.
    colours: RwSignal<u32>,
}

impl Theme {
    /// Switches the mode at once and remembers it for the next visit.
    pub fn set_mode(self, mode: ThemeMode) {
        self.mode.set(mode);
        #[cfg(feature = "hydrate")]
        browser::apply_mode(mode);
        self.colours.update(|n| *n += 1);
    }

    /// Reads the brand again and reloads its stylesheet, after a save.
    pub fn brand_changed(self) {
        self.brand_version.update(|n| *n += 1);
        #[cfg(feature = "hydrate")]
        browser::reload_stylesheet(self.brand_version.get_untracked(), self.colours);
    }

    /// Tracks colour changes (for charts, which must repaint).
    pub fn colours_revision(self) -> u32 {
        self.colours.get()
    }
}

/// Puts the theme into context; called once by the app.
pub fn provide_theme() -> Theme {
    let brand_version = RwSignal::new(0);
    let theme = Theme {
        mode: RwSignal::new(detect()),
        brand: Resource::new(move || brand_version.get(), |_| get_brand_theme()),
        brand_version,
        colours: RwSignal::new(0),
    };
    #[cfg(feature = "hydrate")]
    browser::follow_device(theme.colours);
    provide_context(theme);
    theme
}

/// The theme in context.
pub fn use_theme() -> Theme {
    expect_context::<Theme>()
}

#[cfg(feature = "ssr")]
fn detect() -> ThemeMode {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            let header = parts.headers.get(http::header::COOKIE)?;
            header.to_str().ok().map(ThemeMode::from_cookie_header)
        })
        .unwrap_or_default()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn detect() -> ThemeMode {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("data-theme"))
        .map_or_else(ThemeMode::default, |value| {
            ThemeMode::from_attribute(&value)
        })
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn detect() -> ThemeMode {
    ThemeMode::default()
}

#[cfg(feature = "hydrate")]
mod browser {
    //! The browser's half: the `<html data-theme>` attribute, the cookie, the brand
    //! stylesheet link and the device's colour-scheme setting.

    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, closure::Closure};

    use crate::models::brand::ThemeMode;

    /// One year: the choice is a preference, not a session.
    const COOKIE_MAX_AGE: u32 = 365 * 24 * 60 * 60;

    pub(super) fn apply_mode(mode: ThemeMode) {
        let document = document();
        if let Some(html) = document.document_element() {
            let _ = match mode.attribute() {
                Some(value) => html.set_attribute("data-theme", value),
                None => html.remove_attribute("data-theme"),
            };
        }
        let cookie = match mode.attribute() {
            Some(value) => format!(
                "{}={value}; Path=/; Max-Age={COOKIE_MAX_AGE}; SameSite=Lax",
                ThemeMode::COOKIE
            ),
            None => format!("{}=; Path=/; Max-Age=0; SameSite=Lax", ThemeMode::COOKIE),
        };
        if let Ok(html) = document.dyn_into::<web_sys::HtmlDocument>() {
            let _ = html.set_cookie(&cookie);
        }
    }

    /// Points the brand stylesheet at a new version; charts repaint once it has loaded
    /// (see [`follow_device`]).
    pub(super) fn reload_stylesheet(version: u32, colours: RwSignal<u32>) {
        match document().get_element_by_id("brand-theme") {
            Some(link) => {
                let _ = link.set_attribute("href", &format!("/theme.css?v={version}"));
            }
            None => colours.update(|n| *n += 1),
        }
    }

    /// Repaints charts when the device switches between light and dark, and when the
    /// brand stylesheet has loaded a new version.
    pub(super) fn follow_device(colours: RwSignal<u32>) {
        let changed = Closure::<dyn Fn()>::new(move || {
            colours.try_update(|n| *n += 1);
        });
        if let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") {
            let _ =
                query.add_event_listener_with_callback("change", changed.as_ref().unchecked_ref());
        }
        if let Some(link) = document().get_element_by_id("brand-theme") {
            let _ = link.add_event_listener_with_callback("load", changed.as_ref().unchecked_ref());
        }
        // The listeners live as long as the page.
        changed.forget();
    }
}
