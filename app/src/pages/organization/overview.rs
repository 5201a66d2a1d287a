//! The organization overview: headline figures, then every region with its clusters,
//! member counts and leaders, searchable.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{
        layout::error_notice::LoadError,
        organization::{
            pulse_section::PulseSection, region_section::RegionSection, stat_tile::StatTile,
        },
    },
    i18n::{Msg, format_count, format_date, t},
    models::organization::OrganizationOverview,
    providers::locale::use_locale,
    server_fns::organization::get_organization_overview::get_organization_overview,
};

/// Regions and clusters of the organization.
///
/// The pulse sits between the headline figures and the directory but outside their
/// suspense: its resource is created once, with the page, and loads beside the overview's
/// (created inside the overview's `Suspend`, it was made, fetched and sent twice).
#[component]
pub fn OrganizationOverviewPage() -> impl IntoView {
    let locale = use_locale();
    let overview = Resource::new(|| (), |_| get_organization_overview());
    let on_retry = Callback::new(move |()| overview.refetch());
    view! {
        <Title text=t(locale, Msg::OrganizationTitle) />
        <div class="page">
            <Suspense fallback=move || view! { <OverviewSkeleton /> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(data) => view! { <OverviewHeadline data /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry /> }.into_any(),
                    }
                })}
            </Suspense>
            <PulseSection />
            // The error, if any, is said once, above.
            <Suspense>
                {move || Suspend::new(async move {
                    overview.await.ok().map(|data| view! { <ClusterDirectory data /> })
                })}
            </Suspense>
        </div>
    }
}

/// The page's header and headline figures.
#[component]
fn OverviewHeadline(data: OrganizationOverview) -> impl IntoView {
    let locale = use_locale();
    view! {
        <header class="page__header">
            <p class="page__eyebrow">{data.organization_name.clone()}</p>
            <h1 class="page__title">{t(locale, Msg::OrganizationTitle)}</h1>
            <p class="page__lead">{t(locale, Msg::OrganizationLead)}</p>
            <p class="page__meta">
                {t(locale, Msg::AsOf)} " " <time datetime=data.as_of.to_string()>{format_date(locale, data.as_of)}</time>
            </p>
        </header>
        <dl class="stats">
            <StatTile label=t(locale, Msg::StatRegions) value=format_count(locale, data.regions.len() as u64) />
            <StatTile label=t(locale, Msg::StatClusters) value=format_count(locale, data.cluster_count() as u64) />
            <StatTile label=t(locale, Msg::StatMembers) value=format_count(locale, u64::from(data.member_count())) />
        </dl>
    }
}

/// Every region with its clusters, and the search that narrows them.
#[component]
fn ClusterDirectory(data: OrganizationOverview) -> impl IntoView {
    let locale = use_locale();
    let query = RwSignal::new(String::new());
    // A memo: the ~450 row closures read the lower-cased query without recomputing it.
    let needle: Signal<String> = Memo::new(move |_| query.with(|q| q.trim().to_lowercase())).into();
    let texts: Vec<String> = data
        .regions
        .iter()
        .flat_map(|r| r.clusters.iter().map(|c| c.search_text()))
        .collect();
    let nothing_matches =
        move || needle.with(|n| !texts.iter().any(|text| text.contains(n.as_str())));
    let empty = data.regions.is_empty();
    let regions = data
        .regions
        .into_iter()
        .map(|region| view! { <RegionSection region needle /> })
        .collect_view();
    view! {
        <Show
            when=move || !empty
            fallback=move || view! { <p class="notice">{t(locale, Msg::EmptyOrganization)}</p> }
        >
            <div class="search">
                <label class="search__label" for="cluster-search">
                    {t(locale, Msg::SearchLabel)}
                </label>
                <input
                    id="cluster-search"
                    class="search__input"
                    type="search"
                    autocomplete="off"
                    placeholder=t(locale, Msg::SearchPlaceholder)
                    bind:value=query
                />
            </div>
        </Show>
        <p class="notice" role="status" hidden=move || empty || !nothing_matches()>
            {t(locale, Msg::NoMatch)}
        </p>
        <div class="regions">{regions}</div>
    }
}

/// Grey placeholders in the shape of the page while it loads.
#[component]
fn OverviewSkeleton() -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="skeleton" aria-busy="true">
            <span class="visually-hidden">{t(locale, Msg::Loading)}</span>
            <div class="skeleton__line skeleton__line--title"></div>
            <div class="skeleton__stats">
                <div class="skeleton__block"></div>
                <div class="skeleton__block"></div>
                <div class="skeleton__block"></div>
            </div>
            <div class="skeleton__card"></div>
            <div class="skeleton__card"></div>
        </div>
    }
}
