//! The permission matrix: every server function the app registers, called by a visitor,
//! a member, a cluster leader, staff and an admin. Allowed calls pass the role check (a
//! success, or a 422 about the request itself); refused calls get 401 (visitors) or 403
//! and no data. A new server function that is missing from the matrix fails the test, so
//! the matrix always covers every route.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use domain::{
    account::Role,
    cluster_scorecard::ClusterScorecard,
    entity::{cluster, user},
    sea_orm::{EntityTrait, QueryOrder},
};

use crate::support::{apps_with_kpis, get_as, post_as, send, session_cookie};

/// Who calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caller {
    Visitor,
    Member,
    Leader,
    Staff,
    Admin,
}

use Caller::{Admin, Leader, Member, Staff, Visitor};

const EVERYONE: &[Caller] = &[Visitor, Member, Leader, Staff, Admin];
const SIGNED_IN: &[Caller] = &[Member, Leader, Staff, Admin];
const STAFF: &[Caller] = &[Staff, Admin];
const ADMIN: &[Caller] = &[Admin];
const MEMBERS: &[Caller] = &[Member];
const PLANNERS: &[Caller] = &[Leader, Staff, Admin];

/// Server functions without a role check: signing in and out, the reader's own session
/// and account, and password resets by one-time token (tested in `accounts.rs`).
const SELF_SERVICE: &[&str] = &[
    "/api/account/me",
    "/api/account/sign-in",
    "/api/account/sign-out",
    "/api/account/password",
    "/api/account/reset",
];

#[tokio::test]
async fn every_server_function_refuses_every_role_it_does_not_serve() {
    for (db, app) in apps_with_kpis().await {
        // The user the admin calls act on, created first.
        session_cookie(&db.conn, Role::Staff).await;
        let target = user::Entity::find()
            .order_by_desc(user::Column::Id)
            .one(&db.conn)
            .await
            .expect("query")
            .expect("a user")
            .id;
        let member = session_cookie(&db.conn, Role::Member).await;
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let cookie = |caller: Caller| match caller {
            Visitor => "",
            Member => member.as_str(),
            Leader => leader.as_str(),
            Staff => staff.as_str(),
            Admin => admin.as_str(),
        };
        // A cluster that is neither the leader's (1) nor the test member's.
        let member_id = user::Entity::find()
            .order_by_desc(user::Column::Id)
            .all(&db.conn)
            .await
            .expect("query")
            .into_iter()
            .find_map(|u| u.member_id)
            .expect("the test member");
        let today = chrono::Local::now().date_naive();
        let own = ClusterScorecard::cluster_of_member(&db.conn, kpi::MemberId(member_id), today)
            .await
            .expect("query")
            .map(|(c, _)| c.0);
        let other = cluster::Entity::find()
            .all(&db.conn)
            .await
            .expect("query")
            .into_iter()
            .map(|c| c.id)
            .find(|id| *id != 1 && Some(*id) != own)
            .expect("another cluster");

        let plan_save = "plan%5Bcluster%5D=1&plan%5Byear%5D=2025\
             &plan%5Brows%5D%5B0%5D%5Bmetric%5D=forum_attendance&plan%5Brows%5D%5B0%5D%5Bselected%5D=true\
             &plan%5Brows%5D%5B0%5D%5Bgreen%5D=&plan%5Brows%5D%5B0%5D%5Bamber%5D=";
        let metric_save = "existing=&form%5Bkey%5D=matrix_probe&form%5Bname%5D=Probe\
             &form%5Bdescription%5D=&form%5Bgroup%5D=cluster&form%5Bunit%5D=count\
             &form%5Blower_is_better%5D=false&form%5Bgreen%5D=4&form%5Bamber%5D=2\
             &form%5Bobligatory%5D=false&form%5Byearly_only%5D=false&form%5Bowner%5D=\
             &form%5Bretired%5D=false&form%5Bdefinition%5D=%7B%7D";
        let month = chrono::Local::now().format("%Y-%m");
        let matrix: Vec<(&str, String, &[Caller])> = vec![
            ("/api/organization/overview", String::new(), STAFF),
            (
                "/api/organization/pulse",
                "query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=false".into(),
                STAFF,
            ),
            (
                "/api/region/view",
                "query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=false".into(),
                STAFF,
            ),
            (
                "/api/leaderboard/get",
                "query%5Bvalidated_only%5D=false".into(),
                SIGNED_IN,
            ),
            (
                "/api/scorecard/get",
                "query%5Bperiod%5D=2025&query%5Bvalidated_only%5D=false".into(),
                SIGNED_IN,
            ),
            (
                "/api/scorecard/get",
                format!("query%5Bcluster%5D={other}&query%5Bvalidated_only%5D=false"),
                STAFF,
            ),
            ("/api/participation/mine", "period=2025".into(), MEMBERS),
            (
                "/api/participation/member",
                format!("member={member_id}&period=2025"),
                STAFF,
            ),
            ("/api/plan/get", "year=2025".into(), PLANNERS),
            ("/api/plan/get", format!("cluster={other}&year=2025"), STAFF),
            ("/api/plan/save", plan_save.into(), PLANNERS),
            (
                "/api/plan/save",
                plan_save.replace("plan%5Bcluster%5D=1", &format!("plan%5Bcluster%5D={other}")),
                STAFF,
            ),
            ("/api/committee-calls/get", String::new(), PLANNERS),
            ("/api/committee-calls/get", format!("cluster={other}"), STAFF),
            (
                "/api/committee-calls/record",
                "call%5Bcluster%5D=1&call%5Bcommittee%5D=0&call%5Bdate%5D=2025-10-07\
                 &call%5Bstart%5D=19%3A00&call%5Bheld%5D=true"
                    .into(),
                PLANNERS,
            ),
            ("/api/media/get", String::new(), PLANNERS),
            ("/api/media/get", format!("cluster={other}"), STAFF),
            (
                "/api/media/record",
                "item%5Bcluster%5D=1&item%5Bpublished_on%5D=2099-01-01&item%5Boutlet%5D=O\
                 &item%5Bkind%5D=mention&item%5Breach%5D=1&item%5Btitle%5D=T"
                    .into(),
                PLANNERS,
            ),
            ("/api/media/remove", "cluster=1&id=999999".into(), PLANNERS),
            ("/api/awards/get", String::new(), PLANNERS),
            ("/api/awards/get", format!("cluster={other}"), STAFF),
            (
                "/api/awards/record",
                "application%5Bcluster%5D=1&application%5Baward%5D=A\
                 &application%5Bsubmitted_on%5D=2099-01-01&application%5Bmember%5D="
                    .into(),
                PLANNERS,
            ),
            (
                "/api/awards/decide",
                "cluster=1&id=999999&outcome=won".into(),
                PLANNERS,
            ),
            ("/api/awards/remove", "cluster=1&id=999999".into(), PLANNERS),
            ("/api/programs/get", String::new(), PLANNERS),
            ("/api/programs/get", format!("cluster={other}"), STAFF),
            (
                "/api/programs/record",
                "program%5Bcluster%5D=1&program%5Btitle%5D=&program%5Bdate%5D=2025-01-01\
                 &program%5Bstart%5D=09%3A00&program%5Bstatus%5D=Planned"
                    .into(),
                PLANNERS,
            ),
            (
                "/api/programs/decide",
                "cluster=1&id=999999&status=Cancelled".into(),
                PLANNERS,
            ),
            ("/api/programs/remove", "cluster=1&id=999999".into(), PLANNERS),
            ("/api/goals/get", String::new(), PLANNERS),
            ("/api/goals/get", format!("cluster={other}"), STAFF),
            ("/api/goals/add", "cluster=1&year=1999&title=".into(), PLANNERS),
            ("/api/goals/achieved", "cluster=1&id=999999&achieved=true".into(), PLANNERS),
            ("/api/goals/remove", "cluster=1&id=999999".into(), PLANNERS),
            ("/api/board/get", String::new(), PLANNERS),
            ("/api/board/get", format!("cluster={other}"), STAFF),
            ("/api/board/add-seat", "cluster=1&title=&leads=false".into(), PLANNERS),
            ("/api/board/remove-seat", "cluster=1&seat=999999".into(), PLANNERS),
            (
                "/api/board/start-term",
                "cluster=1&seat=999999&member=1&starts_on=2025-01-01".into(),
                PLANNERS,
            ),
            (
                "/api/board/end-term",
                "cluster=1&term=999999&ends_on=2025-01-01".into(),
                PLANNERS,
            ),
            ("/api/board/remove-term", "cluster=1&term=999999".into(), PLANNERS),
            (
                "/api/board/successor",
                "cluster=1&term=999999&successor=".into(),
                PLANNERS,
            ),
            ("/api/community-work/get", String::new(), PLANNERS),
            ("/api/community-work/get", format!("cluster={other}"), STAFF),
            (
                "/api/community-work/record",
                "work%5Bcluster%5D=1&work%5Bkind%5D=Partnership&work%5Bname%5D=\
                 &work%5Bstarted_on%5D=2099-01-01&work%5Bended_on%5D="
                    .into(),
                PLANNERS,
            ),
            (
                "/api/community-work/end",
                "cluster=1&kind=ServiceProject&id=999999&ended_on=".into(),
                PLANNERS,
            ),
            (
                "/api/community-work/remove",
                "cluster=1&kind=Partnership&id=999999".into(),
                PLANNERS,
            ),
            ("/api/metrics/list", String::new(), STAFF),
            ("/api/metrics/form", "key=forum_attendance".into(), STAFF),
            ("/api/metrics/save", metric_save.into(), STAFF),
            ("/api/metrics/retire", "key=media_reach&retired=false".into(), STAFF),
            (
                "/api/validation/queue",
                "filter%5Bperiod%5D=2025&filter%5Bshow%5D=Awaiting&filter%5Bpage%5D=0".into(),
                STAFF,
            ),
            (
                "/api/validation/explain",
                "metric=forum_attendance&period=2025&cluster=1".into(),
                STAFF,
            ),
            (
                "/api/validation/decide",
                "request%5Bperiod%5D=2025&request%5Bkind%5D=Validate\
                 &request%5Bmetric%5D=forum_attendance&request%5Bcluster%5D=1&request%5Bbulk%5D=false"
                    .into(),
                STAFF,
            ),
            (
                "/api/validation/close-period",
                "period=2025&restate=false".into(),
                STAFF,
            ),
            ("/api/self-reports/mine", String::new(), MEMBERS),
            (
                "/api/self-reports/submit",
                format!(
                    "draft%5Bkind%5D=volunteer_hours&draft%5Bmonth%5D={month}\
                     &draft%5Bhours%5D=1&draft%5Bdescription%5D=Matrix"
                ),
                MEMBERS,
            ),
            ("/api/self-reports/queue", String::new(), STAFF),
            (
                "/api/self-reports/decide",
                "request%5Bids%5D%5B0%5D=999999&request%5Bverify%5D=true".into(),
                STAFF,
            ),
            ("/api/users/list", String::new(), ADMIN),
            ("/api/settings/get", String::new(), ADMIN),
            ("/api/api-tokens/list", String::new(), ADMIN),
            (
                "/api/api-tokens/create",
                "token%5Bname%5D=&token%5Baccess%5D=Read".into(),
                ADMIN,
            ),
            ("/api/api-tokens/revoke", "id=999999".into(), ADMIN),
            (
                "/api/settings/selection-limits",
                "limits%5Bmin%5D=9&limits%5Bmax%5D=1".into(),
                ADMIN,
            ),
            (
                "/api/users/invite",
                "form%5Bemail%5D=matrix%40example.test&form%5Bdisplay_name%5D=M\
                 &form%5Brole%5D%5Brole%5D=Staff"
                    .into(),
                ADMIN,
            ),
            ("/api/users/role", format!("user={target}&role%5Brole%5D=Staff"), ADMIN),
            ("/api/users/active", format!("user={target}&active=true"), ADMIN),
            (
                "/api/users/regions",
                format!("user={target}&limit%5Bregions%5D%5B0%5D=1"),
                ADMIN,
            ),
            ("/api/users/reset-link", format!("user={target}"), ADMIN),
            ("/api/brand/theme", String::new(), EVERYONE),
            (
                "/api/explorer/get",
                "query%5Bmetric%5D=forum_attendance&query%5Bvalidated_only%5D=false".into(),
                STAFF,
            ),
            ("/api/brand/for-editing", String::new(), ADMIN),
            (
                "/api/brand/save",
                "form%5Borganization_name%5D=Matrix&form%5Bprimary%5D=%231d4ed8\
                 &form%5Baccent%5D=%230f766e&form%5Bfont%5D=system"
                    .into(),
                ADMIN,
            ),
            ("/api/brand/restore", String::new(), ADMIN),
            ("/api/brand/remove-logo", String::new(), ADMIN),
            ("/api/dashboards/list", String::new(), STAFF),
            (
                "/api/dashboards/get",
                "query%5Bid%5D=1&query%5Bvalidated_only%5D=false".into(),
                STAFF,
            ),
            (
                "/api/dashboards/widget",
                "query%5Bdashboard%5D=1&query%5Bwidget%5D%5Bchart%5D=Ranking\
                 &query%5Bwidget%5D%5Bmetric%5D=forum_attendance\
                 &query%5Bwidget%5D%5Bwidth%5D=Half&query%5Bperiod%5D=2025\
                 &query%5Bvalidated_only%5D=false"
                    .into(),
                STAFF,
            ),
            ("/api/dashboards/create", "name=Matrix".into(), STAFF),
            ("/api/dashboards/copy", "id=1".into(), STAFF),
            ("/api/dashboards/save", "id=1&name=Matrix".into(), STAFF),
            ("/api/dashboards/delete", "id=999999".into(), STAFF),
            ("/api/dashboards/restore", String::new(), ADMIN),
            ("/api/import/kinds", String::new(), STAFF),
            ("/api/import/history", String::new(), STAFF),
            ("/api/import/roll-back", "id=999999".into(), STAFF),
        ];

        // Every registered server function is in the matrix or is self-service.
        let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path.to_owned())
            .collect();
        let covered: BTreeSet<String> = matrix
            .iter()
            .map(|(path, _, _)| (*path).to_owned())
            .chain(SELF_SERVICE.iter().map(|p| (*p).to_owned()))
            .collect();
        let missing: Vec<&String> = registered.difference(&covered).collect();
        assert!(
            missing.is_empty(),
            "not in the permission matrix: {missing:?}"
        );
        let stale: Vec<&String> = covered.difference(&registered).collect();
        assert!(
            stale.is_empty(),
            "in the matrix but not registered: {stale:?}"
        );

        for (path, form, allowed) in &matrix {
            for caller in EVERYONE {
                let (response, body) = send(&app, post_as(path, cookie(*caller), form)).await;
                let status = response.status();
                if allowed.contains(caller) {
                    assert!(
                        status.is_success() || status == StatusCode::UNPROCESSABLE_ENTITY,
                        "{}: {caller:?} may call {path} ({form}): {status} {body}",
                        db.name
                    );
                } else {
                    let refusal = if *caller == Visitor {
                        StatusCode::UNAUTHORIZED
                    } else {
                        StatusCode::FORBIDDEN
                    };
                    assert_eq!(
                        status, refusal,
                        "{}: {caller:?} calls {path} ({form}): {body}",
                        db.name
                    );
                    assert!(
                        body.len() < 300,
                        "{}: {path} leaked to {caller:?}: {body}",
                        db.name
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn every_page_keeps_out_the_roles_it_does_not_serve() {
    for (db, app) in apps_with_kpis().await {
        let member = session_cookie(&db.conn, Role::Member).await;
        let leader = session_cookie(&db.conn, Role::Leader).await;
        let staff = session_cookie(&db.conn, Role::Staff).await;
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let pages: &[(&str, &[Caller])] = &[
            ("/", STAFF),
            ("/validation?period=2025", STAFF),
            (
                "/validation/explain?metric=forum_attendance&period=2025&cluster=1",
                STAFF,
            ),
            ("/metrics", STAFF),
            ("/metrics/edit?key=forum_attendance", STAFF),
            ("/self-reports", STAFF),
            ("/admin/users", ADMIN),
            ("/admin/brand", ADMIN),
            ("/explorer?metric=forum_attendance", STAFF),
            (
                "/exports/charts/overview-trend.csv?period=2025&metric=renewal_rate",
                STAFF,
            ),
            (
                "/exports/charts/explorer-heatmap.csv?metric=forum_attendance",
                STAFF,
            ),
            ("/plan", PLANNERS),
            ("/committee-calls", PLANNERS),
            ("/media", PLANNERS),
            ("/awards", PLANNERS),
            ("/community-work", PLANNERS),
            ("/board", PLANNERS),
            ("/admin/settings", ADMIN),
            ("/admin/api-tokens", ADMIN),
            ("/goals", PLANNERS),
            ("/programs", PLANNERS),
            ("/exports/kpi-values.csv?period=2025", STAFF),
            ("/scorecard?period=2025", SIGNED_IN),
            ("/leaderboard?period=2025", SIGNED_IN),
            ("/region?period=2025", STAFF),
            ("/exports/charts/leaderboard.csv?period=2025", SIGNED_IN),
            ("/exports/charts/scorecard-trend.csv?period=2025", SIGNED_IN),
            ("/exports/charts/region-heatmap.csv?period=2025", STAFF),
            ("/me/participation?period=2025", MEMBERS),
            ("/member?id=1&period=2025", STAFF),
            ("/me/reports", MEMBERS),
            ("/import", STAFF),
            ("/dashboards", STAFF),
            ("/dashboard?id=1&period=2025", STAFF),
        ];
        for &(path, allowed) in pages {
            let (response, _) = send(&app, get_as(path, "")).await;
            assert_eq!(
                response.status(),
                StatusCode::SEE_OTHER,
                "{}: {path}",
                db.name
            );
            for (caller, cookie) in [
                (Member, &member),
                (Leader, &leader),
                (Staff, &staff),
                (Admin, &admin),
            ] {
                let (response, _) = send(&app, get_as(path, cookie)).await;
                let expected = if allowed.contains(&caller) {
                    StatusCode::OK
                } else {
                    StatusCode::FORBIDDEN
                };
                assert_eq!(
                    response.status(),
                    expected,
                    "{}: {caller:?} opens {path}",
                    db.name
                );
            }
        }
    }
}
