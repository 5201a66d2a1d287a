//! Accounts and sessions: users with argon2id password hashes, sign-in with a lockout
//! after repeated failures, sessions kept in the database as the SHA-256 of a random
//! token, and an audit log of sign-ins and privilege changes.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{Duration, NaiveDateTime};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, Set, TransactionTrait,
};
use sha2::{Digest, Sha256};

use crate::DomainError;
use crate::entity::{auth_event, cluster, member, user, user_session};

pub use crate::entity::user::Role;

/// How long a session lasts after sign-in.
pub const SESSION_LIFETIME: Duration = Duration::hours(12);
/// Failed sign-ins in a row that lock an account.
pub const LOCKOUT_AFTER: i32 = 5;
/// How long a locked account stays locked.
pub const LOCKOUT_FOR: Duration = Duration::minutes(15);
/// The shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 12;
const PASSWORD_MAX_CHARS: usize = 128;

/// A user to create.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// E-mail address, the sign-in name.
    pub email: String,
    /// Name shown in the app and the audit log.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// The cluster a leader leads.
    pub cluster_id: Option<i32>,
    /// The member record of a member.
    pub member_id: Option<i32>,
    /// The initial password.
    pub password: String,
}

/// A session just opened: the raw token goes into the cookie and nowhere else.
#[derive(Clone, Debug)]
pub struct OpenedSession {
    /// The secret for the cookie (64 hex characters).
    pub token: String,
    /// When the session ends.
    pub expires_at: NaiveDateTime,
    /// Who signed in.
    pub user: user::Model,
}

/// Why a sign-in was refused. The wording never says whether the e-mail exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInRefused {
    /// Unknown e-mail, wrong password or a deactivated account.
    WrongCredentials,
    /// Too many failures: the account is locked until the given time.
    Locked {
        /// When sign-in is possible again.
        until: NaiveDateTime,
    },
}

/// Account and session operations.
pub struct Accounts;

impl Accounts {
    /// Creates a user after checking every field; `actor` is recorded in the audit log.
    #[tracing::instrument(skip(db, new), fields(email = %new.email), err)]
    pub async fn create_user(
        db: &DatabaseConnection,
        actor: &str,
        new: NewUser,
        now: NaiveDateTime,
    ) -> Result<user::Model, DomainError> {
        let email = normalize_email(&new.email)?;
        let display_name = new.display_name.trim().to_owned();
        if display_name.is_empty() || display_name.chars().count() > 160 {
            return Err(DomainError::Invalid(
                "the name must have 1 to 160 characters".into(),
            ));
        }
        check_password(&new.password)?;
        match new.role {
            Role::Leader if new.cluster_id.is_none() => {
                return Err(DomainError::Invalid(
                    "a cluster leader needs the cluster they lead".into(),
                ));
            }
            Role::Member if new.member_id.is_none() => {
                return Err(DomainError::Invalid(
                    "a member account needs its member record".into(),
                ));
            }
            _ => {}
        }
        let txn = db.begin().await?;
        if let Some(id) = new.cluster_id
            && cluster::Entity::find_by_id(id).one(&txn).await?.is_none()
        {
            return Err(DomainError::Invalid(format!("there is no cluster {id}")));
        }
        if let Some(id) = new.member_id
            && member::Entity::find_by_id(id).one(&txn).await?.is_none()
        {
            return Err(DomainError::Invalid(format!("there is no member {id}")));
        }
        if user::Entity::find()
            .filter(user::Column::Email.eq(&email))
            .one(&txn)
            .await?
            .is_some()
        {
            return Err(DomainError::Invalid(format!(
                "a user with the e-mail {email} already exists"
            )));
        }
        let password_hash = hash_password(new.password).await?;
        let created = user::ActiveModel {
            email: Set(email.clone()),
            display_name: Set(display_name),
            role: Set(new.role),
            cluster_id: Set(new.cluster_id),
            member_id: Set(new.member_id),
            password_hash: Set(password_hash),
            active: Set(true),
            failed_sign_ins: Set(0),
            locked_until: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            Some(created.id),
            &email,
            "user_created",
            Some(format!("role {:?} by {actor}", new.role)),
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    /// Checks an e-mail and password; opens a session when they match an active,
    /// unlocked account. Failures are counted and lock the account after
    /// [`LOCKOUT_AFTER`] in a row; every attempt is in the audit log.
    #[tracing::instrument(skip(db, password), err)]
    pub async fn sign_in(
        db: &DatabaseConnection,
        email: &str,
        password: &str,
        now: NaiveDateTime,
    ) -> Result<Result<OpenedSession, SignInRefused>, DomainError> {
        let email = email.trim().to_lowercase();
        let found = user::Entity::find()
            .filter(user::Column::Email.eq(&email))
            .one(db)
            .await?;
        let Some(found) = found else {
            // The same work as for a real account, so timing does not tell who exists.
            verify_password(password.to_owned(), dummy_hash().to_owned()).await?;
            record(
                db,
                None,
                &email,
                "sign_in_failed",
                Some("unknown e-mail".into()),
                now,
            )
            .await?;
            return Ok(Err(SignInRefused::WrongCredentials));
        };
        if let Some(until) = found.locked_until.filter(|until| *until > now) {
            record(
                db,
                Some(found.id),
                &email,
                "sign_in_failed",
                Some("locked".into()),
                now,
            )
            .await?;
            return Ok(Err(SignInRefused::Locked { until }));
        }
        let matches = verify_password(password.to_owned(), found.password_hash.clone()).await?;
        if !matches || !found.active {
            let failures = found.failed_sign_ins + 1;
            let locked_until = (failures >= LOCKOUT_AFTER).then(|| now + LOCKOUT_FOR);
            let mut update: user::ActiveModel = found.clone().into();
            update.failed_sign_ins = Set(if locked_until.is_some() { 0 } else { failures });
            update.locked_until = Set(locked_until);
            update.update(db).await?;
            let detail = if found.active {
                "wrong password"
            } else {
                "deactivated"
            };
            record(
                db,
                Some(found.id),
                &email,
                "sign_in_failed",
                Some(detail.into()),
                now,
            )
            .await?;
            if let Some(until) = locked_until {
                record(db, Some(found.id), &email, "locked", None, now).await?;
                return Ok(Err(SignInRefused::Locked { until }));
            }
            return Ok(Err(SignInRefused::WrongCredentials));
        }
        let token = new_token();
        let expires_at = now + SESSION_LIFETIME;
        let txn = db.begin().await?;
        user_session::ActiveModel {
            token_hash: Set(token_hash(&token)),
            user_id: Set(found.id),
            created_at: Set(now),
            expires_at: Set(expires_at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut update: user::ActiveModel = found.clone().into();
        update.failed_sign_ins = Set(0);
        update.locked_until = Set(None);
        let user = update.update(&txn).await?;
        record(&txn, Some(found.id), &email, "sign_in", None, now).await?;
        txn.commit().await?;
        Ok(Ok(OpenedSession {
            token,
            expires_at,
            user,
        }))
    }

    /// The active user a session token belongs to, if the session has not expired.
    pub async fn session_user<C: ConnectionTrait>(
        db: &C,
        token: &str,
        now: NaiveDateTime,
    ) -> Result<Option<user::Model>, DomainError> {
        let Some(session) = user_session::Entity::find()
            .filter(user_session::Column::TokenHash.eq(token_hash(token)))
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        if session.expires_at <= now {
            return Ok(None);
        }
        let user = user::Entity::find_by_id(session.user_id).one(db).await?;
        Ok(user.filter(|u| u.active))
    }

    /// Ends the session of `token` (and any expired ones).
    pub async fn sign_out<C: ConnectionTrait>(
        db: &C,
        token: &str,
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let hash = token_hash(token);
        if let Some(session) = user_session::Entity::find()
            .filter(user_session::Column::TokenHash.eq(&hash))
            .one(db)
            .await?
            && let Some(user) = user::Entity::find_by_id(session.user_id).one(db).await?
        {
            record(db, Some(user.id), &user.email, "sign_out", None, now).await?;
        }
        user_session::Entity::delete_many()
            .filter(
                Condition::any()
                    .add(user_session::Column::TokenHash.eq(hash))
                    .add(user_session::Column::ExpiresAt.lte(now)),
            )
            .exec(db)
            .await?;
        Ok(())
    }

    /// Changes the signed-in user's password after checking the current one; ends their
    /// other sessions (a password change is how someone locks out a stolen session).
    pub async fn change_password(
        db: &DatabaseConnection,
        user_id: i32,
        current: &str,
        new: &str,
        keep_token: &str,
        now: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let user = user::Entity::find_by_id(user_id)
            .one(db)
            .await?
            .ok_or_else(|| DomainError::Invalid("the account no longer exists".into()))?;
        if !verify_password(current.to_owned(), user.password_hash.clone()).await? {
            return Err(DomainError::Refused(vec![
                "current password: it is not your current password".into(),
            ]));
        }
        check_password(new)
            .map_err(|e| DomainError::Refused(vec![format!("new password: {e}")]))?;
        let hash = hash_password(new.to_owned()).await?;
        let txn = db.begin().await?;
        let email = user.email.clone();
        let mut update: user::ActiveModel = user.into();
        update.password_hash = Set(hash);
        update.update(&txn).await?;
        user_session::Entity::delete_many()
            .filter(user_session::Column::UserId.eq(user_id))
            .filter(user_session::Column::TokenHash.ne(token_hash(keep_token)))
            .exec(&txn)
            .await?;
        record(&txn, Some(user_id), &email, "password_changed", None, now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Whether any account exists.
    pub async fn has_any_user<C: ConnectionTrait>(db: &C) -> Result<bool, DomainError> {
        Ok(user::Entity::find().one(db).await?.is_some())
    }
}

/// A fresh password of 20 letters and digits, for demo and first-admin accounts.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let bytes: [u8; 20] = random_bytes();
    bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

fn normalize_email(email: &str) -> Result<String, DomainError> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !email.chars().any(char::is_whitespace);
    if valid {
        Ok(email)
    } else {
        Err(DomainError::Invalid(format!(
            "{email:?} is not an e-mail address"
        )))
    }
}

/// Refuses passwords that are too short or too long, saying which.
pub fn check_password(password: &str) -> Result<(), DomainError> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(DomainError::Invalid(format!(
            "the password has {chars} characters; it needs at least {PASSWORD_MIN_CHARS}"
        )));
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(DomainError::Invalid(format!(
            "the password has {chars} characters; at most {PASSWORD_MAX_CHARS} are accepted"
        )));
    }
    Ok(())
}

/// Argon2id with the crate's recommended parameters, off the async threads.
pub(crate) async fn hash_password(password: String) -> Result<String, DomainError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&random_bytes::<16>())
            .map_err(|e| DomainError::Invalid(format!("no salt: {e}")))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| DomainError::Invalid(format!("the password cannot be hashed: {e}")))
    })
    .await
    .map_err(|e| DomainError::Invalid(format!("password hashing stopped: {e}")))?
}

pub(crate) async fn verify_password(password: String, hash: String) -> Result<bool, DomainError> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .map_err(|e| DomainError::Invalid(format!("password check stopped: {e}")))
}

/// A valid hash of a random password, verified against when the e-mail is unknown.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        SaltString::encode_b64(&random_bytes::<16>())
            .ok()
            .and_then(|salt| {
                Argon2::default()
                    .hash_password(generate_password().as_bytes(), &salt)
                    .ok()
                    .map(|hash| hash.to_string())
            })
            .unwrap_or_default()
    })
}

pub(crate) fn new_token() -> String {
    hex::encode(random_bytes::<32>())
}

/// Bytes from the operating system's random source. Without one the server cannot keep
/// sessions or passwords safe, so it stops rather than go on with predictable secrets.
pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    #[expect(
        clippy::expect_used,
        reason = "no safe way to go on without OS randomness"
    )]
    getrandom::fill(&mut bytes).expect("the operating system's random source is unavailable");
    bytes
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub(crate) async fn record<C: ConnectionTrait>(
    db: &C,
    user_id: Option<i32>,
    email: &str,
    event: &str,
    detail: Option<String>,
    at: NaiveDateTime,
) -> Result<(), DomainError> {
    auth_event::ActiveModel {
        user_id: Set(user_id),
        email: Set(email.to_owned()),
        event: Set(event.to_owned()),
        detail: Set(detail),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
