//! What admins do with accounts: list them, invite (an account with a one-time link to
//! set its password), change a role, deactivate or reactivate, and issue reset links.
//! Every change is in `auth_events`; a role change or deactivation ends the user's
//! sessions at once.

use chrono::{Duration, NaiveDateTime};
use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use crate::DomainError;
use crate::account::{
    Accounts, NewUser, Role, check_password, generate_password, hash_password, new_token, record,
    token_hash,
};
use crate::entity::{cluster, member, password_reset, region, user, user_region, user_session};

/// How long a reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(24);

/// A role with what it is tied to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleAssignment {
    /// The role.
    pub role: Role,
    /// The cluster of a leader.
    pub cluster_id: Option<i32>,
    /// The member record of a member.
    pub member_id: Option<i32>,
}

/// Admin operations on accounts.
pub struct UserAdministration;

impl UserAdministration {
    /// Every account, by e-mail.
    pub async fn list(db: &DatabaseConnection) -> Result<Vec<user::Model>, DomainError> {
        Ok(user::Entity::find()
            .order_by_asc(user::Column::Email)
            .all(db)
            .await?)
    }

    /// Creates an account that cannot sign in until its owner sets a password through
    /// the returned one-time link token.
    pub async fn invite(
        db: &DatabaseConnection,
        actor: &str,
        email: &str,
        display_name: &str,
        assignment: RoleAssignment,
        now: NaiveDateTime,
    ) -> Result<(user::Model, String), DomainError> {
        let user = Accounts::create_user(
            db,
            actor,
            NewUser {
                email: email.to_owned(),
                display_name: display_name.to_owned(),
                role: assignment.role,
                cluster_id: assignment.cluster_id,
                member_id: assignment.member_id,
                // Nobody knows it: the link sets the real one.
                password: generate_password(),
            },
            now,
        )
        .await?;
        let token = Self::issue_reset(db, actor, user.id, now).await?;
        Ok((user, token))
    }

    /// Changes a user's role (and what it is tied to); ends their sessions.
    pub async fn set_role(
        db: &DatabaseConnection,
        actor: &str,
        user_id: i32,
        assignment: RoleAssignment,
        now: NaiveDateTime,
    ) -> Result<user::Model, DomainError> {
        let txn = db.begin().await?;
        let found = user::Entity::find_by_id(user_id)
            .one(&txn)
            .await?
            .ok_or_else(|| DomainError::Refused(vec![format!("there is no user {user_id}")]))?;
        let (cluster_id, member_id) = match assignment.role {
            Role::Leader => {
                let id = assignment.cluster_id.ok_or_else(|| {
                    DomainError::Refused(vec!["cluster: a leader needs their cluster".into()])
                })?;
                if cluster::Entity::find_by_id(id).one(&txn).await?.is_none() {
                    return Err(DomainError::Refused(vec![format!(
                        "cluster: there is no cluster {id}"
                    )]));
                }
                (Some(id), None)
            }
            Role::Member => {
                let id = assignment.member_id.ok_or_else(|| {
                    DomainError::Refused(vec![
                        "member: a member account needs its member record".into(),
                    ])
                })?;
                if member::Entity::find_by_id(id).one(&txn).await?.is_none() {
                    return Err(DomainError::Refused(vec![format!(
                        "member: there is no member {id}"
                    )]));
                }
                (None, Some(id))
            }
            Role::Admin | Role::Staff => (None, None),
        };
        if found.role == Role::Admin && assignment.role != Role::Admin {
            last_admin_guard(&txn, user_id).await?;
        }
        let before = found.role;
        let email = found.email.clone();
        let mut update: user::ActiveModel = found.into();
        update.role = Set(assignment.role);
        update.cluster_id = Set(cluster_id);
        update.member_id = Set(member_id);
        let updated = update.update(&txn).await?;
        if assignment.role != Role::Staff {
            // Only staff are limited to regions; an admin, leader or member keeps none.
            user_region::Entity::delete_many()
                .filter(user_region::Column::UserId.eq(user_id))
                .exec(&txn)
                .await?;
        }
        user_session::Entity::delete_many()
            .filter(user_session::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        record(
            &txn,
            Some(user_id),
            &email,
            "role_changed",
            Some(format!("{before:?} -> {:?} by {actor}", assignment.role)),
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Every staff user's regions, by user id (users without any are left out).
    pub async fn all_regions(
        db: &DatabaseConnection,
    ) -> Result<HashMap<i32, Vec<i32>>, DomainError> {
        let mut by_user: HashMap<i32, Vec<i32>> = HashMap::new();
        for row in user_region::Entity::find().all(db).await? {
            by_user.entry(row.user_id).or_default().push(row.region_id);
        }
        for regions in by_user.values_mut() {
            regions.sort_unstable();
        }
        Ok(by_user)
    }

    /// The regions `user_id` is limited to, by id; empty for the whole organization.
    pub async fn regions_of<C: ConnectionTrait>(
        db: &C,
        user_id: i32,
    ) -> Result<Vec<i32>, DomainError> {
        let mut regions: Vec<i32> = user_region::Entity::find()
            .filter(user_region::Column::UserId.eq(user_id))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.region_id)
            .collect();
        regions.sort_unstable();
        Ok(regions)
    }

    /// Limits staff user `user_id` to `regions` (none: the whole organization). Refused
    /// for a user who is not staff and for a region that does not exist; recorded in the
    /// audit log. It applies from the user's next request.
    pub async fn set_regions(
        db: &DatabaseConnection,
        actor: &str,
        user_id: i32,
        regions: &[i32],
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let txn = db.begin().await?;
        let found = user::Entity::find_by_id(user_id)
            .one(&txn)
            .await?
            .ok_or_else(|| DomainError::Refused(vec![format!("there is no user {user_id}")]))?;
        if found.role != Role::Staff {
            return Err(DomainError::Refused(vec![format!(
                "regions: only staff can be limited to regions; {} is {:?}",
                found.email, found.role
            )]));
        }
        let mut wanted = regions.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        let known: HashMap<i32, String> = region::Entity::find()
            .all(&txn)
            .await?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        let unknown: Vec<String> = wanted
            .iter()
            .filter(|id| !known.contains_key(id))
            .map(|id| format!("regions: there is no region {id}"))
            .collect();
        if !unknown.is_empty() {
            return Err(DomainError::Refused(unknown));
        }
        let before = Self::regions_of(&txn, user_id).await?;
        let names = |ids: &[i32]| {
            if ids.is_empty() {
                "the whole organization".to_owned()
            } else {
                ids.iter()
                    .filter_map(|id| known.get(id).cloned())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let detail = format!("{} -> {} by {actor}", names(&before), names(&wanted));
        user_region::Entity::delete_many()
            .filter(user_region::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        if !wanted.is_empty() {
            user_region::Entity::insert_many(wanted.iter().map(|&region_id| {
                user_region::ActiveModel {
                    user_id: Set(user_id),
                    region_id: Set(region_id),
                    ..Default::default()
                }
            }))
            .exec(&txn)
            .await?;
        }
        record(
            &txn,
            Some(user_id),
            &found.email,
            "regions_changed",
            Some(detail),
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Deactivates (ending their sessions) or reactivates a user.
    pub async fn set_active(
        db: &DatabaseConnection,
        actor: &str,
        user_id: i32,
        active: bool,
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let txn = db.begin().await?;
        let found = user::Entity::find_by_id(user_id)
            .one(&txn)
            .await?
            .ok_or_else(|| DomainError::Refused(vec![format!("there is no user {user_id}")]))?;
        if !active && found.role == Role::Admin {
            last_admin_guard(&txn, user_id).await?;
        }
        let email = found.email.clone();
        let mut update: user::ActiveModel = found.into();
        update.active = Set(active);
        update.update(&txn).await?;
        if !active {
            user_session::Entity::delete_many()
                .filter(user_session::Column::UserId.eq(user_id))
                .exec(&txn)
                .await?;
        }
        let event = if active { "reactivated" } else { "deactivated" };
        record(
            &txn,
            Some(user_id),
            &email,
            event,
            Some(format!("by {actor}")),
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Issues a one-time reset link token for `user_id`, valid for a day; earlier unused
    /// links of the user stop working.
    pub async fn issue_reset(
        db: &DatabaseConnection,
        actor: &str,
        user_id: i32,
        now: NaiveDateTime,
    ) -> Result<String, DomainError> {
        let txn = db.begin().await?;
        let found = user::Entity::find_by_id(user_id)
            .one(&txn)
            .await?
            .ok_or_else(|| DomainError::Refused(vec![format!("there is no user {user_id}")]))?;
        password_reset::Entity::delete_many()
            .filter(password_reset::Column::UserId.eq(user_id))
            .filter(password_reset::Column::UsedAt.is_null())
            .exec(&txn)
            .await?;
        let token = new_token();
        password_reset::ActiveModel {
            token_hash: Set(token_hash(&token)),
            user_id: Set(user_id),
            issued_by: Set(actor.chars().take(160).collect()),
            created_at: Set(now),
            expires_at: Set(now + RESET_LINK_LIFETIME),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            Some(user_id),
            &found.email,
            "reset_link_issued",
            Some(format!("by {actor}")),
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(token)
    }

    /// Sets a new password with a reset link token: once, before it expires, for an
    /// active account. Ends the user's sessions and clears a lockout.
    pub async fn redeem_reset(
        db: &DatabaseConnection,
        token: &str,
        new_password: &str,
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let expired = || {
            DomainError::Refused(vec![
                "link: this link is not valid any more (used, replaced or older than a day); ask an admin for a new one".into(),
            ])
        };
        check_password(new_password)
            .map_err(|e| DomainError::Refused(vec![format!("new password: {e}")]))?;
        let hash = hash_password(new_password.to_owned()).await?;
        let txn = db.begin().await?;
        let reset = password_reset::Entity::find()
            .filter(password_reset::Column::TokenHash.eq(token_hash(token)))
            .one(&txn)
            .await?
            .filter(|r| r.used_at.is_none() && r.expires_at > now)
            .ok_or_else(expired)?;
        let found = user::Entity::find_by_id(reset.user_id)
            .one(&txn)
            .await?
            .filter(|u| u.active)
            .ok_or_else(expired)?;
        let email = found.email.clone();
        let mut update: user::ActiveModel = found.into();
        update.password_hash = Set(hash);
        update.failed_sign_ins = Set(0);
        update.locked_until = Set(None);
        update.update(&txn).await?;
        let user_id = reset.user_id;
        let mut used: password_reset::ActiveModel = reset.into();
        used.used_at = Set(Some(now));
        used.update(&txn).await?;
        user_session::Entity::delete_many()
            .filter(user_session::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        record(&txn, Some(user_id), &email, "password_reset", None, now).await?;
        txn.commit().await?;
        Ok(())
    }
}

/// Refuses to take away the last active administrator.
async fn last_admin_guard<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: i32,
) -> Result<(), DomainError> {
    let others = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Id.ne(user_id))
        .one(db)
        .await?;
    if others.is_none() {
        return Err(DomainError::Refused(vec![
            "this is the last active administrator; make someone else admin first".into(),
        ]));
    }
    Ok(())
}
