//! One region of the overview: its clusters as a table (cards on a phone), filtered live
//! by the search.

use leptos::prelude::*;

use crate::{
    i18n::{Msg, format_count, t},
    models::organization::RegionGroup,
    providers::locale::use_locale,
};

/// A region with its clusters; rows that do not match `needle` are hidden.
#[component]
pub fn RegionSection(
    /// The region.
    region: RegionGroup,
    /// The lower-cased search text.
    #[prop(into)]
    needle: Signal<String>,
) -> impl IntoView {
    let locale = use_locale();
    let texts: Vec<String> = region.clusters.iter().map(|c| c.search_text()).collect();
    let any_match = move || needle.with(|n| texts.iter().any(|text| text.contains(n.as_str())));
    let heading_id = format!("region-{}", region.code.to_lowercase());
    let labelled_by = heading_id.clone();
    let region_href = format!("/region?region={}", region.id.0);
    let summary = format!(
        "{} {} · {} {}",
        format_count(locale, region.clusters.len() as u64),
        t(locale, Msg::ClustersUnit),
        format_count(locale, u64::from(region.member_count())),
        t(locale, Msg::MembersUnit),
    );
    let rows = region
        .clusters
        .into_iter()
        .map(|cluster| {
            let text = cluster.search_text();
            let code = cluster.code.clone();
            let scorecard = format!("/scorecard?cluster={}", cluster.id.0);
            let hidden = move || needle.with(|n| !text.contains(n.as_str()));
            let leader = match cluster.leader {
                Some(name) => view! { <span>{name}</span> }.into_any(),
                None => view! { <span class="muted">{t(locale, Msg::NoLeader)}</span> }.into_any(),
            };
            view! {
                <tr class="cluster-table__row" hidden=hidden data-cluster=code>
                    <th scope="row" data-label=t(locale, Msg::ColumnCluster)>
                        <a class="cluster-table__name" href=scorecard>{cluster.name}</a>
                        <span class="cluster-table__code">{cluster.code}</span>
                    </th>
                    <td data-label=t(locale, Msg::ColumnCity)>{cluster.city}</td>
                    <td class="numeric" data-label=t(locale, Msg::ColumnMembers)>
                        {format_count(locale, u64::from(cluster.member_count))}
                    </td>
                    <td data-label=t(locale, Msg::ColumnLeader)>{leader}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="region card" aria-labelledby=labelled_by hidden=move || !any_match()>
            <header class="region__header">
                <h2 id=heading_id class="region__name">
                    <a href=region_href>{region.name}</a>
                </h2>
                <p class="region__summary">{summary}</p>
            </header>
            <table class="cluster-table">
                <thead>
                    <tr>
                        <th scope="col">{t(locale, Msg::ColumnCluster)}</th>
                        <th scope="col">{t(locale, Msg::ColumnCity)}</th>
                        <th scope="col" class="numeric">{t(locale, Msg::ColumnMembers)}</th>
                        <th scope="col">{t(locale, Msg::ColumnLeader)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
