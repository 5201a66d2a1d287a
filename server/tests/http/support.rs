//! A router over a small demo organization, on every test database.

use app::auth::SESSION_COOKIE;
use axum::{
    Router,
    body::Body,
    http::{Request, header},
    response::Response,
};
use chrono::NaiveDate;
use domain::{
    account::{Accounts, NewUser, Role},
    demo::{self, DemoConfig},
    entity::{cluster, membership},
    scratch_database::{self, ScratchDatabase},
    sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder},
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use server::{router, state::AppState};
use tower::ServiceExt;

/// The small organization the HTTP tests look at.
pub fn small_demo() -> DemoConfig {
    DemoConfig {
        members: 300,
        clusters: 12,
        regions: 3,
        years: 2,
        seed: 11,
        until: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date"),
    }
}

/// Each test database, loaded with the small demo, with a router over it.
pub async fn apps() -> Vec<(ScratchDatabase, Router)> {
    let mut all = Vec::new();
    for db in scratch_database::for_tests().await.expect("test databases") {
        let data = demo::generate(&small_demo(), &mut |_| {}).expect("generates");
        demo::write(&db.conn, data, &mut |_, _| {})
            .await
            .expect("writes");
        let app = router::app(app_state(&db.conn));
        all.push((db, app));
    }
    all
}

/// Each test database with the small demo and its KPIs computed, with a router over it.
pub async fn apps_with_kpis() -> Vec<(ScratchDatabase, Router)> {
    let all = apps().await;
    for (db, _) in &all {
        domain::kpi_engine::KpiEngine::recompute_all(&db.conn, small_demo().until)
            .await
            .expect("KPIs computed");
    }
    all
}

/// The server's state over `db`, as the tests' routers get it.
pub fn app_state(db: &DatabaseConnection) -> AppState {
    AppState {
        leptos_options: leptos_options(),
        db: db.clone(),
        sign_in_limiter: Default::default(),
        period_signals: Default::default(),
    }
}

/// Leptos settings for an app that is not run by cargo-leptos.
pub fn leptos_options() -> LeptosOptions {
    server::cli::built_in_leptos_options()
}

/// Sends `request` and returns the response with its body as bytes.
pub async fn send_bytes(app: &Router, request: Request<Body>) -> (Response<()>, Vec<u8>) {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("a body").to_bytes();
    (Response::from_parts(parts, ()), bytes.to_vec())
}

/// Sends `request` and returns the response with its body as text.
pub async fn send(app: &Router, request: Request<Body>) -> (Response<()>, String) {
    let (response, bytes) = send_bytes(app, request).await;
    (response, String::from_utf8_lossy(&bytes).into_owned())
}

/// A GET request.
pub fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).expect("a request")
}

/// Creates a user of `role` (a leader of the first cluster, a member of it) and signs
/// them in; returns the `Cookie` header value of their session.
pub async fn session_cookie(db: &DatabaseConnection, role: Role) -> String {
    let now = chrono::Utc::now().naive_utc();
    let email = format!("{role:?}-{}@example.test", rand_suffix()).to_lowercase();
    let password = "correct horse battery staple".to_owned();
    let first_cluster = cluster::Entity::find()
        .order_by_asc(cluster::Column::Id)
        .one(db)
        .await
        .expect("query")
        .expect("a cluster");
    let first_member = membership::Entity::find()
        .filter(membership::Column::ClusterId.eq(first_cluster.id))
        .order_by_asc(membership::Column::MemberId)
        .one(db)
        .await
        .expect("query")
        .expect("a member");
    Accounts::create_user(
        db,
        "test",
        NewUser {
            email: email.clone(),
            display_name: format!("Test {role:?}"),
            role,
            cluster_id: (role == Role::Leader).then_some(first_cluster.id),
            member_id: (role == Role::Member).then_some(first_member.member_id),
            password: password.clone(),
        },
        now,
    )
    .await
    .expect("user created");
    let session = Accounts::sign_in(db, &email, &password, now)
        .await
        .expect("query")
        .expect("signed in");
    format!("{SESSION_COOKIE}={}", session.token)
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A GET request with a session cookie.
pub fn get_as(uri: &str, cookie: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("a request")
}

/// A POST of a server function with a session cookie and a form body.
pub fn post_as(uri: &str, cookie: &str, form: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .expect("a request")
}

/// The import page's upload of `file` as a file of `kind` named `name`, checked or with
/// `commit` imported, as `cookie`'s user.
pub fn upload_as(kind: &str, cookie: &str, file: &[u8], commit: bool, name: &str) -> Request<Body> {
    Request::post(format!("/imports/{kind}?commit={commit}&name={name}"))
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(file.to_vec()))
        .expect("a request")
}

/// The user whose session `cookie` (a `Cookie` header value) carries.
pub async fn session_user(db: &DatabaseConnection, cookie: &str) -> domain::entity::user::Model {
    let token = cookie
        .strip_prefix(&format!("{SESSION_COOKIE}="))
        .expect("a session cookie");
    Accounts::session_user(db, token, chrono::Utc::now().naive_utc())
        .await
        .expect("query")
        .expect("the session's user")
}

/// Signs in a new staff user limited to `region`; returns their `Cookie` header value.
pub async fn regional_staff_cookie(db: &DatabaseConnection, region: i32) -> String {
    let cookie = session_cookie(db, Role::Staff).await;
    let user = session_user(db, &cookie).await;
    domain::user_administration::UserAdministration::set_regions(
        db,
        "test",
        user.id,
        &[region],
        chrono::Utc::now().naive_utc(),
    )
    .await
    .expect("regions set");
    cookie
}

/// A new API token with `access`, created by a new admin; returns its secret.
pub async fn api_token(
    db: &DatabaseConnection,
    access: domain::entity::api_token::ApiAccess,
) -> String {
    use domain::api_tokens::{ApiTokens, TokenAdmin};
    use domain::entity::user;

    session_cookie(db, Role::Admin).await;
    let admin = user::Entity::find()
        .order_by_desc(user::Column::Id)
        .one(db)
        .await
        .expect("query")
        .expect("the admin");
    ApiTokens::create(
        db,
        TokenAdmin {
            user_id: admin.id,
            email: &admin.email,
        },
        &format!("Integration {}", rand_suffix()),
        access,
        chrono::Utc::now().naive_utc(),
    )
    .await
    .expect("token created")
    .secret
}

/// A request to the JSON API with a bearer token (none when `token` is empty).
pub fn api_request(method: &str, uri: &str, token: &str, body: Option<&str>) -> Request<Body> {
    let mut request = Request::builder().method(method).uri(uri);
    if !token.is_empty() {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    match body {
        Some(body) => request
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_owned())),
        None => request.body(Body::empty()),
    }
    .expect("a request")
}
