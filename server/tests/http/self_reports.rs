//! Self-reports over HTTP: a member sends and reads only their own; staff verify; members
//! and leaders cannot verify; the KPI recompute follows the verification.

use axum::http::StatusCode;
use domain::{
    account::{Accounts, NewUser, Role},
    sea_orm::DatabaseConnection,
};

use crate::support::{apps, post_as, send, session_cookie};

/// Signs in a member account tied to member `member_id`.
async fn member_cookie(db: &DatabaseConnection, member_id: i32) -> String {
    let email = format!("member{member_id}@example.test");
    let password = "another long password";
    let now = chrono::Utc::now().naive_utc();
    Accounts::create_user(
        db,
        "test",
        NewUser {
            email: email.clone(),
            display_name: format!("Member {member_id}"),
            role: Role::Member,
            cluster_id: None,
            member_id: Some(member_id),
            password: password.into(),
        },
        now,
    )
    .await
    .expect("created");
    let session = Accounts::sign_in(db, &email, password, now)
        .await
        .expect("query")
        .expect("signed in");
    format!("{}={}", app::auth::SESSION_COOKIE, session.token)
}

/// The `nth` member with a membership active today.
async fn active_member(db: &DatabaseConnection, nth: u64) -> i32 {
    use domain::{
        entity::membership,
        sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect},
    };
    let today = chrono::Local::now().date_naive();
    membership::Entity::find()
        .filter(
            Condition::any()
                .add(membership::Column::EndDate.is_null())
                .add(membership::Column::EndDate.gte(today)),
        )
        .filter(membership::Column::StartDate.lte(today))
        .order_by_asc(membership::Column::MemberId)
        .offset(nth)
        .one(db)
        .await
        .expect("query")
        .expect("an active member")
        .member_id
}

fn this_month() -> String {
    chrono::Local::now()
        .date_naive()
        .format("%Y-%m")
        .to_string()
}

#[tokio::test]
async fn members_send_and_read_only_their_own_reports_and_staff_verify_them() {
    for (db, app) in apps().await {
        let ann = member_cookie(&db.conn, active_member(&db.conn, 0).await).await;
        let ben = member_cookie(&db.conn, active_member(&db.conn, 1).await).await;
        let form = format!(
            "draft%5Bkind%5D=volunteer_hours&draft%5Bmonth%5D={}&draft%5Bhours%5D=3.5&draft%5Bdescription%5D=Food+bank",
            this_month()
        );
        let (response, body) = send(&app, post_as("/api/self-reports/submit", &ann, &form)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let sent: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(sent["status"], "Submitted", "{}", db.name);
        let id = sent["id"].as_i64().expect("an id");

        let (_, body) = send(&app, post_as("/api/self-reports/mine", &ben, "")).await;
        assert!(
            !body.contains("Food bank"),
            "{}: Ben never sees Ann's report",
            db.name
        );

        // Neither members nor leaders can see the queue or verify.
        let leader = session_cookie(&db.conn, Role::Leader).await;
        for cookie in [&ann, &leader] {
            let (response, body) = send(&app, post_as("/api/self-reports/queue", cookie, "")).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
            assert!(!body.contains("Food bank"), "{}", db.name);
            let (response, _) = send(
                &app,
                post_as(
                    "/api/self-reports/decide",
                    cookie,
                    &format!("request%5Bids%5D%5B0%5D={id}&request%5Bverify%5D=true"),
                ),
            )
            .await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        }

        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, body) = send(&app, post_as("/api/self-reports/queue", &staff, "")).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        assert!(body.contains("Food bank"), "{}: in the queue", db.name);
        let (response, body) = send(
            &app,
            post_as(
                "/api/self-reports/decide",
                &staff,
                &format!("request%5Bids%5D%5B0%5D={id}&request%5Bverify%5D=true"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let (_, body) = send(&app, post_as("/api/self-reports/mine", &ann, "")).await;
        assert!(body.contains("Verified"), "{}: {body}", db.name);

        // Deciding it again is refused, saying nothing changed.
        let (response, body) = send(
            &app,
            post_as(
                "/api/self-reports/decide",
                &staff,
                &format!("request%5Bids%5D%5B0%5D={id}&request%5Bverify%5D=true"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(body.contains("nothing was changed"), "{}: {body}", db.name);
    }
}

#[tokio::test]
async fn staff_have_no_member_pages_and_bad_reports_are_refused() {
    for (db, app) in apps().await {
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let (response, _) = send(&app, post_as("/api/self-reports/mine", &staff, "")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", db.name);
        let ann = member_cookie(&db.conn, active_member(&db.conn, 0).await).await;
        let oversized = "x".repeat(2001);
        let form = format!(
            "draft%5Bkind%5D=volunteer_hours&draft%5Bmonth%5D=2999-01&draft%5Bhours%5D=lots&draft%5Bdescription%5D={oversized}"
        );
        let (response, body) = send(&app, post_as("/api/self-reports/submit", &ann, &form)).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(body.contains("hours"), "{}: {body}", db.name);
        let (_, body) = send(&app, post_as("/api/self-reports/mine", &ann, "")).await;
        assert!(!body.contains("xxxx"), "{}: nothing saved", db.name);
    }
}
