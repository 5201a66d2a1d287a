//! The last step of the drill-down: staff see a cluster's members on its scorecard and
//! open one's participation, which equals what the member sees of themselves; leaders
//! and members see no member names and cannot open another member.

use axum::http::StatusCode;
use chrono::Datelike;
use domain::{
    account::Role,
    entity::{membership, user},
    sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder},
};

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

#[tokio::test]
async fn staff_drill_from_a_cluster_to_a_member_and_see_what_the_member_sees() {
    for (db, app) in apps_with_kpis().await {
        let member = session_cookie(&db.conn, Role::Member).await;
        let member_id = user::Entity::find()
            .all(&db.conn)
            .await
            .expect("users")
            .into_iter()
            .find_map(|u| u.member_id)
            .expect("the test member");
        let staff = session_cookie(&db.conn, Role::Staff).await;
        // A year in which the test member belonged to the first cluster.
        let term = membership::Entity::find()
            .filter(membership::Column::MemberId.eq(member_id))
            .filter(membership::Column::ClusterId.eq(1))
            .order_by_desc(membership::Column::StartDate)
            .one(&db.conn)
            .await
            .expect("query")
            .expect("the test member's membership");
        let today = chrono::Local::now().date_naive();
        let year = term.end_date.unwrap_or(today).min(today).year().to_string();

        // Staff see the test member listed on the first cluster's scorecard.
        let (response, body) = send(
            &app,
            post_as(
                "/api/scorecard/get",
                &staff,
                &format!(
                    "query%5Bcluster%5D=1&query%5Bperiod%5D={year}&query%5Bvalidated_only%5D=false"
                ),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let card: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let members = card["members"].as_array().expect("staff see members");
        let href = format!("/member?id={member_id}&period={year}");
        assert!(
            members.iter().any(|m| m["href"] == href.as_str()),
            "{}: {href} in {members:?}",
            db.name
        );

        // Staff see exactly the member's own page, with who it is and the way back.
        let period = format!("period={year}");
        let (_, own) = send(&app, post_as("/api/participation/mine", &member, &period)).await;
        let own: serde_json::Value = serde_json::from_str(&own).expect("JSON");
        let (response, body) = send(
            &app,
            post_as(
                "/api/participation/member",
                &staff,
                &format!("member={member_id}&{period}"),
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{}: {body}", db.name);
        let seen: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(seen["metrics"], own["metrics"], "{}", db.name);
        assert_eq!(seen["events"], own["events"], "{}", db.name);
        assert_eq!(seen["subject"]["member"], member_id, "{}", db.name);
        assert_eq!(
            seen["subject"]["cluster_href"],
            format!("/scorecard?cluster=1&{period}").as_str(),
            "{}",
            db.name
        );
        let (response, html) = send(&app, get_as(&href, &staff)).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", db.name);
        let name = seen["subject"]["name"].as_str().expect("a name");
        assert!(html.contains(name), "{}: the page names {name}", db.name);

        // Unknown members and bad periods are named, not guessed.
        let (response, _) = send(
            &app,
            post_as("/api/participation/member", &staff, "member=99999999"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{}", db.name);
        let (response, body) = send(
            &app,
            post_as(
                "/api/participation/member",
                &staff,
                &format!("member={member_id}&period=someday"),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(body.contains("someday"), "{}: {body}", db.name);
    }
}

#[tokio::test]
async fn leaders_and_members_see_no_member_names_and_open_no_other_member() {
    for (db, app) in apps_with_kpis().await {
        for role in [Role::Leader, Role::Member] {
            let cookie = session_cookie(&db.conn, role).await;
            let (response, body) = send(
                &app,
                post_as(
                    "/api/scorecard/get",
                    &cookie,
                    "query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=false",
                ),
            )
            .await;
            assert_eq!(
                response.status(),
                StatusCode::OK,
                "{} {role:?}: {body}",
                db.name
            );
            let card: serde_json::Value = serde_json::from_str(&body).expect("JSON");
            assert!(card["members"].is_null(), "{} {role:?}: no names", db.name);
            let (response, body) = send(
                &app,
                post_as("/api/participation/member", &cookie, "member=1"),
            )
            .await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{} {role:?}",
                db.name
            );
            assert!(
                !body.contains("events"),
                "{} {role:?}: nothing leaked",
                db.name
            );
        }
    }
}
