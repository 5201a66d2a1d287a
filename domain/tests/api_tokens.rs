//! API tokens: created with a secret that is shown once and stored only as its hash,
//! accepted until revoked, named uniquely among live tokens, audited. On every test
//! database.

mod support;

use chrono::{Duration, NaiveDateTime};
use domain::DomainError;
use domain::account::{Accounts, NewUser, Role};
use domain::api_tokens::{ApiTokens, SECRET_PREFIX, TokenAdmin};
use domain::entity::{api_token::ApiAccess, auth_event};
use domain::sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

async fn admin(db: &DatabaseConnection) -> i32 {
    Accounts::create_user(
        db,
        "test",
        NewUser {
            email: "root@example.test".into(),
            display_name: "Root".into(),
            role: Role::Admin,
            cluster_id: None,
            member_id: None,
            password: "a long enough password".into(),
        },
        now(),
    )
    .await
    .expect("admin")
    .id
}

fn refused<T: std::fmt::Debug>(result: Result<T, DomainError>) -> String {
    match result {
        Err(DomainError::Refused(problems)) => problems.join("\n"),
        other => panic!("must be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn a_token_works_until_it_is_revoked_and_only_its_hash_is_kept() {
    for db in support::databases().await {
        let by = TokenAdmin {
            user_id: admin(&db.conn).await,
            email: "root@example.test",
        };
        let issued = ApiTokens::create(&db.conn, by, "  CRM sync ", ApiAccess::Write, now())
            .await
            .expect("created");
        assert!(issued.secret.starts_with(SECRET_PREFIX));
        assert_eq!(issued.token.name, "CRM sync");
        assert!(issued.secret.starts_with(&issued.token.prefix));
        assert!(issued.secret.len() > issued.token.prefix.len() + 32);
        let stored = ApiTokens::list(&db.conn).await.expect("list");
        assert_eq!(stored.len(), 1);
        assert_ne!(
            stored[0].token_hash, issued.secret,
            "the secret is never stored"
        );
        assert!(
            !stored[0]
                .token_hash
                .contains(&issued.secret[SECRET_PREFIX.len()..])
        );
        assert_eq!(stored[0].last_used_at, None);

        let client = ApiTokens::authenticate(&db.conn, &issued.secret, now())
            .await
            .expect("query")
            .expect("accepted");
        assert_eq!(client.name, "CRM sync");
        assert!(client.can_write());
        let used = ApiTokens::list(&db.conn).await.expect("list");
        assert!(used[0].last_used_at.is_some(), "first use is recorded");

        // A wrong secret, one character off, or none of ours: refused.
        let mut wrong = issued.secret.clone();
        wrong.pop();
        wrong.push('x');
        for secret in [wrong.as_str(), "mpk_", "", "Bearer nothing"] {
            assert_eq!(
                ApiTokens::authenticate(&db.conn, secret, now())
                    .await
                    .expect("query"),
                None,
                "{secret:?}"
            );
        }

        ApiTokens::revoke(&db.conn, by, issued.token.id, now())
            .await
            .expect("revoked");
        assert_eq!(
            ApiTokens::authenticate(&db.conn, &issued.secret, now())
                .await
                .expect("query"),
            None,
            "a revoked token is refused"
        );
        let again = refused(ApiTokens::revoke(&db.conn, by, issued.token.id, now()).await);
        assert!(again.contains("already revoked"), "{again}");
        let events: Vec<String> = auth_event::Entity::find()
            .filter(auth_event::Column::Event.starts_with("api_token_"))
            .all(&db.conn)
            .await
            .expect("query")
            .into_iter()
            .map(|e| format!("{} {}", e.event, e.detail.unwrap_or_default()))
            .collect();
        assert_eq!(events.len(), 2, "{events:?}");
        assert!(
            events[0].starts_with("api_token_created CRM sync"),
            "{events:?}"
        );
        assert!(
            events[1].starts_with("api_token_revoked CRM sync"),
            "{events:?}"
        );
    }
}

#[tokio::test]
async fn names_are_required_short_and_unique_among_live_tokens() {
    for db in support::databases().await {
        let by = TokenAdmin {
            user_id: admin(&db.conn).await,
            email: "root@example.test",
        };
        let blank = refused(ApiTokens::create(&db.conn, by, "  ", ApiAccess::Read, now()).await);
        assert!(blank.starts_with("name: required"), "{blank}");
        let long = "x".repeat(81);
        let too_long =
            refused(ApiTokens::create(&db.conn, by, &long, ApiAccess::Read, now()).await);
        assert!(too_long.contains("at most 80"), "{too_long}");

        let first = ApiTokens::create(&db.conn, by, "Reports", ApiAccess::Read, now())
            .await
            .expect("created");
        let taken =
            refused(ApiTokens::create(&db.conn, by, "Reports", ApiAccess::Read, now()).await);
        assert!(taken.contains("is in use"), "{taken}");
        // Once revoked, the name is free for its replacement.
        ApiTokens::revoke(&db.conn, by, first.token.id, now())
            .await
            .expect("revoked");
        let second = ApiTokens::create(&db.conn, by, "Reports", ApiAccess::Read, now())
            .await
            .expect("the name is free again");
        assert_ne!(first.secret, second.secret);
        let client = ApiTokens::authenticate(&db.conn, &second.secret, now())
            .await
            .expect("query")
            .expect("accepted");
        assert!(!client.can_write(), "a read token may not write");
        assert_eq!(support::count(&db.conn, "api_tokens").await, 2);
    }
}

#[tokio::test]
async fn last_use_is_written_at_most_once_a_minute() {
    for db in support::databases().await {
        let by = TokenAdmin {
            user_id: admin(&db.conn).await,
            email: "root@example.test",
        };
        let issued = ApiTokens::create(&db.conn, by, "Sync", ApiAccess::Read, now())
            .await
            .expect("created");
        let start = now();
        let last_used = || async {
            ApiTokens::list(&db.conn).await.expect("list")[0]
                .last_used_at
                .expect("used")
        };
        for at in [start, start + Duration::seconds(30)] {
            ApiTokens::authenticate(&db.conn, &issued.secret, at)
                .await
                .expect("query")
                .expect("accepted");
        }
        let first = last_used().await;
        assert!(
            (first - start).num_seconds().abs() < 1,
            "{first} vs {start}"
        );
        ApiTokens::authenticate(&db.conn, &issued.secret, start + Duration::seconds(61))
            .await
            .expect("query")
            .expect("accepted");
        let later = last_used().await;
        assert!((later - start).num_seconds() >= 60, "{later} vs {start}");
    }
}
