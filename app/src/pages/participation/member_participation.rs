//! A member's participation for staff, the end of the drill-down organization → region →
//! cluster → member: the same page a member sees of themselves, with a breadcrumb back to
//! the cluster. Member and period live in the URL.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    components::layout::loaded_page::LoadedPage, error::AppError, i18n::Msg,
    pages::participation::my_participation::ParticipationBody,
    server_fns::participation::get_member_participation::get_member_participation,
};

/// `/member?id=…&period=…`, staff only.
#[component]
pub fn MemberParticipationPage() -> impl IntoView {
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
    view! {
        <LoadedPage
            title=Msg::MemberParticipationTitle
            lead=Msg::MemberParticipationLead
            data=data
            body=|data| view! { <ParticipationBody data /> }
        />
    }
}
