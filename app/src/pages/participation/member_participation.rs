//! A member's participation for staff, the end of the drill-down organization → region →
//! cluster → member: the same page a member sees of themselves, with a breadcrumb back to
//! the cluster. Member and period live in the URL.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::layout::error_notice::LoadError,
    error::AppError,
    i18n::{Msg, t},
    pages::participation::my_participation::ParticipationBody,
    providers::locale::use_locale,
    server_fns::participation::get_member_participation::get_member_participation,
};

/// `/member?id=…&period=…`, staff only.
#[component]
pub fn MemberParticipationPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            query.with(|q| {
                (
                    q.get("id").and_then(|id| id.parse::<i32>().ok()),
                    q.get("period").filter(|p| !p.is_empty()),
                )
            })
        },
        |(member, period)| async move {
            match member {
                Some(member) => get_member_participation(member, period).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let on_retry = Callback::new(move |()| data.refetch());
    view! {
        <Title text=t(locale, Msg::MemberParticipationTitle) />
        <div class="page">
            <header class="page__header">
                <h1 class="page__title">{t(locale, Msg::MemberParticipationTitle)}</h1>
                <p class="page__lead">{t(locale, Msg::MemberParticipationLead)}</p>
            </header>
            <Suspense fallback=move || {
                view! {
                    <div class="skeleton" aria-busy="true" aria-label=t(locale, Msg::Loading)>
                        <div class="skeleton__line skeleton__line--title"></div>
                        <div class="skeleton__block"></div>
                    </div>
                }
            }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <ParticipationBody data /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
