//! Hydrates the MemberPulse app in the browser.

/// The entry point the generated JS calls once the WASM is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Logging is best effort: a second init (hot reload) is harmless.
    let _ = console_log::init_with_level(log::Level::Info);
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Lets end2end tests (and curious users) know the page is interactive now.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
