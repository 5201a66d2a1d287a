//! API tokens: an admin creates one per integration (a name, read or write access), sees
//! its secret once and can revoke it at any time. Only the SHA-256 of the secret is
//! kept, so a leaked table opens nothing; creating and revoking are in `auth_events`.

use chrono::{Duration, NaiveDateTime};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use crate::DomainError;
use crate::account::{new_token, record, token_hash};
use crate::entity::api_token::{self, ApiAccess};

/// What every secret starts with, so a leaked one is recognisable in code and logs.
pub const SECRET_PREFIX: &str = "mpk_";
/// The longest token name.
pub const NAME_MAX: usize = 80;
/// How often a token's "last used" time is written: once a minute is enough to tell
/// which integrations are alive, and reads stay reads.
const LAST_USED_EVERY: Duration = Duration::minutes(1);
/// Characters of the secret kept in the clear to tell tokens apart.
const SHOWN: usize = SECRET_PREFIX.len() + 8;

/// A token the API accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiClient {
    /// The token's id.
    pub token_id: i32,
    /// The token's name (the integration).
    pub name: String,
    /// What it may do.
    pub access: ApiAccess,
}

impl ApiClient {
    /// Whether the token may push facts.
    pub fn can_write(&self) -> bool {
        self.access == ApiAccess::Write
    }
}

/// A new token with its secret, which is shown this once.
#[derive(Clone, Debug)]
pub struct IssuedToken {
    /// The stored token.
    pub token: api_token::Model,
    /// The secret the integration sends as `Authorization: Bearer …`.
    pub secret: String,
}

/// The admin who creates or revokes a token.
#[derive(Clone, Copy, Debug)]
pub struct TokenAdmin<'a> {
    /// Their user id.
    pub user_id: i32,
    /// Their e-mail, kept on the token and in the audit.
    pub email: &'a str,
}

/// Creating, listing, revoking and checking API tokens.
pub struct ApiTokens;

impl ApiTokens {
    /// Every token, the newest first, revoked ones included.
    pub async fn list<C: ConnectionTrait>(db: &C) -> Result<Vec<api_token::Model>, DomainError> {
        Ok(api_token::Entity::find()
            .order_by_desc(api_token::Column::CreatedAt)
            .order_by_desc(api_token::Column::Id)
            .all(db)
            .await?)
    }

    /// Creates a token named `name` with `access`. The name must be new among tokens
    /// that are not revoked, so a list tells integrations apart.
    pub async fn create(
        db: &DatabaseConnection,
        admin: TokenAdmin<'_>,
        name: &str,
        access: ApiAccess,
        now: NaiveDateTime,
    ) -> Result<IssuedToken, DomainError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DomainError::Refused(vec![
                "name: required: say which integration uses the token".into(),
            ]));
        }
        if name.chars().count() > NAME_MAX {
            return Err(DomainError::Refused(vec![format!(
                "name: at most {NAME_MAX} characters"
            )]));
        }
        let txn = db.begin().await?;
        let in_use = api_token::Entity::find()
            .filter(api_token::Column::Name.eq(name))
            .filter(api_token::Column::RevokedAt.is_null())
            .one(&txn)
            .await?;
        if in_use.is_some() {
            return Err(DomainError::Refused(vec![format!(
                "name: a token named {name:?} is in use; revoke it or choose another name"
            )]));
        }
        let secret = format!("{SECRET_PREFIX}{}", new_token());
        let token = api_token::ActiveModel {
            name: Set(name.to_owned()),
            token_hash: Set(token_hash(&secret)),
            prefix: Set(secret[..SHOWN].to_owned()),
            access: Set(access),
            created_by: Set(admin.email.to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            Some(admin.user_id),
            admin.email,
            "api_token_created",
            Some(format!("{name} ({}, {access:?})", token.prefix)),
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(IssuedToken { token, secret })
    }

    /// Revokes token `id`: from now on it is refused.
    pub async fn revoke(
        db: &DatabaseConnection,
        admin: TokenAdmin<'_>,
        id: i32,
        now: NaiveDateTime,
    ) -> Result<api_token::Model, DomainError> {
        let txn = db.begin().await?;
        let found = api_token::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or_else(|| DomainError::Refused(vec![format!("token: there is no token {id}")]))?;
        if found.revoked_at.is_some() {
            return Err(DomainError::Refused(vec![format!(
                "token: {} is already revoked",
                found.name
            )]));
        }
        let detail = format!("{} ({})", found.name, found.prefix);
        let mut active: api_token::ActiveModel = found.into();
        active.revoked_at = Set(Some(now));
        active.revoked_by = Set(Some(admin.email.to_owned()));
        let token = active.update(&txn).await?;
        record(
            &txn,
            Some(admin.user_id),
            admin.email,
            "api_token_revoked",
            Some(detail),
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(token)
    }

    /// The client a `secret` belongs to, when it is a token that is not revoked.
    pub async fn authenticate(
        db: &DatabaseConnection,
        secret: &str,
        now: NaiveDateTime,
    ) -> Result<Option<ApiClient>, DomainError> {
        if !secret.starts_with(SECRET_PREFIX) {
            return Ok(None);
        }
        let Some(token) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(token_hash(secret)))
            .filter(api_token::Column::RevokedAt.is_null())
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        if token
            .last_used_at
            .is_none_or(|last| now - last >= LAST_USED_EVERY)
        {
            api_token::Entity::update_many()
                .col_expr(
                    api_token::Column::LastUsedAt,
                    sea_orm::sea_query::Expr::value(now),
                )
                .filter(api_token::Column::Id.eq(token.id))
                .exec(db)
                .await?;
        }
        Ok(Some(ApiClient {
            token_id: token.id,
            name: token.name,
            access: token.access,
        }))
    }
}
