//! The frame of a page that shows one loaded thing: its title and lead, a skeleton while
//! the data loads, the body once it has, and the error (with a retry) if it cannot.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Serialize, de::DeserializeOwned};

use crate::{
    components::layout::error_notice::LoadError,
    error::AppError,
    i18n::{Msg, t},
    providers::locale::use_locale,
};

/// A page around one resource.
#[component]
pub fn LoadedPage<T, B, V>(
    /// The page's title, also the document's.
    title: Msg,
    /// One sentence under the title.
    lead: Msg,
    /// The page's data.
    data: Resource<Result<T, AppError>>,
    /// Renders the data.
    body: B,
    /// What shows while the data loads; a title line and a block when left out.
    #[prop(optional, into)]
    skeleton: Option<ViewFn>,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    B: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let locale = use_locale();
    let on_retry = Callback::new(move |()| data.refetch());
    let skeleton = skeleton.unwrap_or_else(|| ViewFn::from(PageSkeleton));
    view! {
        <Title text=t(locale, title) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, title)}</h1>
                <p class="page__lead">{t(locale, lead)}</p>
            </header>
            <Suspense fallback=move || skeleton.run()>
                {move || {
                    let body = body.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(data) => body(data).into_any(),
                            Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// Grey placeholders while a page's data loads: a title line and a block.
#[component]
pub fn PageSkeleton() -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="skeleton" aria-busy="true" aria-label=t(locale, Msg::Loading)>
            <div class="skeleton__line skeleton__line--title"></div>
            <div class="skeleton__block"></div>
        </div>
    }
}
