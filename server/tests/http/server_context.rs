//! Server functions read what they need of the request (the user, the database, the
//! locale, the kept period values) before their first await. Leptos owners hold their
//! parents weakly: during a streamed render, the owner that holds the request and the
//! services can be dropped while a resource's future is still in flight, and a read
//! after an await then finds nothing (the overview's pulse failed so in the browser
//! tests). Each page's function runs here with that owner dropped after its first poll,
//! and must answer exactly as it does with the owner alive.

use std::{future::Future, pin::pin};

use app::{
    error::AppError,
    models::{
        account::CurrentUser, dashboard::DashboardQuery, organization_pulse::PulseQuery,
        scorecard::ScorecardQuery,
    },
    server_fns as f,
};
use axum::http::{Request, header, request::Parts};
use domain::{
    account::Role,
    entity::{dashboard, membership},
    sea_orm::{DatabaseConnection, EntityTrait, QueryOrder},
};
use leptos::prelude::{Owner, provide_context};
use leptos::reactive::computed::ScopedFuture;
use serde::Serialize;
use server::{page_function, state::AppState};

use crate::support::{app_state, apps_with_kpis, session_cookie, session_user};

/// The signed-in user of `role`, as the session layer puts it into a request.
async fn user_of(db: &DatabaseConnection, role: Role) -> CurrentUser {
    let cookie = session_cookie(db, role).await;
    CurrentUser::from(session_user(db, &cookie).await)
}

/// A German request by `user`: a locale read too late would answer in English.
fn request_by(user: &CurrentUser) -> Parts {
    let (mut parts, ()) = Request::builder()
        .uri("/")
        .header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9")
        .body(())
        .expect("a request")
        .into_parts();
    parts.extensions.insert(user.clone());
    parts
}

/// Runs `function` as a page's resource does: in a child of the owner that holds the
/// request and the services. With `drop_parent`, that owner goes after the first poll.
/// Returns the answer and whether the first poll awaited (else nothing was dropped).
async fn run<T, Fut: Future<Output = T>>(
    state: &AppState,
    parts: Parts,
    drop_parent: bool,
    function: impl FnOnce() -> Fut,
) -> (T, bool) {
    let mut parent = Some(Owner::new());
    let child = parent.as_ref().expect("the parent").with(|| {
        provide_context(parts);
        page_function::provide_services(state);
        provide_context(leptos_axum::ResponseOptions::default());
        Owner::new()
    });
    let mut future = pin!(child.with(|| ScopedFuture::new(function())));
    let mut awaited = None;
    let answer = std::future::poll_fn(|cx| {
        let poll = future.as_mut().poll(cx);
        if awaited.is_none() {
            awaited = Some(poll.is_pending());
            if drop_parent {
                parent = None;
            }
        }
        poll
    })
    .await;
    (answer, awaited.unwrap_or_default())
}

/// Calls `function` with the parent owner dropped and alive; both must answer, alike.
async fn alike<T: Serialize, Fut: Future<Output = Result<T, AppError>>>(
    state: &AppState,
    user: &CurrentUser,
    name: &str,
    function: impl Fn() -> Fut,
) {
    // A query can be answered before its first poll ends (PostgreSQL on loopback), and
    // then nothing is dropped mid-flight: tried again until something was.
    let mut tries = 0;
    let dropped = loop {
        let (answer, awaited) = run(state, request_by(user), true, &function).await;
        if awaited {
            break answer;
        }
        tries += 1;
        assert!(
            tries < 20,
            "{name} never awaited: the test would prove nothing"
        );
    };
    let (alive, _) = run(state, request_by(user), false, &function).await;
    let dropped = dropped.unwrap_or_else(|e| panic!("{name}, parent dropped: {e:?}"));
    let alive = alive.unwrap_or_else(|e| panic!("{name}, parent alive: {e:?}"));
    assert_eq!(
        serde_json::to_value(&dropped).expect("JSON"),
        serde_json::to_value(&alive).expect("JSON"),
        "{name}: the answer changed with the parent dropped"
    );
}

#[tokio::test]
async fn page_functions_answer_alike_when_the_rendering_owner_is_dropped_mid_flight() {
    for (db, _) in apps_with_kpis().await {
        let state = app_state(&db.conn);
        let staff = user_of(&db.conn, Role::Staff).await;
        let leader = user_of(&db.conn, Role::Leader).await;
        let member = user_of(&db.conn, Role::Member).await;
        let cluster = leader.cluster.expect("a leader's cluster").0;
        let someone = membership::Entity::find()
            .order_by_asc(membership::Column::MemberId)
            .one(&db.conn)
            .await
            .expect("query")
            .expect("a member")
            .member_id;
        let shipped = dashboard::Entity::find()
            .order_by_asc(dashboard::Column::Id)
            .one(&db.conn)
            .await
            .expect("query")
            .expect("a shipped dashboard")
            .id;
        let year = || Some("2025".to_owned());
        let s = &state;

        alike(s, &staff, "pulse", || {
            f::organization::get_organization_pulse::get_organization_pulse(PulseQuery {
                period: year(),
                validated_only: false,
            })
        })
        .await;
        for user in [&staff, &leader, &member] {
            alike(s, user, "scorecard", || {
                f::scorecard::get_cluster_scorecard::get_cluster_scorecard(ScorecardQuery {
                    cluster: None,
                    period: year(),
                    validated_only: false,
                    metric: None,
                })
            })
            .await;
        }
        alike(s, &staff, "cluster dashboard", || {
            f::dashboard::get_dashboard::get_dashboard(DashboardQuery {
                id: Some(shipped),
                region: None,
                cluster: Some(cluster.to_string()),
                period: year(),
                validated_only: false,
            })
        })
        .await;
        alike(s, &member, "own participation", || {
            f::participation::get_my_participation::get_my_participation(year())
        })
        .await;
        alike(s, &staff, "a member's participation", || {
            f::participation::get_member_participation::get_member_participation(someone, year())
        })
        .await;
        for user in [&staff, &leader] {
            alike(s, user, "plan", || {
                f::plan::get_cluster_plan::get_cluster_plan(Some(cluster), None)
            })
            .await;
            alike(s, user, "board", || {
                f::board::get_board::get_board(Some(cluster))
            })
            .await;
            alike(s, user, "goals", || {
                f::goal::get_goals::get_goals(Some(cluster), None)
            })
            .await;
            alike(s, user, "media", || {
                f::media::get_media::get_media(Some(cluster))
            })
            .await;
            alike(s, user, "programs", || {
                f::program::get_programs::get_programs(Some(cluster))
            })
            .await;
            alike(s, user, "community work", || {
                f::community_work::get_community_work::get_community_work(Some(cluster))
            })
            .await;
            alike(s, user, "committee calls", || {
                f::committee_call::get_committee_calls::get_committee_calls(Some(cluster))
            })
            .await;
            alike(s, user, "awards", || {
                f::award::get_awards::get_awards(Some(cluster))
            })
            .await;
        }
    }
}
