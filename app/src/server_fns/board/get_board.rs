//! Reading a cluster's board.

use leptos::prelude::*;

use crate::{error::AppError, models::board::BoardPage};

/// The board of `cluster` (a leader's own when left out; staff: the first of their
/// regions) with its members to choose from. Staff may read the clusters of their regions,
/// a leader only theirs.
#[server(endpoint = "board/get")]
pub async fn get_board(cluster: Option<i32>) -> Result<BoardPage, AppError> {
    use domain::{cluster_board::ClusterBoard, organization::OrganizationQuery};

    use crate::{
        i18n::format_date,
        models::{
            board::{SeatRow, TermRow},
            validation::Choice,
        },
    };

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    let scope = crate::server_fns::cluster_choice::leader_scope(&user, &db, cluster).await?;
    let today = chrono::Local::now().date_naive();
    let seats = ClusterBoard::of_cluster(&db, scope.cluster, today)
        .await?
        .into_iter()
        .map(|seat| SeatRow {
            id: seat.seat.id,
            title: seat.seat.title,
            leads: seat.seat.is_leader,
            has_history: seat.terms > 0,
            term: seat.term.map(|held| TermRow {
                id: held.term.id,
                holder: held.holder,
                starts_on: held.term.start_date.format("%Y-%m-%d").to_string(),
                starts: format_date(locale, held.term.start_date),
                ends: held.term.end_date.map(|day| format_date(locale, day)),
                upcoming: held.term.start_date > today,
                successor: held.successor,
            }),
        })
        .collect();
    let members = OrganizationQuery::members_of(&db, scope.cluster.0, today)
        .await?
        .into_iter()
        .map(|m| Choice {
            value: m.member_id.to_string(),
            label: format!("{} {}", m.first_name, m.last_name),
        })
        .collect();
    Ok(BoardPage {
        cluster: scope.cluster,
        cluster_label: scope.label,
        clusters: scope.clusters,
        seats,
        members,
        today: today.format("%Y-%m-%d").to_string(),
    })
}
