//! Who may call what: every server function asks here before it touches data.
//!
//! The server's session layer puts the signed-in [`CurrentUser`] into the request's
//! extensions; these checks read it from the request parts leptos_axum provides.
//!
//! Only the synchronous functions here read the context, and a server function calls
//! them before its first `.await`: leptos owners hold their parents weakly, and during a
//! streamed render a resource's future can outlive the owner that holds the request and
//! the services, so a read after an await can find nothing. The async checks take the
//! user they check.

#[cfg(feature = "ssr")]
use crate::{error::AppError, models::account::CurrentUser};

/// The signed-in user, if any.
#[cfg(feature = "ssr")]
pub fn current_user() -> Option<CurrentUser> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CurrentUser>().cloned())
}

/// The signed-in user, or a refusal asking to sign in.
#[cfg(feature = "ssr")]
pub fn require_user() -> Result<CurrentUser, AppError> {
    current_user().ok_or_else(|| AppError::SignInRequired.respond())
}

/// The signed-in admin or staff user, or a refusal.
#[cfg(feature = "ssr")]
pub fn require_staff() -> Result<CurrentUser, AppError> {
    let user = require_user()?;
    if user.role.is_staff() {
        Ok(user)
    } else {
        Err(AppError::Forbidden.respond())
    }
}

/// The database connection the server put into the context.
#[cfg(feature = "ssr")]
pub fn database() -> Result<domain::sea_orm::DatabaseConnection, AppError> {
    leptos::prelude::use_context::<domain::sea_orm::DatabaseConnection>().ok_or_else(|| {
        tracing::error!("no database connection in the server function context");
        AppError::Unavailable.respond()
    })
}

/// The period values the server keeps between requests (see `domain::period_signals`).
#[cfg(feature = "ssr")]
pub fn period_signals() -> Result<domain::period_signals::PeriodSignals, AppError> {
    leptos::prelude::use_context::<domain::period_signals::PeriodSignals>().ok_or_else(|| {
        tracing::error!("no kept period values in the server function context");
        AppError::Unavailable.respond()
    })
}

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "mp_session";

/// The session token in a request's `Cookie` headers.
#[cfg(feature = "ssr")]
pub fn session_token(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, token)| token.to_owned())
        .filter(|token| !token.is_empty())
}

/// How the session cookie is written for this request: Secure unless the request came
/// to the local machine (development on plain http).
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, Debug)]
pub struct SessionCookie {
    secure: bool,
}

#[cfg(feature = "ssr")]
impl SessionCookie {
    /// Reads the request's host from the context (before any `.await`).
    pub fn for_request() -> Self {
        let local = leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| {
                let host = parts.headers.get(http::header::HOST)?.to_str().ok()?;
                Some(
                    host.starts_with("localhost")
                        || host.starts_with("127.0.0.1")
                        || host.starts_with("[::1]"),
                )
            })
            .unwrap_or(false);
        Self { secure: !local }
    }

    /// A `Set-Cookie` value for the session: HttpOnly, SameSite=Strict, Secure as above.
    pub fn value(self, token: &str, max_age_seconds: i64) -> String {
        let secure = if self.secure { "; Secure" } else { "" };
        format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_seconds}{secure}"
        )
    }
}

/// Where to go after signing in: a path on this site, never another site.
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}

/// Whether `user` may work on `cluster`: staff whose regions include the cluster's
/// (every cluster without a region limit), a leader their own; a refusal otherwise.
#[cfg(feature = "ssr")]
pub async fn require_cluster(
    user: &CurrentUser,
    db: &domain::sea_orm::DatabaseConnection,
    cluster: crate::models::ids::ClusterId,
) -> Result<(), AppError> {
    use crate::models::account::Role;

    let allowed = if user.whole_organization() {
        true
    } else if user.role == Role::Staff {
        cluster_region(db, cluster)
            .await?
            .is_some_and(|region| user.covers_region(region))
    } else {
        user.role == Role::Leader && user.cluster == Some(cluster)
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden.respond())
    }
}

/// The region of `cluster`, or `None` when there is no such cluster.
#[cfg(feature = "ssr")]
pub async fn cluster_region(
    db: &domain::sea_orm::DatabaseConnection,
    cluster: crate::models::ids::ClusterId,
) -> Result<Option<crate::models::ids::RegionId>, AppError> {
    use domain::{entity::cluster, sea_orm::EntityTrait};

    Ok(cluster::Entity::find_by_id(cluster.0)
        .one(db)
        .await?
        .map(|c| crate::models::ids::RegionId(c.region_id)))
}

/// The signed-in staff user who works on the whole organization (no region limit), or a
/// refusal: for what changes every region at once (metric definitions, closing a period,
/// an organization-wide import).
#[cfg(feature = "ssr")]
pub fn require_organization_staff() -> Result<CurrentUser, AppError> {
    let user = require_staff()?;
    if user.whole_organization() {
        Ok(user)
    } else {
        Err(AppError::Forbidden.respond())
    }
}

/// The regions a staff list shows: the `requested` one if the user covers it (refused
/// otherwise), else the user's regions; `None` means every region.
#[cfg(feature = "ssr")]
pub fn listed_regions(
    user: &CurrentUser,
    requested: Option<crate::models::ids::RegionId>,
) -> Result<Option<Vec<crate::models::ids::RegionId>>, AppError> {
    match requested {
        Some(region) if user.covers_region(region) => Ok(Some(vec![region])),
        Some(_) => Err(AppError::Forbidden.respond()),
        None => Ok(user.region_scope().map(<[_]>::to_vec)),
    }
}

/// The signed-in member's own member record, or a refusal: the only way member pages
/// learn whose data to show, so no member id ever comes from the browser.
#[cfg(feature = "ssr")]
pub fn require_member() -> Result<crate::models::ids::MemberId, AppError> {
    let user = require_user()?;
    user.member.ok_or_else(|| AppError::Forbidden.respond())
}

/// The signed-in admin, or a refusal.
#[cfg(feature = "ssr")]
pub fn require_admin() -> Result<CurrentUser, AppError> {
    let user = require_user()?;
    if user.role == crate::models::account::Role::Admin {
        Ok(user)
    } else {
        Err(AppError::Forbidden.respond())
    }
}

/// The cluster a leader leads or a member belongs to today, with its region; `None` for
/// staff and for users without one.
#[cfg(feature = "ssr")]
pub async fn own_cluster(
    db: &domain::sea_orm::DatabaseConnection,
    user: &CurrentUser,
) -> Result<Option<(crate::models::ids::ClusterId, crate::models::ids::RegionId)>, AppError> {
    use domain::{cluster_scorecard::ClusterScorecard, entity::cluster, sea_orm::EntityTrait};

    use crate::models::{account::Role, ids::RegionId};

    match (user.role, user.cluster, user.member) {
        (Role::Leader, Some(cluster), _) => Ok(cluster::Entity::find_by_id(cluster.0)
            .one(db)
            .await?
            .map(|c| (cluster, RegionId(c.region_id)))),
        (Role::Member, _, Some(member)) => {
            let today = chrono::Local::now().date_naive();
            Ok(ClusterScorecard::cluster_of_member(db, member, today).await?)
        }
        _ => Ok(None),
    }
}

/// The cluster whose aggregates the signed-in user asks for: staff any cluster of their
/// regions (the first by code when none is named), a leader their own, a member the cluster they belong to
/// today. Naming any other cluster is refused.
#[cfg(feature = "ssr")]
pub async fn readable_cluster(
    user: &CurrentUser,
    db: &domain::sea_orm::DatabaseConnection,
    requested: Option<crate::models::ids::ClusterId>,
) -> Result<crate::models::ids::ClusterId, AppError> {
    use domain::{
        entity::cluster,
        sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder},
    };

    use crate::models::ids::ClusterId;

    if user.role.is_staff() {
        if let Some(cluster) = requested {
            require_cluster(user, db, cluster).await?;
            return Ok(cluster);
        }
        let mut first = cluster::Entity::find().order_by_asc(cluster::Column::Code);
        if let Some(regions) = user.region_scope() {
            first = first.filter(cluster::Column::RegionId.is_in(regions.iter().map(|r| r.0)));
        }
        let first = first.one(db).await?;
        return first
            .map(|c| ClusterId(c.id))
            .ok_or_else(|| AppError::NotFound.respond());
    }
    let own = own_cluster(db, user).await?.map(|(cluster, _)| cluster);
    match (own, requested) {
        (Some(own), None) => Ok(own),
        (Some(own), Some(asked)) if own == asked => Ok(own),
        (Some(_), Some(_)) => Err(AppError::Forbidden.respond()),
        (None, _) => Err(AppError::NotFound.respond()),
    }
}
