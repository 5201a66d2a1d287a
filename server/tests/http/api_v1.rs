//! The JSON API under `/api/v1`: bearer tokens (none, unknown, revoked, read-only for
//! writes: refused), the one error shape, paging and filters, the attendance push (a
//! batch all-or-nothing, by natural key, the KPIs recomputed), and the OpenAPI document
//! checked against what the routes really answer.

use axum::http::{StatusCode, header};
use domain::{
    api_tokens::{ApiTokens, TokenAdmin},
    entity::api_token::ApiAccess,
    kpi_values::{KpiFilter, KpiValues},
    sea_orm::{ConnectionTrait, DatabaseConnection, Statement},
};
use kpi::{MetricKey, Period, ScopeKind};
use serde_json::{Value, json};

use crate::support::{api_request, api_token, apps, apps_with_kpis, send};

async fn count(db: &DatabaseConnection, table: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .expect("count")
        .expect("row");
    row.try_get("", "n").expect("n")
}

/// Every stored KPI value, in a stable order.
async fn stored_values(db: &DatabaseConnection) -> Vec<(i32, String, String, i32, Option<f64>)> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT metric_id, period_key, scope_kind, scope_id, value FROM kpi_values \
         ORDER BY metric_id, period_key, scope_kind, scope_id",
    ))
    .await
    .expect("query")
    .into_iter()
    .map(|row| {
        (
            row.try_get("", "metric_id").expect("metric"),
            row.try_get("", "period_key").expect("period"),
            row.try_get("", "scope_kind").expect("kind"),
            row.try_get("", "scope_id").expect("id"),
            row.try_get("", "value").expect("value"),
        )
    })
    .collect()
}

/// Parses a body and checks it is the API's error shape with `status` and `code`.
fn problem(body: &str, status: StatusCode, code: &str) -> Value {
    let value: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(value["error"]["status"], status.as_u16(), "{body}");
    assert_eq!(value["error"]["code"], code, "{body}");
    assert!(
        value["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(value["error"]["problems"].is_array(), "{body}");
    value
}

/// Held events and members of their cluster who did not attend them.
async fn new_attendances(db: &DatabaseConnection, n: usize) -> Vec<(String, String)> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        format!(
            "SELECT DISTINCT e.id, m.id, e.event_ref AS event_ref, m.member_number AS member_number FROM events e \
             JOIN memberships ms ON ms.cluster_id = e.host_cluster_id \
             JOIN members m ON m.id = ms.member_id \
             WHERE e.status = 'held' AND ms.start_date <= e.scheduled_start \
             AND NOT EXISTS (SELECT 1 FROM attendances a \
             WHERE a.event_id = e.id AND a.member_id = m.id) \
             ORDER BY e.id DESC, m.id LIMIT {n}"
        ),
    ))
    .await
    .expect("query")
    .into_iter()
    .map(|row| {
        (
            row.try_get("", "event_ref").expect("event"),
            row.try_get("", "member_number").expect("member"),
        )
    })
    .collect()
}

#[tokio::test]
async fn reads_need_a_live_token_and_every_refusal_has_one_shape() {
    for (db, app) in apps().await {
        let name = db.name;
        let (response, body) = send(&app, api_request("GET", "/api/v1/clusters", "", None)).await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{name}: {body}"
        );
        assert!(
            response.headers().contains_key(header::WWW_AUTHENTICATE),
            "{name}"
        );
        problem(&body, StatusCode::UNAUTHORIZED, "unauthorized");
        let (response, body) = send(
            &app,
            api_request("GET", "/api/v1/clusters", "mpk_0123456789abcdef", None),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{name}: {body}"
        );

        let token = api_token(&db.conn, ApiAccess::Read).await;
        let (response, body) =
            send(&app, api_request("GET", "/api/v1/clusters", &token, None)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let page: Value = serde_json::from_str(&body).expect("JSON");
        let clusters = count(&db.conn, "clusters").await;
        assert_eq!(page["page"]["total"], clusters, "{name}: {body}");
        assert_eq!(
            page["items"].as_array().map(Vec::len),
            Some(clusters as usize)
        );
        let first_region = page["items"][0]["region"]["id"].as_i64().expect("a region");
        assert!(
            page["items"][0]["members"].as_i64().is_some_and(|n| n > 0),
            "{body}"
        );

        // Paging and a filter.
        let (_, body) = send(
            &app,
            api_request("GET", "/api/v1/clusters?limit=5&offset=10", &token, None),
        )
        .await;
        let page: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            page["items"].as_array().map(Vec::len),
            Some((clusters as usize - 10).min(5)),
            "{name}: {body}"
        );
        assert_eq!(page["page"]["offset"], 10);
        assert_eq!(page["page"]["limit"], 5);
        let (_, body) = send(
            &app,
            api_request(
                "GET",
                &format!("/api/v1/clusters?region={first_region}"),
                &token,
                None,
            ),
        )
        .await;
        let page: Value = serde_json::from_str(&body).expect("JSON");
        let items = page["items"].as_array().expect("items");
        assert!(
            !items.is_empty() && items.len() < clusters as usize,
            "{body}"
        );
        assert!(items.iter().all(|c| c["region"]["id"] == first_region));

        // Bad requests, in the same shape.
        let (response, body) = send(
            &app,
            api_request("GET", "/api/v1/clusters?limit=0", &token, None),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        let refused = problem(&body, StatusCode::UNPROCESSABLE_ENTITY, "unprocessable");
        assert_eq!(refused["error"]["problems"][0]["field"], "limit", "{body}");
        let (response, body) = send(
            &app,
            api_request("GET", "/api/v1/clusters?region=north", &token, None),
        )
        .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        problem(&body, StatusCode::BAD_REQUEST, "bad_request");
        let (response, body) = send(
            &app,
            api_request("GET", "/api/v1/nothing-here", &token, None),
        )
        .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{body}");
        let missing = problem(&body, StatusCode::NOT_FOUND, "not_found");
        assert!(
            missing["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("/api/v1/nothing-here")),
            "{body}"
        );

        // Revoked: refused from the next request on.
        let id = ApiTokens::list(&db.conn).await.expect("list")[0].id;
        ApiTokens::revoke(
            &db.conn,
            TokenAdmin {
                user_id: 1,
                email: "root@example.test",
            },
            id,
            chrono::Utc::now().naive_utc(),
        )
        .await
        .expect("revoked");
        let (response, body) =
            send(&app, api_request("GET", "/api/v1/clusters", &token, None)).await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{name}: {body}"
        );
        problem(&body, StatusCode::UNAUTHORIZED, "unauthorized");
    }
}

#[tokio::test]
async fn kpi_values_and_metrics_are_filtered_and_paged_like_the_store() {
    for (db, app) in apps_with_kpis().await {
        let name = db.name;
        let token = api_token(&db.conn, ApiAccess::Read).await;
        let (_, body) = send(&app, api_request("GET", "/api/v1/metrics", &token, None)).await;
        let metrics: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(metrics["page"]["total"], 49, "{name}: {body}");
        let key = metrics["items"][0]["key"]
            .as_str()
            .expect("a key")
            .to_owned();

        let fiscal = domain::kpi_engine::KpiEngine::fiscal_year_start(&db.conn)
            .await
            .expect("fiscal start");
        let filter = KpiFilter {
            period: Some(Period::parse("2025", fiscal).expect("a period")),
            scope_kind: Some(ScopeKind::Cluster),
            metric: Some(MetricKey::parse(&key).expect("a key")),
            ..KpiFilter::default()
        };
        let stored = KpiValues::list(&db.conn, &filter).await.expect("values");
        assert!(stored.len() > 4, "{name}: the demo has values");
        let uri =
            format!("/api/v1/kpi-values?period=2025&scope=cluster&metric={key}&limit=3&offset=2");
        let (response, body) = send(&app, api_request("GET", &uri, &token, None)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let page: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(page["page"]["total"], stored.len(), "{name}: {body}");
        let items = page["items"].as_array().expect("items");
        assert_eq!(items.len(), 3, "{body}");
        for (item, row) in items.iter().zip(&stored[2..5]) {
            assert_eq!(item["metric"], key);
            assert_eq!(item["period"], "2025");
            assert_eq!(item["scope"], "cluster");
            assert_eq!(item["scope_id"], row.scope_id, "{body}");
            assert_eq!(item["value"].as_f64(), row.value, "{body}");
            assert_eq!(item["status"], row.status.as_str());
            assert_eq!(
                item["signal"].as_str(),
                row.signal.map(|s| s.as_str()),
                "{body}"
            );
        }

        for (query, field) in [
            ("period=2025-Q9", "period"),
            ("scope=planet", "scope"),
            ("grain=week", "grain"),
            ("status=maybe", "status"),
            ("metric=Not-A-Key", "metric"),
        ] {
            let (response, body) = send(
                &app,
                api_request("GET", &format!("/api/v1/kpi-values?{query}"), &token, None),
            )
            .await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{name} {query}: {body}"
            );
            let refused = problem(&body, StatusCode::UNPROCESSABLE_ENTITY, "unprocessable");
            assert_eq!(refused["error"]["problems"][0]["field"], field, "{body}");
        }
        let (response, body) = send(
            &app,
            api_request(
                "GET",
                "/api/v1/kpi-values?metric=no_such_metric",
                &token,
                None,
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert!(body.contains("no_such_metric"), "{body}");
    }
}

#[tokio::test]
async fn a_write_token_pushes_attendances_once_and_a_read_token_may_not() {
    for (db, app) in apps_with_kpis().await {
        let name = db.name;
        let pairs = new_attendances(&db.conn, 3).await;
        assert_eq!(pairs.len(), 3, "{name}");
        let items: Vec<Value> = pairs
            .iter()
            .map(|(event, member)| json!({"event_ref": event, "member_number": member}))
            .collect();
        let batch = json!({ "items": items }).to_string();
        let before = count(&db.conn, "attendances").await;

        let reader = api_token(&db.conn, ApiAccess::Read).await;
        let (response, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/attendances", &reader, Some(&batch)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}: {body}");
        problem(&body, StatusCode::FORBIDDEN, "forbidden");
        assert_eq!(count(&db.conn, "attendances").await, before, "{name}");

        let writer = api_token(&db.conn, ApiAccess::Write).await;
        let dry = json!({ "items": items, "dry_run": true }).to_string();
        let (response, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/attendances", &writer, Some(&dry)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let outcome: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(outcome["created"], 3, "{body}");
        assert_eq!(outcome["dry_run"], true, "{body}");
        assert_eq!(
            count(&db.conn, "attendances").await,
            before,
            "{name}: dry run"
        );

        let stored_before = stored_values(&db.conn).await;
        let (response, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/attendances", &writer, Some(&batch)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let outcome: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(outcome["received"], 3, "{body}");
        assert_eq!(outcome["created"], 3, "{body}");
        assert!(
            outcome["kpi_values_changed"]
                .as_u64()
                .is_some_and(|n| n > 0),
            "{name}: the KPIs follow: {body}"
        );
        assert_eq!(count(&db.conn, "attendances").await, before + 3, "{name}");
        assert_ne!(
            stored_values(&db.conn).await,
            stored_before,
            "{name}: stored KPI values moved"
        );

        // The push is in the import history, under the token's name.
        let history = domain::import_history::ImportHistory::recent(&db.conn, 5)
            .await
            .expect("history");
        assert_eq!(history.len(), 1, "{name}");
        assert!(history[0].source.starts_with("API"), "{:?}", history[0]);
        assert!(
            history[0].imported_by.starts_with("API token Integration"),
            "{:?}",
            history[0]
        );

        // The same batch again changes nothing.
        let (_, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/attendances", &writer, Some(&batch)),
        )
        .await;
        let outcome: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(outcome["created"], 0, "{body}");
        assert_eq!(outcome["unchanged"], 3, "{body}");
        assert_eq!(count(&db.conn, "attendances").await, before + 3, "{name}");
    }
}

#[tokio::test]
async fn a_batch_with_bad_items_names_each_and_writes_nothing() {
    for (db, app) in apps().await {
        let name = db.name;
        let writer = api_token(&db.conn, ApiAccess::Write).await;
        let pairs = new_attendances(&db.conn, 1).await;
        let (event, member) = pairs.first().expect("a pair").clone();
        let batch = json!({ "items": [
            {"event_ref": event, "member_number": member},
            {"event_ref": "NO-SUCH-EVENT", "member_number": member},
            {"event_ref": event, "member_number": ""},
            {"event_ref": event, "member_number": member, "joined_at": "yesterday"},
            {"event_ref": event, "member_number": member},
        ]})
        .to_string();
        let before = count(&db.conn, "attendances").await;
        let (response, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/attendances", &writer, Some(&batch)),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {body}"
        );
        let refused = problem(&body, StatusCode::UNPROCESSABLE_ENTITY, "unprocessable");
        let listed: Vec<(u64, String)> = refused["error"]["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .map(|p| {
                (
                    p["item"].as_u64().expect("an item"),
                    p["field"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        assert!(listed.contains(&(1, "event_ref".into())), "{body}");
        assert!(listed.contains(&(2, "member_number".into())), "{body}");
        assert!(listed.contains(&(3, "joined_at".into())), "{body}");
        assert!(listed.contains(&(4, "member_number".into())), "{body}");
        assert!(body.contains("is also on item 0"), "{body}");
        assert!(!listed.iter().any(|(item, _)| *item == 0), "{body}");
        assert_eq!(count(&db.conn, "attendances").await, before, "{name}");

        for (body, status, code) in [
            ("{\"items\": [", StatusCode::BAD_REQUEST, "bad_request"),
            (
                "{\"items\": 5}",
                StatusCode::UNPROCESSABLE_ENTITY,
                "unprocessable",
            ),
            (
                "{\"items\": []}",
                StatusCode::UNPROCESSABLE_ENTITY,
                "unprocessable",
            ),
        ] {
            let (response, text) = send(
                &app,
                api_request("POST", "/api/v1/facts/attendances", &writer, Some(body)),
            )
            .await;
            assert_eq!(response.status(), status, "{name} {body}: {text}");
            problem(&text, status, code);
        }
        let too_many =
            json!({ "items": vec![json!({"event_ref": "E", "member_number": "M"}); 10_001] })
                .to_string();
        let (response, text) = send(
            &app,
            api_request(
                "POST",
                "/api/v1/facts/attendances",
                &writer,
                Some(&too_many),
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{text}"
        );
        assert!(text.contains("at most 10000"), "{text}");
        assert_eq!(count(&db.conn, "attendances").await, before, "{name}");
    }
}

/// Where `value` departs from `schema` (resolving `$ref`s in `doc`): missing required
/// fields, fields the document does not name, and values of the wrong type.
fn departures(doc: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        return departures(doc, &doc["components"]["schemas"][name], value, at);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema[key].as_array() {
            return if options
                .iter()
                .any(|option| departures(doc, option, value, at).is_empty())
            {
                Vec::new()
            } else {
                vec![format!("{at}: {value} matches none of {key}")]
            };
        }
    }
    if let Some(parts) = schema["allOf"].as_array() {
        return parts
            .iter()
            .flat_map(|part| departures(doc, part, value, at))
            .collect();
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let kind_fits = |kind: &str| match kind {
        "null" => value.is_null(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    };
    if !types.is_empty() && !types.iter().any(|kind| kind_fits(kind)) {
        return vec![format!("{at}: {value} is not {types:?}")];
    }
    let mut found = Vec::new();
    if let Some(object) = value.as_object() {
        let properties = schema["properties"].as_object();
        for required in schema["required"].as_array().into_iter().flatten() {
            let field = required.as_str().unwrap_or_default();
            if !object.contains_key(field) {
                found.push(format!("{at}.{field} is required but missing"));
            }
        }
        for (field, inner) in object {
            match properties.and_then(|p| p.get(field)) {
                Some(property) => {
                    found.extend(departures(doc, property, inner, &format!("{at}.{field}")))
                }
                None => found.push(format!("{at}.{field} is not in the document")),
            }
        }
    }
    if let Some(items) = value.as_array() {
        for (i, item) in items.iter().enumerate() {
            found.extend(departures(
                doc,
                &schema["items"],
                item,
                &format!("{at}[{i}]"),
            ));
        }
    }
    found
}

#[tokio::test]
async fn the_openapi_document_describes_what_the_routes_answer() {
    for (db, app) in apps_with_kpis().await {
        let name = db.name;
        let (response, body) =
            send(&app, api_request("GET", "/api/v1/openapi.json", "", None)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        let doc: Value = serde_json::from_str(&body).expect("the document is JSON");
        assert!(
            doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
            "OpenAPI 3: {}",
            doc["openapi"]
        );
        let paths = doc["paths"].as_object().expect("paths");
        let mut documented: Vec<&str> = paths.keys().map(String::as_str).collect();
        documented.sort_unstable();
        assert_eq!(
            documented,
            [
                "/api/v1/clusters",
                "/api/v1/facts/attendances",
                "/api/v1/facts/award-applications",
                "/api/v1/facts/board-seats",
                "/api/v1/facts/board-terms",
                "/api/v1/facts/budgets",
                "/api/v1/facts/committee-members",
                "/api/v1/facts/committees",
                "/api/v1/facts/dues-invoices",
                "/api/v1/facts/event-invitations",
                "/api/v1/facts/events",
                "/api/v1/facts/forum-members",
                "/api/v1/facts/forums",
                "/api/v1/facts/goals",
                "/api/v1/facts/media-items",
                "/api/v1/facts/members",
                "/api/v1/facts/memberships",
                "/api/v1/facts/mentorships",
                "/api/v1/facts/partnerships",
                "/api/v1/facts/referrals",
                "/api/v1/facts/self-reports",
                "/api/v1/facts/service-projects",
                "/api/v1/facts/speakers",
                "/api/v1/facts/spendings",
                "/api/v1/facts/trainings",
                "/api/v1/kpi-values",
                "/api/v1/metrics",
            ]
        );
        assert_eq!(
            doc["components"]["securitySchemes"]["api_token"]["scheme"],
            "bearer"
        );

        let reader = api_token(&db.conn, ApiAccess::Read).await;
        let writer = api_token(&db.conn, ApiAccess::Write).await;
        let pairs = new_attendances(&db.conn, 1).await;
        let (event, member) = pairs.first().expect("a pair").clone();
        let cluster_code: String = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "SELECT code FROM clusters ORDER BY id LIMIT 1",
            ))
            .await
            .expect("query")
            .expect("a cluster")
            .try_get("", "code")
            .expect("code");
        // A member of a cluster, whose dues the dues push sends.
        let held = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "SELECT m.member_number AS member_number, c.code AS code FROM memberships ms \
                 JOIN members m ON m.id = ms.member_id JOIN clusters c ON c.id = ms.cluster_id \
                 ORDER BY ms.id LIMIT 1",
            ))
            .await
            .expect("query")
            .expect("a membership");
        let (dues_member, dues_cluster): (String, String) = (
            held.try_get("", "member_number").expect("number"),
            held.try_get("", "code").expect("code"),
        );
        // The latest term on a board as the demo has it (the last of its seat), which the
        // board terms push sends again with a new last day.
        let term = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "SELECT c.code AS code, s.title AS seat, m.member_number AS member_number, \
                 t.start_date AS start_date FROM board_terms t \
                 JOIN board_seats s ON s.id = t.board_seat_id JOIN clusters c ON c.id = s.cluster_id \
                 JOIN members m ON m.id = t.member_id ORDER BY t.start_date DESC, t.id LIMIT 1",
            ))
            .await
            .expect("query")
            .expect("a term");
        let (term_cluster, term_seat, term_member): (String, String, String) = (
            term.try_get("", "code").expect("code"),
            term.try_get("", "seat").expect("seat"),
            term.try_get("", "member_number").expect("number"),
        );
        let term_start: chrono::NaiveDate = term.try_get("", "start_date").expect("start");
        // A forum seat as the demo has it, which the forum members push sends again.
        let seat = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "SELECT c.code AS code, f.name AS forum, m.member_number AS member_number, \
                 s.role AS role, s.start_date AS start_date FROM forum_memberships s \
                 JOIN forums f ON f.id = s.forum_id JOIN clusters c ON c.id = f.cluster_id \
                 JOIN members m ON m.id = s.member_id ORDER BY s.id LIMIT 1",
            ))
            .await
            .expect("query")
            .expect("a forum seat");
        let (seat_cluster, seat_forum, seat_member, seat_role): (String, String, String, String) = (
            seat.try_get("", "code").expect("code"),
            seat.try_get("", "forum").expect("forum"),
            seat.try_get("", "member_number").expect("number"),
            seat.try_get("", "role").expect("role"),
        );
        let seat_start: chrono::NaiveDate = seat.try_get("", "start_date").expect("start");
        // A committee of that seat's cluster, which the committee members push seats on.
        let committee_name: String = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                format!(
                    "SELECT k.name AS name FROM committees k JOIN clusters c ON c.id = k.cluster_id \
                     WHERE c.code = '{seat_cluster}' ORDER BY k.id LIMIT 1"
                ),
            ))
            .await
            .expect("query")
            .expect("a committee of the cluster")
            .try_get("", "name")
            .expect("name");
        // Another member of the dues member's cluster, whom the mentorship push pairs them with.
        let member_of_dues_cluster: String = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                format!(
                    "SELECT m.member_number AS member_number FROM memberships ms \
                     JOIN members m ON m.id = ms.member_id JOIN clusters c ON c.id = ms.cluster_id \
                     WHERE c.code = '{dues_cluster}' AND m.member_number <> '{dues_member}' \
                     ORDER BY ms.id LIMIT 1"
                ),
            ))
            .await
            .expect("query")
            .expect("another member")
            .try_get("", "member_number")
            .expect("number");
        // A good and a bad body for each push (members before memberships: CRM-1 is
        // created by the members push, which the document lists first).
        let bodies = |path: &str| {
            match path {
            "/api/v1/facts/attendances" => (
                json!({"items": [{"event_ref": event, "member_number": member}]}).to_string(),
                json!({"items": [{"event_ref": "NOPE", "member_number": member}]}).to_string(),
            ),
            "/api/v1/facts/dues-invoices" => (
                json!({"items": [{"invoice_number": "API-D1", "member_number": dues_member,
                    "cluster_code": dues_cluster, "amount": "100.00", "due_on": "2024-01-31"}]})
                .to_string(),
                json!({"items": [{"invoice_number": "API-D1", "member_number": dues_member,
                    "cluster_code": dues_cluster, "amount": "-1", "due_on": "2024-01-31"}]})
                .to_string(),
            ),
            "/api/v1/facts/events" => (
                json!({"items": [{"event_ref": "API-E1", "kind": "cluster_event",
                    "title": "Breakfast", "scheduled_start": "2024-03-01T08:00",
                    "status": "held", "cluster_code": cluster_code}]})
                .to_string(),
                json!({"items": [{"event_ref": "API-E2", "kind": "forum_meeting",
                    "title": "Forum", "scheduled_start": "2024-03-01T08:00",
                    "status": "held", "cluster_code": cluster_code}]})
                .to_string(),
            ),
            "/api/v1/facts/board-seats" => (
                json!({"items": [{"cluster_code": cluster_code, "title": "API Host"}]}).to_string(),
                json!({"items": [{"cluster_code": cluster_code, "title": ""}]}).to_string(),
            ),
            "/api/v1/facts/board-terms" => (
                json!({"items": [{"cluster_code": term_cluster, "seat": term_seat,
                    "member_number": term_member, "start_date": term_start.to_string(),
                    "end_date": (term_start + chrono::TimeDelta::days(30)).to_string()}]})
                .to_string(),
                json!({"items": [{"cluster_code": term_cluster, "seat": "NOPE",
                    "member_number": term_member, "start_date": term_start.to_string()}]})
                .to_string(),
            ),
            "/api/v1/facts/service-projects" => (
                json!({"items": [{"cluster_code": cluster_code, "name": "API food bank",
                    "started_on": "2024-02-01", "completed_on": "2024-05-31"}]})
                .to_string(),
                json!({"items": [{"cluster_code": cluster_code, "name": "API food bank",
                    "started_on": "2024-02-01", "completed_on": "2024-01-31"}]})
                .to_string(),
            ),
            "/api/v1/facts/forum-members" => (
                json!({"items": [{"cluster_code": seat_cluster, "forum": seat_forum,
                    "member_number": seat_member, "role": seat_role,
                    "start_date": seat_start.to_string(), "trained": true}]})
                .to_string(),
                json!({"items": [{"cluster_code": seat_cluster, "forum": seat_forum,
                    "member_number": seat_member, "role": "chair",
                    "start_date": seat_start.to_string()}]})
                .to_string(),
            ),
            "/api/v1/facts/mentorships" => (
                json!({"items": [{"cluster_code": dues_cluster, "mentor_number": dues_member,
                    "mentee_number": member_of_dues_cluster, "start_date": "2024-02-01"}]})
                .to_string(),
                json!({"items": [{"cluster_code": dues_cluster, "mentor_number": dues_member,
                    "mentee_number": dues_member, "start_date": "2024-02-01"}]})
                .to_string(),
            ),
            "/api/v1/facts/trainings" => (
                json!({"items": [{"member_number": dues_member, "course": "API leadership",
                    "completed_on": "2024-02-01"}]})
                .to_string(),
                json!({"items": [{"member_number": dues_member, "course": "API leadership",
                    "completed_on": "01.02.2024"}]})
                .to_string(),
            ),
            "/api/v1/facts/budgets" => (
                json!({"items": [{"cluster_code": cluster_code, "year": "2024",
                    "amount": "125000.00", "deadline": "2024-01-31", "submitted_on": "2024-01-20"}]})
                .to_string(),
                json!({"items": [{"cluster_code": cluster_code, "year": "2024",
                    "amount": "-5", "deadline": "2024-01-31"}]})
                .to_string(),
            ),
            "/api/v1/facts/spendings" => (
                json!({"items": [{"reference": "LEDGER-1", "cluster_code": cluster_code,
                    "spent_on": "2024-03-01", "amount": "250.00", "category": "catering"}]})
                .to_string(),
                json!({"items": [{"reference": "LEDGER-1", "cluster_code": "NOPE",
                    "spent_on": "2024-03-01", "amount": "250.00", "category": "catering"}]})
                .to_string(),
            ),
            "/api/v1/facts/referrals" => (
                json!({"items": [{"from_cluster_code": cluster_code, "prospect_name": "Ada Prospect",
                    "referred_on": "2024-03-01", "to_cluster_code": dues_cluster}]})
                .to_string(),
                json!({"items": [{"from_cluster_code": cluster_code, "prospect_name": "",
                    "referred_on": "2024-03-01", "to_cluster_code": dues_cluster}]})
                .to_string(),
            ),
            "/api/v1/facts/event-invitations" => (
                json!({"items": [{"event_ref": event, "member_number": member}]}).to_string(),
                json!({"items": [{"event_ref": event, "member_number": "NOPE"}]}).to_string(),
            ),
            "/api/v1/facts/speakers" => (
                json!({"items": [{"event_ref": event, "member_number": member,
                    "topic": "Growing a family business"}]})
                .to_string(),
                json!({"items": [{"event_ref": event, "member_number": member, "topic": ""}]})
                    .to_string(),
            ),
            "/api/v1/facts/committees" => (
                json!({"items": [{"cluster_code": cluster_code, "name": "API committee"}]})
                    .to_string(),
                json!({"items": [{"cluster_code": "NOPE", "name": "API committee"}]}).to_string(),
            ),
            "/api/v1/facts/committee-members" => (
                json!({"items": [{"cluster_code": seat_cluster, "committee": committee_name,
                    "member_number": seat_member, "start_date": "2024-06-01"}]})
                .to_string(),
                json!({"items": [{"cluster_code": seat_cluster, "committee": "NOPE",
                    "member_number": seat_member, "start_date": "2024-06-01"}]})
                .to_string(),
            ),
            "/api/v1/facts/self-reports" => (
                json!({"items": [{"member_number": dues_member, "cluster_code": dues_cluster,
                    "report_month": "2024-02", "kind": "volunteer_hours", "due_on": "2024-03-10",
                    "status": "verified", "submitted_on": "2024-03-01", "hours": 4.5,
                    "verifier": "Staff"}]})
                .to_string(),
                json!({"items": [{"member_number": dues_member, "cluster_code": dues_cluster,
                    "report_month": "2024-02", "kind": "volunteer_hours", "due_on": "2024-03-10",
                    "status": "verified"}]})
                .to_string(),
            ),
            "/api/v1/facts/forums" => (
                json!({"items": [{"cluster_code": cluster_code, "name": "API forum",
                    "formed_on": "2024-02-01"}]})
                .to_string(),
                json!({"items": [{"cluster_code": cluster_code, "name": "API forum",
                    "formed_on": "2024-02-01", "dissolved_on": "2024-01-01"}]})
                .to_string(),
            ),
            "/api/v1/facts/media-items" => (
                json!({"items": [{"reference": "CRM-MEDIA-1", "cluster_code": cluster_code,
                    "published_on": "2024-03-01", "outlet": "Daily News", "kind": "mention",
                    "reach": 1200, "title": "Entrepreneurs meet"}]})
                .to_string(),
                json!({"items": [{"reference": "CRM-MEDIA-1", "cluster_code": cluster_code,
                    "published_on": "2024-03-01", "outlet": "Daily News", "kind": "podcast",
                    "title": "Entrepreneurs meet"}]})
                .to_string(),
            ),
            "/api/v1/facts/award-applications" => (
                json!({"items": [{"reference": "CRM-AWARD-1", "cluster_code": cluster_code,
                    "award": "Chapter of the year", "submitted_on": "2024-03-01",
                    "outcome": "won"}]})
                .to_string(),
                json!({"items": [{"reference": "CRM-AWARD-1", "cluster_code": cluster_code,
                    "award": "Chapter of the year", "submitted_on": "2024-03-01",
                    "outcome": "maybe"}]})
                .to_string(),
            ),
            "/api/v1/facts/partnerships" => (
                json!({"items": [{"cluster_code": cluster_code, "partner_name": "API partner",
                    "start_date": "2024-02-01"}]})
                .to_string(),
                json!({"items": [{"cluster_code": "NOPE", "partner_name": "API partner",
                    "start_date": "2024-02-01"}]})
                .to_string(),
            ),
            "/api/v1/facts/goals" => (
                json!({"items": [{"cluster_code": cluster_code, "year": 2024,
                    "title": "Grow to forty", "recorded_on": "2024-01-15", "achieved": true}]})
                .to_string(),
                json!({"items": [{"cluster_code": cluster_code, "year": 1999,
                    "title": "Grow to forty", "recorded_on": "2024-01-15"}]})
                .to_string(),
            ),
            "/api/v1/facts/memberships" => (
                json!({"items": [{"member_number": "CRM-1", "cluster_code": cluster_code,
                    "start_date": "2024-01-01", "end_date": "2024-06-30"}]})
                .to_string(),
                json!({"items": [{"member_number": "CRM-1", "cluster_code": "NOPE",
                    "start_date": "2024-01-01"}]})
                .to_string(),
            ),
            _ => (
                json!({"items": [{"member_number": "CRM-1", "first_name": "Ada",
                    "last_name": "Lovelace", "email": "ada@example.org"}]})
                .to_string(),
                json!({"items": [{"member_number": "", "first_name": "Ada",
                    "last_name": "Lovelace", "email": "ada"}]})
                .to_string(),
            ),
        }
        };
        for (path, operations) in paths {
            for (method, operation) in operations.as_object().expect("operations") {
                let method = method.to_uppercase();
                let (push, bad_push) = bodies(path);
                // Every documented answer the test can provoke, checked against its schema.
                let calls: Vec<(&str, &str, Option<&str>)> = match method.as_str() {
                    "GET" => vec![("200", reader.as_str(), None), ("401", "", None)],
                    _ => vec![
                        ("200", writer.as_str(), Some(push.as_str())),
                        ("401", "", Some(push.as_str())),
                        ("403", reader.as_str(), Some(push.as_str())),
                        ("422", writer.as_str(), Some(bad_push.as_str())),
                    ],
                };
                for (status, token, body) in calls {
                    let (response, text) =
                        send(&app, api_request(&method, path, token, body)).await;
                    assert_eq!(
                        response.status().as_str(),
                        status,
                        "{name} {method} {path}: {text}"
                    );
                    let documented = &operation["responses"][status];
                    assert!(
                        documented.is_object(),
                        "{method} {path} answers {status}, which the document does not list"
                    );
                    let schema = &documented["content"]["application/json"]["schema"];
                    let value: Value = serde_json::from_str(&text).expect("JSON");
                    let found = departures(&doc, schema, &value, "body");
                    assert!(
                        found.is_empty(),
                        "{name} {method} {path} {status}: {found:#?}"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn admins_create_list_and_revoke_tokens_from_the_page() {
    use crate::support::{post_as, session_cookie};
    use domain::account::Role;

    for (db, app) in apps().await {
        let name = db.name;
        let admin = session_cookie(&db.conn, Role::Admin).await;
        let (response, body) = send(
            &app,
            post_as(
                "/api/api-tokens/create",
                &admin,
                "token%5Bname%5D=CRM%20plugin&token%5Baccess%5D=Write",
            ),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let issued: Value = serde_json::from_str(&body).expect("JSON");
        let secret = issued["secret"].as_str().expect("a secret").to_owned();
        let (response, _) = send(&app, api_request("GET", "/api/v1/metrics", &secret, None)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");

        let (_, body) = send(&app, post_as("/api/api-tokens/list", &admin, "")).await;
        let listed: Value = serde_json::from_str(&body).expect("JSON");
        let row = &listed[0];
        assert_eq!(row["name"], "CRM plugin", "{body}");
        assert_eq!(row["access"], "Write", "{body}");
        assert!(secret.starts_with(row["prefix"].as_str().expect("prefix")));
        assert!(
            row["last_used"].is_string(),
            "the call was recorded: {body}"
        );
        assert!(!body.contains(&secret), "the list never shows a secret");

        let (response, body) = send(
            &app,
            post_as(
                "/api/api-tokens/create",
                &admin,
                "token%5Bname%5D=CRM%20plugin&token%5Baccess%5D=Read",
            ),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert!(body.contains("is in use"), "{body}");

        let id = row["id"].as_i64().expect("an id");
        let (response, body) = send(
            &app,
            post_as("/api/api-tokens/revoke", &admin, &format!("id={id}")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let (response, _) = send(&app, api_request("GET", "/api/v1/metrics", &secret, None)).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{name}");
        let (_, html) = send(&app, crate::support::get_as("/admin/api-tokens", &admin)).await;
        assert!(
            html.contains("CRM plugin"),
            "{name}: the page lists the token"
        );
    }
}

#[tokio::test]
async fn a_crm_pushes_members_by_number_and_they_are_in_the_history() {
    for (db, app) in apps().await {
        let name = db.name;
        let writer = api_token(&db.conn, ApiAccess::Write).await;
        let known: String = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "SELECT member_number FROM members ORDER BY id LIMIT 1",
            ))
            .await
            .expect("query")
            .expect("a member")
            .try_get("", "member_number")
            .expect("number");
        let batch = json!({"items": [
            {"member_number": "CRM-0001", "first_name": "Ada", "last_name": "Lovelace",
             "email": "ada@example.org", "company": "Analytical Engines"},
            {"member_number": known, "first_name": "Renamed", "last_name": "Member",
             "email": "renamed@example.org"},
        ]})
        .to_string();
        let before = count(&db.conn, "members").await;
        let (response, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/members", &writer, Some(&batch)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let outcome: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            (outcome["created"].as_u64(), outcome["changed"].as_u64()),
            (Some(1), Some(1)),
            "{body}"
        );
        assert_eq!(count(&db.conn, "members").await, before + 1, "{name}");
        let (_, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/members", &writer, Some(&batch)),
        )
        .await;
        let outcome: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(outcome["unchanged"], 2, "{name}: {body}");

        let bad = json!({"items": [{"member_number": "CRM-0002", "first_name": "",
            "last_name": "X", "email": "not-an-address"}]})
        .to_string();
        let (response, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/members", &writer, Some(&bad)),
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        let refused = problem(&body, StatusCode::UNPROCESSABLE_ENTITY, "unprocessable");
        let fields: Vec<&str> = refused["error"]["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .filter_map(|p| p["field"].as_str())
            .collect();
        assert_eq!(fields, ["first_name", "email"], "{body}");
        assert_eq!(count(&db.conn, "members").await, before + 1, "{name}");

        let history = domain::import_history::ImportHistory::recent(&db.conn, 5)
            .await
            .expect("history");
        assert_eq!(
            history.len(),
            1,
            "{name}: the unchanged batch is not recorded"
        );
        assert_eq!(history[0].kind, "members");
        assert_eq!(history[0].source, "API: POST /api/v1/facts/members");

        // The new member's term in a cluster: the KPIs follow.
        let code: String = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "SELECT code FROM clusters ORDER BY id LIMIT 1",
            ))
            .await
            .expect("query")
            .expect("a cluster")
            .try_get("", "code")
            .expect("code");
        let terms = json!({"items": [{"member_number": "CRM-0001", "cluster_code": code,
            "start_date": "2026-01-01", "renewal_due_on": "2026-12-31"}]})
        .to_string();
        let (response, body) = send(
            &app,
            api_request("POST", "/api/v1/facts/memberships", &writer, Some(&terms)),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{name}: {body}");
        let outcome: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(outcome["created"], 1, "{body}");
        assert!(
            outcome["kpi_values_changed"]
                .as_u64()
                .is_some_and(|n| n > 0),
            "{name}: {body}"
        );
    }
}
