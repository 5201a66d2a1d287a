//! Admins manage accounts: invitations with one-time links, role changes and
//! deactivation that end sessions at once, the last admin kept, password changes. On
//! every test database.

mod support;

use chrono::{Duration, NaiveDateTime};
use domain::DomainError;
use domain::account::{Accounts, NewUser, Role, SignInRefused};
use domain::sea_orm::DatabaseConnection;
use domain::user_administration::{RoleAssignment, UserAdministration};

const PASSWORD: &str = "a long enough password";

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn staff() -> RoleAssignment {
    RoleAssignment {
        role: Role::Staff,
        cluster_id: None,
        member_id: None,
    }
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
            password: PASSWORD.into(),
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
async fn an_invitation_link_sets_the_password_once() {
    for db in support::databases().await {
        let (user, token) = UserAdministration::invite(
            &db.conn,
            "Root",
            "new@example.test",
            "New Person",
            staff(),
            now(),
        )
        .await
        .expect("invited");
        assert_eq!(user.role, Role::Staff, "{}", db.name);
        UserAdministration::redeem_reset(&db.conn, &token, PASSWORD, now())
            .await
            .expect("set");
        let signed_in = Accounts::sign_in(&db.conn, "new@example.test", PASSWORD, now())
            .await
            .expect("query");
        assert!(signed_in.is_ok(), "{}: the new password works", db.name);
        let again = refused(
            UserAdministration::redeem_reset(&db.conn, &token, "another long password", now())
                .await,
        );
        assert!(again.contains("not valid any more"), "{}: {again}", db.name);
        // A link older than a day does not work.
        let old =
            UserAdministration::issue_reset(&db.conn, "Root", user.id, now() - Duration::days(2))
                .await
                .expect("issued");
        let late = refused(UserAdministration::redeem_reset(&db.conn, &old, PASSWORD, now()).await);
        assert!(late.contains("not valid any more"), "{}: {late}", db.name);
        let short = refused(UserAdministration::redeem_reset(&db.conn, &old, "short", now()).await);
        assert!(short.contains("at least 12"), "{}: {short}", db.name);
    }
}

#[tokio::test]
async fn role_changes_and_deactivation_end_sessions_and_the_last_admin_stays() {
    for db in support::databases().await {
        let root = admin(&db.conn).await;
        let (user, token) =
            UserAdministration::invite(&db.conn, "Root", "sam@example.test", "Sam", staff(), now())
                .await
                .expect("invited");
        UserAdministration::redeem_reset(&db.conn, &token, PASSWORD, now())
            .await
            .expect("set");
        let session = Accounts::sign_in(&db.conn, "sam@example.test", PASSWORD, now())
            .await
            .expect("query")
            .expect("signed in");
        let leader = RoleAssignment {
            role: Role::Leader,
            cluster_id: None,
            member_id: None,
        };
        let text =
            refused(UserAdministration::set_role(&db.conn, "Root", user.id, leader, now()).await);
        assert!(text.contains("cluster"), "{}: {text}", db.name);
        let promoted = RoleAssignment {
            role: Role::Admin,
            cluster_id: None,
            member_id: None,
        };
        UserAdministration::set_role(&db.conn, "Root", user.id, promoted, now())
            .await
            .expect("promoted");
        assert!(
            Accounts::session_user(&db.conn, &session.token, now())
                .await
                .expect("query")
                .is_none(),
            "{}: the role change ended the session",
            db.name
        );
        UserAdministration::set_active(&db.conn, "Root", user.id, false, now())
            .await
            .expect("deactivated");
        let refused_sign_in = Accounts::sign_in(&db.conn, "sam@example.test", PASSWORD, now())
            .await
            .expect("query");
        assert_eq!(
            refused_sign_in.err(),
            Some(SignInRefused::WrongCredentials),
            "{}",
            db.name
        );
        // Root is now the only active admin: cannot be demoted or deactivated.
        let text =
            refused(UserAdministration::set_active(&db.conn, "Root", root, false, now()).await);
        assert!(
            text.contains("last active administrator"),
            "{}: {text}",
            db.name
        );
        let text =
            refused(UserAdministration::set_role(&db.conn, "Root", root, staff(), now()).await);
        assert!(
            text.contains("last active administrator"),
            "{}: {text}",
            db.name
        );
        UserAdministration::set_active(&db.conn, "Root", user.id, true, now())
            .await
            .expect("reactivated");
        let back = Accounts::sign_in(&db.conn, "sam@example.test", PASSWORD, now())
            .await
            .expect("query");
        assert!(back.is_ok(), "{}", db.name);
    }
}

#[tokio::test]
async fn a_password_change_needs_the_current_one_and_ends_other_sessions() {
    for db in support::databases().await {
        let root = admin(&db.conn).await;
        let here = Accounts::sign_in(&db.conn, "root@example.test", PASSWORD, now())
            .await
            .expect("query")
            .expect("in");
        let elsewhere = Accounts::sign_in(&db.conn, "root@example.test", PASSWORD, now())
            .await
            .expect("query")
            .expect("in");
        let text = refused(
            Accounts::change_password(
                &db.conn,
                root,
                "wrong password!",
                "a brand new password",
                &here.token,
                now(),
            )
            .await,
        );
        assert!(text.contains("current password"), "{}: {text}", db.name);
        Accounts::change_password(
            &db.conn,
            root,
            PASSWORD,
            "a brand new password",
            &here.token,
            now(),
        )
        .await
        .expect("changed");
        assert!(
            Accounts::session_user(&db.conn, &here.token, now())
                .await
                .expect("query")
                .is_some(),
            "{}",
            db.name
        );
        assert!(
            Accounts::session_user(&db.conn, &elsewhere.token, now())
                .await
                .expect("query")
                .is_none(),
            "{}",
            db.name
        );
        let new = Accounts::sign_in(&db.conn, "root@example.test", "a brand new password", now())
            .await
            .expect("query");
        assert!(new.is_ok(), "{}", db.name);
    }
}

#[tokio::test]
async fn staff_are_limited_to_regions_only_by_an_admin_and_only_to_real_ones() {
    use domain::entity::{auth_event, region};
    use domain::sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

    for db in support::databases().await {
        admin(&db.conn).await;
        let mut regions = Vec::new();
        for (code, name) in [("N", "North"), ("S", "South")] {
            let row = region::ActiveModel {
                code: Set(code.into()),
                name: Set(name.into()),
                ..Default::default()
            }
            .insert(&db.conn)
            .await
            .expect("region");
            regions.push(row.id);
        }
        let (sam, _) =
            UserAdministration::invite(&db.conn, "Root", "sam@example.test", "Sam", staff(), now())
                .await
                .expect("invited");
        assert!(
            UserAdministration::regions_of(&db.conn, sam.id)
                .await
                .expect("query")
                .is_empty(),
            "{}: new staff work on the whole organization",
            db.name
        );

        UserAdministration::set_regions(&db.conn, "Root", sam.id, &[regions[1], regions[1]], now())
            .await
            .expect("limited");
        assert_eq!(
            UserAdministration::regions_of(&db.conn, sam.id)
                .await
                .expect("query"),
            vec![regions[1]],
            "{}",
            db.name
        );
        let logged = auth_event::Entity::find()
            .filter(auth_event::Column::Event.eq("regions_changed"))
            .all(&db.conn)
            .await
            .expect("query");
        assert_eq!(logged.len(), 1, "{}", db.name);
        assert_eq!(
            logged[0].detail.as_deref(),
            Some("the whole organization -> South by Root"),
            "{}",
            db.name
        );

        // An unknown region changes nothing.
        let text = refused(
            UserAdministration::set_regions(&db.conn, "Root", sam.id, &[regions[0], 9999], now())
                .await,
        );
        assert!(text.contains("no region 9999"), "{}: {text}", db.name);
        assert_eq!(
            UserAdministration::regions_of(&db.conn, sam.id)
                .await
                .expect("query"),
            vec![regions[1]],
            "{}",
            db.name
        );

        // Only staff have regions; a role change away from staff drops them.
        let leader_user = Accounts::create_user(
            &db.conn,
            "test",
            NewUser {
                email: "lea@example.test".into(),
                display_name: "Lea".into(),
                role: Role::Admin,
                cluster_id: None,
                member_id: None,
                password: PASSWORD.into(),
            },
            now(),
        )
        .await
        .expect("user");
        let text = refused(
            UserAdministration::set_regions(&db.conn, "Root", leader_user.id, &[regions[0]], now())
                .await,
        );
        assert!(text.contains("only staff"), "{}: {text}", db.name);
        let promoted = RoleAssignment {
            role: Role::Admin,
            cluster_id: None,
            member_id: None,
        };
        UserAdministration::set_role(&db.conn, "Root", sam.id, promoted, now())
            .await
            .expect("promoted");
        assert!(
            UserAdministration::regions_of(&db.conn, sam.id)
                .await
                .expect("query")
                .is_empty(),
            "{}: an admin keeps no regions",
            db.name
        );

        // None again means the whole organization.
        UserAdministration::set_role(&db.conn, "Root", sam.id, staff(), now())
            .await
            .expect("staff again");
        UserAdministration::set_regions(&db.conn, "Root", sam.id, &[regions[0]], now())
            .await
            .expect("limited");
        UserAdministration::set_regions(&db.conn, "Root", sam.id, &[], now())
            .await
            .expect("whole organization");
        assert!(
            UserAdministration::all_regions(&db.conn)
                .await
                .expect("query")
                .is_empty(),
            "{}",
            db.name
        );
    }
}
