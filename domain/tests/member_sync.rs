//! Members pushed by an integration: created by number when new, updated when a field
//! differs, left alone otherwise; every bad item named by field with nothing written; the
//! batch recorded in the import history and rolled back to the members before it, unless
//! a member it created has facts of its own by then.

mod support;

use domain::DomainError;
use domain::entity::member;
use domain::import_history::{ImportHistory, ImportOrigin};
use domain::member_sync::{MemberRecord, MemberSync};
use domain::sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Statement,
};

use support::count;

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

fn origin() -> ImportOrigin {
    ImportOrigin {
        source: "API: POST /api/v1/facts/members".into(),
        by: "API token CRM".into(),
    }
}

fn record(number: &str, first: &str, email: &str) -> MemberRecord {
    MemberRecord {
        member_number: number.into(),
        first_name: first.into(),
        last_name: "Lovelace".into(),
        email: email.into(),
        company: Some("Analytical Engines".into()),
    }
}

async fn members(db: &DatabaseConnection) -> Vec<member::Model> {
    member::Entity::find()
        .order_by_asc(member::Column::Id)
        .all(db)
        .await
        .expect("members")
}

#[tokio::test]
async fn members_are_upserted_by_number_and_rolled_back() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let before = members(db).await;
        let unchanged = MemberRecord {
            member_number: "M2".into(),
            first_name: "First2".into(),
            last_name: "Last2".into(),
            email: "m2@example.org".into(),
            company: Some("Co2".into()),
        };
        let batch = vec![
            record("M100", "Ada", "ada@example.org"),
            record("M1", "Augusta", "augusta@example.org"),
            unchanged,
        ];
        let checked = MemberSync::check(db, batch.clone()).await.expect("check");
        assert_eq!(
            checked.preview.problem_count, 0,
            "{name}: {:?}",
            checked.preview
        );
        assert_eq!(
            (
                checked.preview.created,
                checked.preview.changed,
                checked.preview.unchanged
            ),
            (1, 1, 1),
            "{name}"
        );
        let written = MemberSync::write(db, checked, &origin())
            .await
            .expect("written");
        let import = written.import_id.expect("recorded");
        let after = members(db).await;
        assert_eq!(after.len(), before.len() + 1, "{name}");
        let first = after.iter().find(|m| m.member_number == "M1").expect("M1");
        assert_eq!(
            (first.first_name.as_str(), first.company.as_str()),
            ("Augusta", "Analytical Engines")
        );

        // The same batch again changes nothing and leaves no record.
        let again = MemberSync::write(
            db,
            MemberSync::check(db, batch).await.expect("check"),
            &origin(),
        )
        .await
        .expect("again");
        assert_eq!(
            (again.preview.unchanged, again.import_id),
            (3, None),
            "{name}"
        );

        let undone = ImportHistory::roll_back(db, import, "Staff", today())
            .await
            .expect("rolled back");
        assert_eq!((undone.removed, undone.restored), (1, 1), "{name}");
        assert_eq!(members(db).await, before, "{name}: the members as before");
    }
}

#[tokio::test]
async fn bad_items_are_named_and_nothing_is_written() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let batch = vec![
            record("M100", "Ada", "ada@example.org"),
            record("", "Nobody", "nobody@example.org"),
            record("M101", "", "ada@example.org"),
            record("M102", "Grace", "grace at navy"),
            record("M100", "Ada again", "ada@example.org"),
            record(&"9".repeat(33), "Long", "long@example.org"),
        ];
        let checked = MemberSync::check(db, batch).await.expect("check");
        let problems: Vec<(u64, String, String)> = checked
            .preview
            .problems
            .iter()
            .map(|p| (p.line, p.column.clone().unwrap_or_default(), p.why.clone()))
            .collect();
        let has = |item: u64, field: &str, why: &str| {
            problems
                .iter()
                .any(|(i, f, w)| *i == item && f == field && w.contains(why))
        };
        assert!(has(1, "member_number", "required"), "{name}: {problems:?}");
        assert!(has(2, "first_name", "required"), "{problems:?}");
        assert!(has(3, "email", "not an e-mail address"), "{problems:?}");
        assert!(has(4, "member_number", "also on item 0"), "{problems:?}");
        assert!(has(5, "member_number", "at most 32"), "{problems:?}");
        assert!(!problems.iter().any(|(i, _, _)| *i == 0), "{problems:?}");
        let refused = MemberSync::write(db, checked, &origin()).await;
        assert!(matches!(refused, Err(DomainError::Refused(_))), "{name}");
        assert_eq!(count(db, "members").await, 8, "{name}: nothing written");
        assert_eq!(count(db, "fact_imports").await, 0, "{name}");
    }
}

#[tokio::test]
async fn a_created_member_with_facts_of_its_own_is_kept() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let checked = MemberSync::check(db, vec![record("M100", "Ada", "ada@example.org")])
            .await
            .expect("check");
        let import = MemberSync::write(db, checked, &origin())
            .await
            .expect("written")
            .import_id
            .expect("recorded");
        let ada = member::Entity::find()
            .filter(member::Column::MemberNumber.eq("M100"))
            .one(db)
            .await
            .expect("query")
            .expect("Ada");
        db.execute_raw(Statement::from_string(
            db.get_database_backend(),
            format!(
                "INSERT INTO memberships (member_id, cluster_id, start_date) VALUES ({}, 1, '2025-09-01')",
                ada.id
            ),
        ))
        .await
        .expect("a membership");
        let refused = ImportHistory::roll_back(db, import, "Staff", today()).await;
        match refused {
            Err(DomainError::Refused(lines)) => {
                assert!(lines[0].contains("must go first"), "{name}: {lines:?}");
            }
            other => panic!("{name}: must be refused, got {other:?}"),
        }
        assert_eq!(count(db, "members").await, 9, "{name}: Ada is kept");
        let history = ImportHistory::recent(db, 5).await.expect("history");
        assert_eq!(history[0].rolled_back_at, None, "{name}");
    }
}
