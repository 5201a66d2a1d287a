//! Hydrates the MemberPulse app in the browser.

/// The entry point the generated JS calls once the WASM is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Logging is best effort: a second init (hot reload) is harmless.
    let _ = console_log::init_with_level(log::Level::Info);
    console_error_panic_hook::set_once();
    let Some(body) = leptos::prelude::document().body() else {
        log::error!("the page has no body to hydrate");
        return;
    };
    // Pages are lazily loaded routes: the chunk of the page in view is fetched before the
    // server's HTML is hydrated, so hydration runs as a task.
    wasm_bindgen_futures::spawn_local(async move {
        leptos::mount::hydrate_from_async(body.clone(), app::App)
            .await
            .forget();
        // Lets end2end tests (and curious users) know the page is interactive now.
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
