//! Files of every importable kind: members and memberships from CSV and XLSX, checked whole
//! with every problem by line and column, written once, recorded and rolled back; a file
//! of the wrong kind or sheet is named as such.

mod support;

use std::io::Cursor;

use chrono::NaiveDate;
use domain::entity::{member, membership};
use domain::fact_file::{ColumnMapping, FileFormat, RowProblem};
use domain::fact_import::{CheckedImport, FactImport, FactKind};
use domain::import_history::{ImportHistory, ImportOrigin};
use domain::sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

#[path = "support/kpi_fixture.rs"]
mod kpi_fixture;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

fn origin(file: &str) -> ImportOrigin {
    ImportOrigin {
        source: file.into(),
        by: "Staff <staff@example.org>".into(),
    }
}

async fn check(
    db: &DatabaseConnection,
    kind: FactKind,
    format: FileFormat,
    bytes: Vec<u8>,
) -> CheckedImport {
    FactImport::check(
        db,
        kind,
        format,
        Cursor::new(bytes),
        &ColumnMapping::default(),
        today(),
    )
    .await
    .expect("checked")
}

/// A problem as (line, column, why).
type NamedProblem<'a> = (u64, Option<&'a str>, &'a str);

/// The problems as (line, column, why).
fn named(problems: &[RowProblem]) -> Vec<NamedProblem<'_>> {
    problems
        .iter()
        .map(|p| (p.line, p.column.as_deref(), p.why.as_str()))
        .collect()
}

/// A workbook with one sheet named `sheet` holding `csv`'s cells as text.
fn workbook(sheet: &str, csv: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let page = book.add_worksheet();
    page.set_name(sheet).expect("name");
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            page.write_string(r as u32, c as u16, cell).expect("cell");
        }
    }
    let other = book.add_worksheet();
    other.set_name("notes").expect("name");
    book.save_to_buffer().expect("xlsx")
}

async fn members(db: &DatabaseConnection) -> Vec<member::Model> {
    member::Entity::find()
        .order_by_asc(member::Column::Id)
        .all(db)
        .await
        .expect("members")
}

async fn memberships(db: &DatabaseConnection) -> Vec<membership::Model> {
    membership::Entity::find()
        .order_by_asc(membership::Column::Id)
        .all(db)
        .await
        .expect("memberships")
}

#[tokio::test]
async fn a_member_file_is_checked_by_line_written_once_and_rolled_back() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let before = members(db).await;

        // Every bad row named by its line and column; nothing is planned.
        let bad = "member_number,first_name,last_name,email\n\
                   M100,Ada,Lovelace,ada@example.org\n\
                   M101,,Byron,not-an-address\n\
                   M100,Ada,Lovelace,ada@example.org\n"
            .as_bytes()
            .to_vec();
        let checked = check(db, FactKind::Members, FileFormat::Csv, bad).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (3, Some("first_name"), "required"),
                (3, Some("email"), "not an e-mail address"),
                (4, Some("member_number"), "this member is also on line 2"),
            ],
            "{name}"
        );
        assert!(
            FactImport::write(db, checked, &origin("bad.csv"), today())
                .await
                .is_err(),
            "{name}: a file with problems is refused"
        );
        assert_eq!(members(db).await, before, "{name}: nothing written");

        // A clean file (columns in any order, company optional): one new, one changed.
        let good = "email,last_name,first_name,member_number,company\n\
                    ada@example.org,Lovelace,Ada,M100,\n\
                    m1@example.org,Last1,Augusta,M1,Co1\n\
                    m2@example.org,Last2,First2,M2,Co2\n";
        let checked = check(
            db,
            FactKind::Members,
            FileFormat::Csv,
            good.as_bytes().to_vec(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (
                preview.rows,
                preview.created,
                preview.changed,
                preview.unchanged
            ),
            (3, 1, 1, 1),
            "{name}: {preview:?}"
        );
        let written = FactImport::write(db, checked, &origin("crm.csv"), today())
            .await
            .expect("written");
        assert_eq!(members(db).await.len(), before.len() + 1, "{name}");

        // The same rows as a workbook's sheet "members": nothing left to change.
        let checked = check(
            db,
            FactKind::Members,
            FileFormat::Workbook,
            workbook("Members", good),
        )
        .await;
        let again = checked.preview();
        assert_eq!(
            (again.problem_count, again.unchanged),
            (0, 3),
            "{name}: {again:?}"
        );

        let history = ImportHistory::recent(db, 5).await.expect("history");
        assert_eq!(history[0].source, "crm.csv", "{name}");
        ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
            .await
            .expect("rolled back");
        assert_eq!(members(db).await, before, "{name}: the members as before");
    }
}

#[tokio::test]
async fn a_membership_file_names_unknown_clusters_and_overlaps_then_recomputes() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let before = memberships(db).await;

        let bad = "member_number,cluster_code,start_date,end_date,renewal_outcome\n\
                   M3,Z,2025-06-01,,\n\
                   M4,A,2025-13-01,,\n\
                   M1,B,2025-06-01,,\n\
                   M3,B,2025-06-01,,maybe\n"
            .as_bytes()
            .to_vec();
        let checked = check(db, FactKind::Memberships, FileFormat::Csv, bad).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (2, Some("cluster_code"), "no cluster has this code"),
                (3, Some("start_date"), "not a date: write 2025-07-01"),
                (
                    4,
                    Some("start_date"),
                    "overlaps the member's membership in A from 2020-01-01"
                ),
                (
                    5,
                    Some("renewal_outcome"),
                    "write renewed, lapsed or pending (or leave it empty)"
                ),
            ],
            "{name}"
        );

        // M3 comes back to Beta after their term in Alpha ended: the KPIs follow.
        let good = "member_number,cluster_code,start_date\nM3,B,2025-06-01\n";
        let checked = check(
            db,
            FactKind::Memberships,
            FileFormat::Workbook,
            workbook("memberships", good),
        )
        .await;
        assert_eq!(checked.preview().created, 1, "{name}");
        let written = FactImport::write(db, checked, &origin("terms.xlsx"), today())
            .await
            .expect("written");
        assert!(written.recompute.is_some(), "{name}: the KPIs recomputed");
        assert_eq!(memberships(db).await.len(), before.len() + 1, "{name}");
        ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
            .await
            .expect("rolled back");
        assert_eq!(memberships(db).await, before, "{name}");
    }
}

#[tokio::test]
async fn a_file_of_another_kind_or_sheet_is_named_as_such() {
    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;

        // An attendance file chosen as members: every column named.
        let attendances = "event_ref,member_number\nEV1,M1\n".as_bytes().to_vec();
        let checked = check(db, FactKind::Members, FileFormat::Csv, attendances).await;
        let whys: Vec<&str> = checked
            .preview()
            .problems
            .iter()
            .map(|p| p.why.as_str())
            .collect();
        assert!(
            whys.contains(&"the column first_name is missing: a file of members has the columns member_number, first_name, last_name, email and, if known, company"),
            "{name}: {whys:#?}"
        );
        assert!(
            whys.iter()
                .any(|w| w.starts_with("the column \"event_ref\" is not known")),
            "{name}: {whys:#?}"
        );

        // A workbook without a sheet for the kind, with two sheets: which one is asked.
        let book = workbook("people", "member_number,cluster_code,start_date\n");
        let checked = check(db, FactKind::Memberships, FileFormat::Workbook, book).await;
        assert_eq!(
            checked.preview().problems[0].why,
            "the workbook has the sheets people, notes: name the one with the memberships \"memberships\"",
            "{name}"
        );

        // A header and no rows.
        let empty = "member_number,cluster_code,start_date\n"
            .as_bytes()
            .to_vec();
        let checked = check(db, FactKind::Memberships, FileFormat::Csv, empty).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![(2, None, "the file has a header but no rows")],
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_dues_file_reads_amounts_names_bad_ones_and_moves_the_dues_kpis() {
    use domain::entity::dues_invoice;
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let invoices = || async {
            dues_invoice::Entity::find()
                .order_by_asc(dues_invoice::Column::Id)
                .all(db)
                .await
                .expect("invoices")
        };
        let before = invoices().await;

        let header = "invoice_number,member_number,cluster_code,amount,due_on,paid_on,paid_amount,reserved_amount\n";
        let bad = format!(
            "{header}\
             D10,M1,B,1000,2025-09-30,,,\n\
             D11,M2,A,-5,2025-09-30,,,\n\
             D12,M2,A,\"1,000.00\",2025-09-30,,500,\n\
             D13,M2,A,1000,2025-09-30,2026-02-01,1200,\n\
             D14,M2,A,1000,2025-09-30,2025-09-01,800,900\n\
             D10,M9,A,1000,2025-09-31,,,\n"
        );
        let checked = check(
            db,
            FactKind::DuesInvoices,
            FileFormat::Csv,
            bad.into_bytes(),
        )
        .await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("cluster_code"),
                    "M1 has never been a member of this cluster"
                ),
                (
                    3,
                    Some("amount"),
                    "not an amount: write 1250.00 (no currency sign)"
                ),
                (
                    4,
                    Some("paid_on"),
                    "required when paid_amount is given: when it was paid"
                ),
                (
                    5,
                    Some("paid_on"),
                    "after today (2025-12-31): record a payment once it is made"
                ),
                (5, Some("paid_amount"), "more than the amount billed"),
                (6, Some("reserved_amount"), "more than the amount paid"),
                (7, Some("invoice_number"), "this invoice is also on line 2"),
                (
                    7,
                    Some("member_number"),
                    "no member has this number: import the member first"
                ),
                (7, Some("due_on"), "not a date: write 2025-07-31"),
            ],
            "{name}"
        );

        // D3 (M4, due 31 March) is paid now, a new invoice D10 is paid in full by its day.
        let good = format!(
            "{header}\
             D3,M4,A,1000.00,2025-03-31,2025-04-15,1000,100\n\
             D10,M2,A,\"1.250,50\",2025-09-30,2025-09-15,,\n"
        );
        let checked = check(
            db,
            FactKind::DuesInvoices,
            FileFormat::Csv,
            good.clone().into_bytes(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed),
            (1, 1),
            "{name}: {preview:?}"
        );
        let written = FactImport::write(db, checked, &origin("dues.csv"), today())
            .await
            .expect("written");
        let report = written.recompute.expect("recomputed");
        assert!(
            report.saved.updated + report.saved.inserted > 0,
            "{name}: the dues KPIs moved: {report:?}"
        );
        let after = invoices().await;
        let new = after
            .iter()
            .find(|d| d.invoice_number == "D10")
            .expect("D10");
        assert_eq!(
            (new.amount_cents, new.paid_cents, new.paid_on),
            (125_050, 125_050, NaiveDate::from_ymd_opt(2025, 9, 15)),
            "{name}"
        );
        // The incremental recompute left nothing for a full one to change.
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: {full:?}"
        );
        let again = check(
            db,
            FactKind::DuesInvoices,
            FileFormat::Csv,
            good.into_bytes(),
        )
        .await;
        assert_eq!(again.preview().unchanged, 2, "{name}");

        ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
            .await
            .expect("rolled back");
        assert_eq!(invoices().await, before, "{name}: the invoices as before");
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the rollback's recompute was complete: {full:?}"
        );
    }
}

#[tokio::test]
async fn an_event_file_checks_hosts_and_statuses_then_attendances_can_follow() {
    use domain::entity::event;
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let events = || async {
            event::Entity::find()
                .order_by_asc(event::Column::Id)
                .all(db)
                .await
                .expect("events")
        };
        let before = events().await;

        let header = "event_ref,kind,title,scheduled_start,status,cluster_code,region_code\n";
        let bad = format!(
            "{header}\
             X1,cluster_event,Breakfast,2025-09-10 08:00,held,,\n\
             X2,forum_meeting,Forum,2025-09-10 08:00,held,A,\n\
             X3,regional_event,Summit,2025-09-10 08:00,held,C,R1\n\
             X4,global_event,Conference,2026-03-10 09:00,held,,\n\
             E1,cluster_event,e1,2025-01-15 10:00,cancelled,A,\n\
             E5,forum_meeting,e5,2025-01-20 18:00,held,A,\n\
             X5,annual_meeting,AGM,14.06.2025,done,A,\n"
        );
        let checked = check(db, FactKind::Events, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("cluster_code"),
                    "required: the cluster that hosts the cluster_event"
                ),
                (3, Some("forum"), "required: the forum that met"),
                (4, Some("cluster_code"), "the cluster is in another region"),
                (
                    5,
                    Some("status"),
                    "the event starts later: it can be held only once it has started"
                ),
                (
                    6,
                    Some("status"),
                    "attendances are recorded for this event: it stays held"
                ),
                (7, Some("forum"), "required: the forum that met"),
                (
                    8,
                    Some("scheduled_start"),
                    "not a time: write 2025-03-14 18:00"
                ),
                (8, Some("status"), "write planned, held or cancelled"),
                (
                    8,
                    Some("cluster_code"),
                    "leave it empty: the annual_meeting is the whole organization's"
                ),
            ],
            "{name}"
        );

        // A new regional summit hosted by Beta, and E3 (cancelled) retitled and held.
        let good = format!(
            "{header}\
             X3,regional_event,Summit,2025-09-10 08:00,held,B,R1\n\
             E3,cluster_event,e3 rescheduled,2025-05-10 18:00,held,A,\n"
        );
        let checked = check(
            db,
            FactKind::Events,
            FileFormat::Csv,
            good.clone().into_bytes(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed),
            (1, 1),
            "{name}: {preview:?}"
        );
        let written = FactImport::write(db, checked, &origin("events.csv"), today())
            .await
            .expect("written");
        assert!(written.recompute.is_some(), "{name}: the KPIs recomputed");
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the incremental recompute was complete: {full:?}"
        );

        // Its attendances import next, against the new event.
        let attendances = "event_ref,member_number\nX3,M6\nX3,M7\n";
        let checked = check(
            db,
            FactKind::Attendances,
            FileFormat::Csv,
            attendances.as_bytes().to_vec(),
        )
        .await;
        assert_eq!(
            checked.preview().created,
            2,
            "{name}: {:?}",
            checked.preview()
        );
        let attended = FactImport::write(db, checked, &origin("x3.csv"), today())
            .await
            .expect("attendances");

        // The events import stays while its event has attendances; then it goes.
        let id = written.import_id.expect("recorded");
        let refused = ImportHistory::roll_back(db, id, "Staff", today()).await;
        assert!(refused.is_err(), "{name}: {refused:?}");
        ImportHistory::roll_back(db, attended.import_id.expect("recorded"), "Staff", today())
            .await
            .expect("attendances rolled back");
        ImportHistory::roll_back(db, id, "Staff", today())
            .await
            .expect("events rolled back");
        assert_eq!(events().await, before, "{name}: the events as before");
    }
}

#[tokio::test]
async fn forum_meetings_and_committee_calls_come_with_their_invitations_and_speakers() {
    use domain::entity::{event, event_invitation, speaker};
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let rows = || async {
            (
                event::Entity::find()
                    .order_by_asc(event::Column::Id)
                    .all(db)
                    .await
                    .expect("events"),
                event_invitation::Entity::find()
                    .order_by_asc(event_invitation::Column::Id)
                    .all(db)
                    .await
                    .expect("invitations"),
                speaker::Entity::find()
                    .order_by_asc(speaker::Column::Id)
                    .all(db)
                    .await
                    .expect("speakers"),
            )
        };
        let before = rows().await;
        let full_is_quiet = |what: &'static str| async move {
            let full = KpiEngine::recompute_all(db, today()).await.expect("full");
            assert_eq!(
                full.saved.updated + full.saved.inserted + full.saved.stale,
                0,
                "{name}: the recompute after {what} was complete: {full:?}"
            );
        };

        let header = "event_ref,kind,title,scheduled_start,status,cluster_code,region_code,forum,committee\n";
        let bad = format!(
            "{header}\
             X1,forum_meeting,F9 meeting,2025-07-20 18:30,held,A,,F9,\n\
             X2,forum_meeting,F3 meeting,2025-07-20 18:30,held,A,,F3,\n\
             X3,committee_call,Call,2025-07-01 19:00,held,A,,,\n\
             X4,cluster_event,Breakfast,2025-07-01 08:00,held,A,,F1,Board\n"
        );
        let checked = check(db, FactKind::Events, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("forum"),
                    "the cluster has no forum of this name: import it first"
                ),
                (
                    3,
                    Some("forum"),
                    "the cluster has no forum of this name: import it first"
                ),
                (4, Some("committee"), "required: the committee that met"),
                (
                    5,
                    Some("forum"),
                    "leave it empty: only a forum's own meetings name it"
                ),
                (
                    5,
                    Some("committee"),
                    "leave it empty: only a committee's own meetings name it"
                ),
            ],
            "{name}"
        );

        // F1 meets in July; the Board calls in July; E9's call is moved to F2's meeting.
        let good = format!(
            "{header}\
             X1,forum_meeting,F1 meeting,2025-07-20 18:30,held,A,,F1,\n\
             X3,committee_call,Board call,2025-07-01 19:00,held,A,,,Board\n"
        );
        let checked = check(db, FactKind::Events, FileFormat::Csv, good.into_bytes()).await;
        assert_eq!(
            (checked.preview().created, checked.preview().problem_count),
            (2, 0),
            "{name}: {:?}",
            checked.preview()
        );
        let events = FactImport::write(db, checked, &origin("meetings.csv"), today())
            .await
            .expect("events");
        full_is_quiet("the events").await;

        let bad = "event_ref,member_number\nX9,M1\nX1,M99\n,M1\nX1,M1\nX1,M1\n";
        let checked = check(
            db,
            FactKind::EventInvitations,
            FileFormat::Csv,
            bad.as_bytes().to_vec(),
        )
        .await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("event_ref"),
                    "no event has this reference: import the events first"
                ),
                (
                    3,
                    Some("member_number"),
                    "no member has this number: import the member first"
                ),
                (4, Some("event_ref"), "required: the event's reference"),
                (
                    6,
                    Some("member_number"),
                    "this member at this event is also on line 5"
                ),
            ],
            "{name}"
        );
        // From a workbook: F1's two members of July and the Board; E5's M1 is there already.
        let invitations = "event_ref,member_number\nX1,M1\nX1,M2\nX3,M1\nX3,M4\nE5,M1\n";
        let checked = check(
            db,
            FactKind::EventInvitations,
            FileFormat::Workbook,
            workbook("event_invitations", invitations),
        )
        .await;
        assert_eq!(
            (
                checked.preview().created,
                checked.preview().unchanged,
                checked.preview().problem_count
            ),
            (4, 1, 0),
            "{name}: {:?}",
            checked.preview()
        );
        let invited = FactImport::write(db, checked, &origin("invitations.xlsx"), today())
            .await
            .expect("invitations");
        assert!(invited.recompute.is_some(), "{name}: the KPIs recomputed");
        full_is_quiet("the invitations").await;
        let attendances = "event_ref,member_number,joined_at\nX1,M1,\nX3,M4,2025-07-01 19:02\n";
        let checked = check(
            db,
            FactKind::Attendances,
            FileFormat::Csv,
            attendances.as_bytes().to_vec(),
        )
        .await;
        let attended = FactImport::write(db, checked, &origin("attended.csv"), today())
            .await
            .expect("attendances");
        full_is_quiet("the attendances").await;

        let bad = "event_ref,member_number,topic\nE13,M7,\nE13,M1,\"".to_owned()
            + &"x".repeat(161)
            + "\"\n";
        let checked = check(db, FactKind::Speakers, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (2, Some("topic"), "required: what the member spoke about"),
                (3, Some("topic"), "at most 160 characters"),
            ],
            "{name}"
        );
        // M7 speaks at the regional event; M2's talk at the global one gets its topic.
        let talks = "event_ref,member_number,topic\nE13,M7,Growth\nE14,M2,Scale\nE14,M6,t\n";
        let checked = check(
            db,
            FactKind::Speakers,
            FileFormat::Csv,
            talks.as_bytes().to_vec(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed, preview.unchanged),
            (1, 1, 1),
            "{name}: {preview:?}"
        );
        let spoke = FactImport::write(db, checked, &origin("speakers.csv"), today())
            .await
            .expect("speakers");
        full_is_quiet("the speakers").await;
        let again = check(
            db,
            FactKind::Speakers,
            FileFormat::Csv,
            talks.as_bytes().to_vec(),
        )
        .await;
        assert_eq!(again.preview().unchanged, 3, "{name}");

        // Undone newest first: the events wait for their invitations and attendances.
        let events_id = events.import_id.expect("recorded");
        let refused = ImportHistory::roll_back(db, events_id, "Staff", today()).await;
        assert!(refused.is_err(), "{name}: {refused:?}");
        for import in [spoke, attended, invited, events] {
            ImportHistory::roll_back(db, import.import_id.expect("recorded"), "Staff", today())
                .await
                .expect("rolled back");
        }
        assert!(
            rows().await == before,
            "{name}: the events and their people as before"
        );
        full_is_quiet("the rollbacks").await;
    }
}

#[tokio::test]
async fn a_goal_file_names_bad_rows_sets_achievement_and_moves_the_goal_kpis() {
    use domain::entity::goal;
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let goals = || async {
            goal::Entity::find()
                .order_by_asc(goal::Column::Id)
                .all(db)
                .await
                .expect("goals")
        };
        let before = goals().await;
        let achievement =
            || support::cluster_value(db, kpi::ClusterId(1), "2025", "goal_achievement");
        // Cluster A achieved one of its two 2025 goals.
        assert_eq!(achievement().await, Some(0.5), "{name}");

        let header = "cluster_code,year,title,recorded_on,deadline,achieved\n";
        let bad = format!(
            "{header}\
             Z,2025,Grow,2025-01-20,,\n\
             A,2031,Plan,2025-01-20,,\n\
             A,twenty,Plan,2025-01-20,,\n\
             A,2025,grow,2025-01-20,,\n\
             A,2025,New,2026-01-05,,maybe\n\
             A,2025,Twice,2025-02-01,,\n\
             A,2025,TWICE,2025-02-01,,\n\
             A,2025,,2025-02-01,2025-13-01,\n"
        );
        let checked = check(db, FactKind::Goals, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (2, Some("cluster_code"), "no cluster has this code"),
                (3, Some("year"), "goals are for fiscal years 2000 to 2026"),
                (4, Some("year"), "not a year: write 2025"),
                (
                    5,
                    Some("title"),
                    "the cluster has this goal for 2025 as \"Grow\": write it so"
                ),
                (
                    6,
                    Some("recorded_on"),
                    "after today (2025-12-31): record a goal once it is set"
                ),
                (6, Some("achieved"), "write yes or no"),
                (
                    8,
                    Some("title"),
                    "this goal of the cluster and year is also on line 7"
                ),
                (9, Some("title"), "required: what the goal is"),
                (9, Some("deadline"), "not a date: write 2025-01-20"),
            ],
            "{name}"
        );
        assert_eq!(goals().await, before, "{name}: nothing written");

        // 'Forum' is achieved now, a third goal comes in late without a deadline (the
        // fiscal year's, thirty days in), and next year's first goal is set.
        let good = format!(
            "{header}\
             A,2025,Grow,2025-01-20,2025-01-31,yes\n\
             A,2025,Forum,2025-01-31,2025-01-31,Yes\n\
             A,2025,Members,2025-03-01,,no\n\
             A,2026,Forum again,2025-12-15,,\n"
        );
        let checked = check(
            db,
            FactKind::Goals,
            FileFormat::Workbook,
            workbook("goals", &good),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed, preview.unchanged),
            (2, 1, 1),
            "{name}: {preview:?}"
        );
        let written = FactImport::write(db, checked, &origin("goals.xlsx"), today())
            .await
            .expect("written");
        assert!(written.recompute.is_some(), "{name}: recomputed");
        let late = goals()
            .await
            .into_iter()
            .find(|g| g.title == "Members")
            .expect("Members");
        assert_eq!(
            (late.deadline, late.achieved),
            (NaiveDate::from_ymd_opt(2025, 1, 31).expect("day"), false),
            "{name}"
        );
        // Two of three 2025 goals achieved, recomputed by the import.
        let two_thirds = achievement().await;
        assert!(
            two_thirds.is_some_and(|v| (v - 2.0 / 3.0).abs() < 1e-9),
            "{name}: {two_thirds:?}"
        );
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the import's recompute was complete: {full:?}"
        );
        let again = check(db, FactKind::Goals, FileFormat::Csv, good.into_bytes()).await;
        assert_eq!(
            again.preview().unchanged,
            4,
            "{name}: a second import changes nothing"
        );

        ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
            .await
            .expect("rolled back");
        assert_eq!(goals().await, before, "{name}: the goals as before");
        assert_eq!(achievement().await, Some(0.5), "{name}");
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the rollback's recompute was complete: {full:?}"
        );
    }
}

#[tokio::test]
async fn board_seat_and_term_files_keep_one_leader_and_terms_apart_then_roll_back() {
    use domain::entity::{board_seat, board_term};
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let seats = || async {
            board_seat::Entity::find()
                .order_by_asc(board_seat::Column::Id)
                .all(db)
                .await
                .expect("seats")
        };
        let terms = || async {
            board_term::Entity::find()
                .order_by_asc(board_term::Column::Id)
                .all(db)
                .await
                .expect("terms")
        };
        let (seats_before, terms_before) = (seats().await, terms().await);
        let complete = |what: &str| {
            let what = what.to_owned();
            async move {
                let full = KpiEngine::recompute_all(db, today()).await.expect("full");
                assert_eq!(
                    full.saved.updated + full.saved.inserted + full.saved.stale,
                    0,
                    "{name}: the recompute after {what} was complete: {full:?}"
                );
            }
        };

        let header = "cluster_code,title,is_leader\n";
        let bad = format!(
            "{header}\
             A,President,yes\n\
             Z,Chair,\n\
             A,treasurer,no\n\
             B,Host,maybe\n\
             B,Host,no\n\
             B,HOST,\n\
             A,,no\n"
        );
        let checked = check(db, FactKind::BoardSeats, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("is_leader"),
                    "\"Leader\" leads this cluster; a board has one leading seat, so \"President\" cannot"
                ),
                (3, Some("cluster_code"), "no cluster has this code"),
                (
                    4,
                    Some("title"),
                    "the board has this seat as \"Treasurer\": write it so"
                ),
                (5, Some("is_leader"), "write yes or no"),
                (
                    7,
                    Some("title"),
                    "this seat of the cluster is also on line 6"
                ),
                (8, Some("title"), "required: the seat's title"),
            ],
            "{name}"
        );

        // The president takes over the lead from the leader's seat; B gets a host.
        let good = format!(
            "{header}\
             A,Leader,no\n\
             A,President,yes\n\
             B,Host,\n\
             A,Treasurer,no\n"
        );
        let checked = check(
            db,
            FactKind::BoardSeats,
            FileFormat::Csv,
            good.clone().into_bytes(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed, preview.unchanged),
            (2, 1, 1),
            "{name}: {preview:?}"
        );
        let seat_import = FactImport::write(db, checked, &origin("seats.csv"), today())
            .await
            .expect("written");
        assert!(seat_import.recompute.is_some(), "{name}: recomputed");
        complete("the seat import").await;
        let leaders: Vec<String> = seats()
            .await
            .into_iter()
            .filter(|s| s.cluster_id == 1 && s.is_leader)
            .map(|s| s.title)
            .collect();
        assert_eq!(leaders, vec!["President".to_owned()], "{name}");
        let again = check(db, FactKind::BoardSeats, FileFormat::Csv, good.into_bytes()).await;
        assert_eq!(again.preview().unchanged, 4, "{name}");

        let header = "cluster_code,seat,member_number,start_date,end_date,successor_number,successor_named_on\n";
        let bad = format!(
            "{header}\
             A,Chair,M1,2025-01-01,,,\n\
             A,Treasurer,M9,2025-01-01,,,\n\
             A,Secretary,M6,2025-01-01,,,\n\
             A,Secretary,M1,2025-05-01,2025-04-01,M1,2025-04-01\n\
             A,Secretary,M2,2025-02-01,,M3,\n\
             A,Treasurer,M2,2025-01-01,,,\n\
             B,Leader,M7,2026-01-01,,,\n"
        );
        let checked = check(db, FactKind::BoardTerms, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("seat"),
                    "the cluster's board has no such seat: import the board seats first"
                ),
                (
                    3,
                    Some("member_number"),
                    "no member has this number: import the member first"
                ),
                (
                    4,
                    Some("member_number"),
                    "has never been a member of this cluster"
                ),
                (
                    5,
                    Some("end_date"),
                    "before the term's first day (2025-05-01)"
                ),
                (
                    6,
                    Some("successor_named_on"),
                    "required with successor_number: the day the successor was named"
                ),
                (
                    7,
                    Some("end_date"),
                    "overlaps the seat's term of M4 from 2025-03-01: end this term before it"
                ),
            ],
            "{name}"
        );
        assert_eq!(terms().await, terms_before, "{name}: nothing written");

        // M4's treasurer term ends with November; M2 takes the seat over from December.
        let good = format!(
            "{header}\
             A,Leader,M1,2023-01-01,2025-12-31,M2,2025-09-30\n\
             A,Treasurer,M4,2025-03-01,2025-11-30,,\n\
             A,Treasurer,M2,2025-12-01,,,\n"
        );
        let checked = check(
            db,
            FactKind::BoardTerms,
            FileFormat::Workbook,
            workbook("board_terms", &good),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed, preview.unchanged),
            (1, 1, 1),
            "{name}: {preview:?}"
        );
        let term_import = FactImport::write(db, checked, &origin("terms.xlsx"), today())
            .await
            .expect("written");
        assert!(term_import.recompute.is_some(), "{name}: recomputed");
        complete("the term import").await;
        let again = check(db, FactKind::BoardTerms, FileFormat::Csv, good.into_bytes()).await;
        assert_eq!(again.preview().unchanged, 3, "{name}");

        // Newest first: the terms, then the seats.
        for import in [term_import, seat_import] {
            ImportHistory::roll_back(db, import.import_id.expect("recorded"), "Staff", today())
                .await
                .expect("rolled back");
        }
        assert_eq!(terms().await, terms_before, "{name}: the terms as before");
        assert_eq!(seats().await, seats_before, "{name}: the seats as before");
        complete("the rollbacks").await;
    }
}

#[tokio::test]
async fn service_project_and_partnership_files_keep_the_leaders_rules_then_roll_back() {
    use domain::entity::{partnership, service_project};
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let projects = || async {
            service_project::Entity::find()
                .order_by_asc(service_project::Column::Id)
                .all(db)
                .await
                .expect("projects")
        };
        let partnerships = || async {
            partnership::Entity::find()
                .order_by_asc(partnership::Column::Id)
                .all(db)
                .await
                .expect("partnerships")
        };
        let (projects_before, partnerships_before) = (projects().await, partnerships().await);
        let complete = |what: &'static str| async move {
            let full = KpiEngine::recompute_all(db, today()).await.expect("full");
            assert_eq!(
                full.saved.updated + full.saved.inserted + full.saved.stale,
                0,
                "{name}: the recompute after {what} was complete: {full:?}"
            );
        };

        let header = "cluster_code,name,started_on,completed_on\n";
        let bad = format!(
            "{header}\
             Z,Food bank,2025-01-01,\n\
             A,,2025-01-01,\n\
             A,Food bank,2026-02-01,\n\
             A,Park,2025-05-01,2025-04-01\n\
             A,Library,2025-05-01,2026-01-10\n\
             A,School,2025-05-01,\n\
             A,School,2025-06-01,\n"
        );
        let checked = check(
            db,
            FactKind::ServiceProjects,
            FileFormat::Csv,
            bad.into_bytes(),
        )
        .await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (2, Some("cluster_code"), "no cluster has this code"),
                (3, Some("name"), "required"),
                (
                    4,
                    Some("started_on"),
                    "after today (2025-12-31): record the project once it has begun"
                ),
                (
                    5,
                    Some("completed_on"),
                    "2025-04-01 is before the start, 2025-05-01"
                ),
                (6, Some("completed_on"), "2026-01-10 is in the future"),
                (
                    8,
                    Some("name"),
                    "this project of the cluster is also on line 7"
                ),
            ],
            "{name}"
        );

        // P2 is completed now, a new project starts.
        let good = format!(
            "{header}\
             A,P1,2025-01-01,2025-06-30\n\
             A,P2,2025-02-01,2025-11-30\n\
             B,Food bank,2025-09-01,\n"
        );
        let checked = check(
            db,
            FactKind::ServiceProjects,
            FileFormat::Workbook,
            workbook("service_projects", &good),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed, preview.unchanged),
            (1, 1, 1),
            "{name}: {preview:?}"
        );
        let project_import = FactImport::write(db, checked, &origin("projects.xlsx"), today())
            .await
            .expect("written");
        assert!(project_import.recompute.is_some(), "{name}: recomputed");
        complete("the project import").await;

        // Q ends in two years; P starts again after its first partnership ended.
        let header = "cluster_code,partner_name,start_date,end_date\n";
        let bad = format!("{header}A,Q,2025-11-01,2031-06-01\nA,P,2026-03-01,\n");
        let checked = check(
            db,
            FactKind::Partnerships,
            FileFormat::Csv,
            bad.into_bytes(),
        )
        .await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("end_date"),
                    "2031-06-01 is more than five years ahead"
                ),
                (
                    3,
                    Some("start_date"),
                    "after today (2025-12-31): record the partnership once it has begun"
                ),
            ],
            "{name}"
        );
        let good = format!("{header}A,Q,2025-11-01,2027-10-31\nA,P,2025-06-01,\n");
        let checked = check(
            db,
            FactKind::Partnerships,
            FileFormat::Csv,
            good.clone().into_bytes(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed),
            (1, 1),
            "{name}: {preview:?}"
        );
        let partnership_import = FactImport::write(db, checked, &origin("partners.csv"), today())
            .await
            .expect("written");
        complete("the partnership import").await;
        let again = check(
            db,
            FactKind::Partnerships,
            FileFormat::Csv,
            good.into_bytes(),
        )
        .await;
        assert_eq!(again.preview().unchanged, 2, "{name}");

        for import in [partnership_import, project_import] {
            ImportHistory::roll_back(db, import.import_id.expect("recorded"), "Staff", today())
                .await
                .expect("rolled back");
        }
        assert_eq!(projects().await, projects_before, "{name}");
        assert_eq!(partnerships().await, partnerships_before, "{name}");
        complete("the rollbacks").await;
    }
}

#[tokio::test]
async fn media_and_award_files_are_matched_by_reference_then_roll_back() {
    use domain::entity::{award_application, media_item};
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let items = || async {
            media_item::Entity::find()
                .order_by_asc(media_item::Column::Id)
                .all(db)
                .await
                .expect("items")
        };
        let applications = || async {
            award_application::Entity::find()
                .order_by_asc(award_application::Column::Id)
                .all(db)
                .await
                .expect("applications")
        };
        let (items_before, applications_before) = (items().await, applications().await);
        let complete = |what: &'static str| async move {
            let full = KpiEngine::recompute_all(db, today()).await.expect("full");
            assert_eq!(
                full.saved.updated + full.saved.inserted + full.saved.stale,
                0,
                "{name}: the recompute after {what} was complete: {full:?}"
            );
        };

        let header = "reference,cluster_code,published_on,outlet,kind,title,reach\n";
        let bad = format!(
            "{header}\
             ,A,2025-05-01,Paper,mention,Hello,10\n\
             N1,A,2026-01-02,Paper,podcast,Hello,-5\n\
             N2,Z,2025-05-01,,mention,Hello,\n\
             N3,A,2025-05-01,Paper,mention,Hello,\n\
             N3,A,2025-05-02,Paper,mention,Hello again,\n"
        );
        let checked = check(db, FactKind::MediaItems, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (2, Some("reference"), "required"),
                (
                    3,
                    Some("published_on"),
                    "after today (2025-12-31): record an item once it is out"
                ),
                (
                    3,
                    Some("kind"),
                    "one of mention, press_release, social_post"
                ),
                (3, Some("reach"), "a whole number from 0 to 1000000000"),
                (4, Some("outlet"), "required"),
                (4, Some("cluster_code"), "no cluster has this code"),
                (6, Some("reference"), "this item is also on line 5"),
            ],
            "{name}"
        );

        // Two items alike but for their references are two items; MEDIA-2 reached more.
        let good = format!(
            "{header}\
             MEDIA-2,A,2025-04-05,o,mention,t,2500\n\
             N1,B,2025-09-01,Radio,mention,Interview,400\n\
             N2,B,2025-09-01,Radio,mention,Interview,400\n"
        );
        let checked = check(
            db,
            FactKind::MediaItems,
            FileFormat::Csv,
            good.clone().into_bytes(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed),
            (2, 1),
            "{name}: {preview:?}"
        );
        let media_import = FactImport::write(db, checked, &origin("media.csv"), today())
            .await
            .expect("written");
        complete("the media import").await;
        let again = check(db, FactKind::MediaItems, FileFormat::Csv, good.into_bytes()).await;
        assert_eq!(again.preview().unchanged, 3, "{name}");

        let header = "reference,cluster_code,award,submitted_on,member_number,outcome\n";
        let bad = format!(
            "{header}\
             AW1,A,Best,2025-05-01,M6,won\n\
             AW2,A,Best,2025-05-01,M99,maybe\n\
             AW3,A,,2027-05-01,,\n"
        );
        let checked = check(
            db,
            FactKind::AwardApplications,
            FileFormat::Csv,
            bad.into_bytes(),
        )
        .await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("member_number"),
                    "has never been a member of this cluster"
                ),
                (
                    3,
                    Some("member_number"),
                    "no member has this number: import the member first"
                ),
                (3, Some("outcome"), "one of pending, won, lost"),
                (4, Some("award"), "required"),
                (4, Some("submitted_on"), "more than a year ahead"),
            ],
            "{name}"
        );
        // AWARD-2 was won; a member of B applies.
        let good = format!(
            "{header}\
             AWARD-2,A,Entrepreneur,2025-12-31,M1,won\n\
             AW1,B,Best,2025-10-01,M6,\n"
        );
        let checked = check(
            db,
            FactKind::AwardApplications,
            FileFormat::Workbook,
            workbook("award_applications", &good),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed),
            (1, 1),
            "{name}: {preview:?}"
        );
        let award_import = FactImport::write(db, checked, &origin("awards.xlsx"), today())
            .await
            .expect("written");
        complete("the award import").await;

        for import in [award_import, media_import] {
            ImportHistory::roll_back(db, import.import_id.expect("recorded"), "Staff", today())
                .await
                .expect("rolled back");
        }
        assert_eq!(items().await, items_before, "{name}");
        assert_eq!(applications().await, applications_before, "{name}");
        complete("the rollbacks").await;
    }
}

#[tokio::test]
async fn a_forum_file_forms_and_dissolves_forums_and_rolls_back() {
    use domain::entity::forum;
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let forums = || async {
            forum::Entity::find()
                .order_by_asc(forum::Column::Id)
                .all(db)
                .await
                .expect("forums")
        };
        let before = forums().await;

        let header = "cluster_code,name,formed_on,dissolved_on\n";
        let bad = format!(
            "{header}\
             A,F2,2025-01-01,2024-12-31\n\
             A,F9,2025-01-01,2026-02-01\n\
             B,F4,2026-01-05,\n\
             B,F5,2025-01-01,\n\
             B,F5,2025-02-01,\n"
        );
        let checked = check(db, FactKind::Forums, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("dissolved_on"),
                    "2024-12-31 is before the start, 2025-01-01"
                ),
                (3, Some("dissolved_on"), "2026-02-01 is in the future"),
                (
                    4,
                    Some("formed_on"),
                    "after today (2025-12-31): record the forum once it has begun"
                ),
                (
                    6,
                    Some("name"),
                    "this forum of the cluster is also on line 5"
                ),
            ],
            "{name}"
        );

        // F2 dissolves at the end of September; B forms a second forum.
        let good =
            format!("{header}A,F2,2025-01-01,2025-09-30\nB,F5,2025-03-01,\nA,F1,2020-01-01,\n");
        let checked = check(
            db,
            FactKind::Forums,
            FileFormat::Csv,
            good.clone().into_bytes(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed, preview.unchanged),
            (1, 1, 1),
            "{name}: {preview:?}"
        );
        let written = FactImport::write(db, checked, &origin("forums.csv"), today())
            .await
            .expect("written");
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the import's recompute was complete: {full:?}"
        );
        let again = check(db, FactKind::Forums, FileFormat::Csv, good.into_bytes()).await;
        assert_eq!(again.preview().unchanged, 3, "{name}");

        ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
            .await
            .expect("rolled back");
        assert_eq!(forums().await, before, "{name}");
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the rollback's recompute was complete: {full:?}"
        );
    }
}

#[tokio::test]
async fn a_forum_member_file_seats_members_and_moderators_and_rolls_back() {
    use domain::entity::forum_membership;
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let seats = || async {
            forum_membership::Entity::find()
                .order_by_asc(forum_membership::Column::Id)
                .all(db)
                .await
                .expect("seats")
        };
        let before = seats().await;
        let stored = before.first().expect("a seat").clone();

        let header = "cluster_code,forum,member_number,role,start_date,end_date,trained\n";
        let bad = format!(
            "{header}\
             A,F9,M1,member,2025-01-01,,\n\
             A,F1,M6,member,2025-01-01,,\n\
             A,F1,M2,chair,2025-01-01,,perhaps\n\
             A,F1,M2,member,2025-06-01,2025-05-01,\n\
             A,F1,M3,member,2026-01-02,,\n"
        );
        let checked = check(
            db,
            FactKind::ForumMembers,
            FileFormat::Csv,
            bad.into_bytes(),
        )
        .await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("forum"),
                    "the cluster has no such forum: import the forums first"
                ),
                (
                    3,
                    Some("member_number"),
                    "has never been a member of this cluster"
                ),
                (4, Some("role"), "one of member, moderator"),
                (4, Some("trained"), "write yes or no"),
                (5, Some("end_date"), "before the first day (2025-06-01)"),
                (
                    6,
                    Some("start_date"),
                    "after today (2025-12-31): record a seat once it has begun"
                ),
            ],
            "{name}"
        );

        // The first stored seat ends in November; M3 moderates F2 from March, trained.
        let forum_name = if stored.forum_id == 1 { "F1" } else { "F2" };
        let member_number = format!("M{}", stored.member_id);
        let role = if stored.role == forum_membership::ForumRole::Moderator {
            "moderator"
        } else {
            "member"
        };
        let good = format!(
            "{header}\
             A,{forum_name},{member_number},{role},{},2025-11-30,{}\n\
             A,F2,M3,moderator,2025-03-01,,yes\n",
            stored.start_date,
            if stored.trained { "yes" } else { "no" },
        );
        let checked = check(
            db,
            FactKind::ForumMembers,
            FileFormat::Csv,
            good.clone().into_bytes(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed, preview.problem_count),
            (1, 1, 0),
            "{name}: {preview:?}"
        );
        let written = FactImport::write(db, checked, &origin("forum-members.csv"), today())
            .await
            .expect("written");
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the import's recompute was complete: {full:?}"
        );
        let again = check(
            db,
            FactKind::ForumMembers,
            FileFormat::Csv,
            good.into_bytes(),
        )
        .await;
        assert_eq!(again.preview().unchanged, 2, "{name}");

        ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
            .await
            .expect("rolled back");
        assert_eq!(seats().await, before, "{name}");
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the rollback's recompute was complete: {full:?}"
        );
    }
}

#[tokio::test]
async fn committee_and_committee_member_files_are_checked_written_and_rolled_back() {
    use domain::entity::{committee, committee_member};

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        let committees = || async {
            committee::Entity::find()
                .order_by_asc(committee::Column::Id)
                .all(db)
                .await
                .expect("committees")
        };
        let seats = || async {
            committee_member::Entity::find()
                .order_by_asc(committee_member::Column::Id)
                .all(db)
                .await
                .expect("seats")
        };
        let (committees_before, seats_before) = (committees().await, seats().await);

        let header = "cluster_code,name\n";
        let bad = format!("{header}Z,Events\nA,\nB,Events\nB,Events\n");
        let checked = check(db, FactKind::Committees, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (2, Some("cluster_code"), "no cluster has this code"),
                (3, Some("name"), "required"),
                (
                    5,
                    Some("name"),
                    "this committee of the cluster is also on line 4"
                ),
            ],
            "{name}"
        );
        let good = format!("{header}A,Board\nB,Events\n");
        let checked = check(db, FactKind::Committees, FileFormat::Csv, good.into_bytes()).await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.unchanged),
            (1, 1),
            "{name}: {preview:?}"
        );
        let committee_import = FactImport::write(db, checked, &origin("committees.csv"), today())
            .await
            .expect("written");
        assert!(
            committee_import.recompute.is_none(),
            "{name}: no KPI reads committees"
        );

        let header = "cluster_code,committee,member_number,start_date,end_date\n";
        let bad = format!(
            "{header}\
             A,Events,M1,2025-01-01,\n\
             B,Events,M1,2025-01-01,\n\
             B,Events,M6,2026-01-05,\n\
             B,Events,M7,2025-03-01,2025-02-01\n"
        );
        let checked = check(
            db,
            FactKind::CommitteeMembers,
            FileFormat::Csv,
            bad.into_bytes(),
        )
        .await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (
                    2,
                    Some("committee"),
                    "the cluster has no such committee: import the committees first"
                ),
                (
                    3,
                    Some("member_number"),
                    "has never been a member of this cluster"
                ),
                (
                    4,
                    Some("start_date"),
                    "after today (2025-12-31): record a seat once it has begun"
                ),
                (5, Some("end_date"), "before the first day (2025-03-01)"),
            ],
            "{name}"
        );
        // M2 leaves the board in June; M6 and M7 sit on B's new committee.
        let good = format!(
            "{header}\
             A,Board,M2,2023-01-01,2025-06-30\n\
             B,Events,M6,2025-02-01,\n\
             B,Events,M7,2025-03-01,\n"
        );
        let checked = check(
            db,
            FactKind::CommitteeMembers,
            FileFormat::Csv,
            good.clone().into_bytes(),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed),
            (2, 1),
            "{name}: {preview:?}"
        );
        let seat_import = FactImport::write(db, checked, &origin("committee-members.csv"), today())
            .await
            .expect("written");
        let again = check(
            db,
            FactKind::CommitteeMembers,
            FileFormat::Csv,
            good.into_bytes(),
        )
        .await;
        assert_eq!(again.preview().unchanged, 3, "{name}");

        // The committees wait for the seats on them to go first.
        let refused = ImportHistory::roll_back(
            db,
            committee_import.import_id.expect("recorded"),
            "Staff",
            today(),
        )
        .await;
        assert!(refused.is_err(), "{name}: {refused:?}");
        for import in [seat_import, committee_import] {
            ImportHistory::roll_back(db, import.import_id.expect("recorded"), "Staff", today())
                .await
                .expect("rolled back");
        }
        assert_eq!(committees().await, committees_before, "{name}");
        assert_eq!(seats().await, seats_before, "{name}");
    }
}

#[tokio::test]
async fn a_self_report_file_checks_status_and_hours_then_moves_the_kpis_and_rolls_back() {
    use domain::entity::self_report;
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");
        let reports = || async {
            self_report::Entity::find()
                .order_by_asc(self_report::Column::Id)
                .all(db)
                .await
                .expect("reports")
        };
        let before = reports().await;

        let header = "member_number,cluster_code,report_month,kind,due_on,status,submitted_on,hours,description,verifier,verified_on,rejection_reason\n";
        let bad = format!(
            "{header}\
             M1,A,2025-13,activity,2025-02-10,submitted,2025-02-01,,,,,\n\
             M1,A,2025-06,gardening,2025-07-10,verified,,,,,,\n\
             M6,A,2025-06,activity,2025-07-10,expected,2025-07-01,,,,,\n\
             M1,A,2025-06,volunteer_hours,2025-07-10,submitted,2025-07-01,900,,,,\n\
             M1,A,2025-07,activity,2025-08-10,submitted,2025-08-01,,,,,\n\
             M1,A,2025-07-01,activity,2025-08-10,submitted,2025-08-02,,,,,\n"
        );
        let checked = check(db, FactKind::SelfReports, FileFormat::Csv, bad.into_bytes()).await;
        assert_eq!(
            named(&checked.preview().problems),
            vec![
                (2, Some("report_month"), "not a month: write 2025-03"),
                (
                    3,
                    Some("kind"),
                    "one of activity, event_participation, volunteer_hours"
                ),
                (
                    3,
                    Some("submitted_on"),
                    "required for a verified report: the day it came in"
                ),
                (
                    4,
                    Some("member_number"),
                    "has never been a member of this cluster"
                ),
                (
                    4,
                    Some("status"),
                    "expected, yet submitted_on is given: write submitted"
                ),
                (5, Some("hours"), "a number of hours from 0 to 744"),
                (
                    7,
                    Some("report_month"),
                    "this member's activity report for the month is also on line 6"
                ),
            ],
            "{name}"
        );
        assert_eq!(reports().await, before, "{name}: nothing written");

        // M2's rejected hours are verified after all; M1 reports April's volunteering.
        let good = format!(
            "{header}\
             M2,A,2025-03,volunteer_hours,2025-04-10,verified,2025-03-20,4,,Staff,2025-04-02,\n\
             M1,A,2025-04,volunteer_hours,2025-05-10,submitted,2025-05-02,2.5,Food bank,,,\n"
        );
        let checked = check(
            db,
            FactKind::SelfReports,
            FileFormat::Workbook,
            workbook("self_reports", &good),
        )
        .await;
        let preview = checked.preview().clone();
        assert_eq!(
            (preview.created, preview.changed),
            (1, 1),
            "{name}: {preview:?}"
        );
        let written = FactImport::write(db, checked, &origin("reports.xlsx"), today())
            .await
            .expect("written");
        let report = written.recompute.as_ref().expect("recomputed");
        assert!(
            report.saved.updated + report.saved.inserted > 0,
            "{name}: the volunteering KPIs moved: {report:?}"
        );
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the import's recompute was complete: {full:?}"
        );
        let again = check(
            db,
            FactKind::SelfReports,
            FileFormat::Csv,
            good.into_bytes(),
        )
        .await;
        assert_eq!(again.preview().unchanged, 2, "{name}");

        ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
            .await
            .expect("rolled back");
        assert_eq!(reports().await, before, "{name}");
        let full = KpiEngine::recompute_all(db, today()).await.expect("full");
        assert_eq!(
            full.saved.updated + full.saved.inserted + full.saved.stale,
            0,
            "{name}: the rollback's recompute was complete: {full:?}"
        );
    }
}

/// Checks `bad` (its problems as named), then writes `good` and proves the import's
/// recompute complete, the same file unchanged, and the rollback a full restore; `rows`
/// reads the table the kind writes.
async fn check_write_and_roll_back<R, F>(
    db: &DatabaseConnection,
    name: &str,
    kind: FactKind,
    (bad, problems): (&str, Vec<NamedProblem<'_>>),
    (good, counts): (&str, (u64, u64, u64)),
    rows: impl Fn() -> F,
) where
    R: PartialEq + std::fmt::Debug,
    F: std::future::Future<Output = R>,
{
    use domain::kpi_engine::KpiEngine;

    let checked = check(db, kind, FileFormat::Csv, bad.as_bytes().to_vec()).await;
    assert_eq!(
        named(&checked.preview().problems),
        problems,
        "{name} {kind:?}"
    );
    let before = rows().await;
    let checked = check(db, kind, FileFormat::Csv, good.as_bytes().to_vec()).await;
    let preview = checked.preview().clone();
    assert_eq!(
        (preview.created, preview.changed, preview.unchanged),
        counts,
        "{name} {kind:?}: {preview:?}"
    );
    let written = FactImport::write(db, checked, &origin("facts.csv"), today())
        .await
        .expect("written");
    assert!(written.recompute.is_some(), "{name} {kind:?}: recomputed");
    let full = KpiEngine::recompute_all(db, today()).await.expect("full");
    assert_eq!(
        full.saved.updated + full.saved.inserted + full.saved.stale,
        0,
        "{name} {kind:?}: the import's recompute was complete: {full:?}"
    );
    let again = check(db, kind, FileFormat::Csv, good.as_bytes().to_vec()).await;
    assert_eq!(
        again.preview().unchanged,
        counts.0 + counts.1 + counts.2,
        "{name} {kind:?}"
    );
    ImportHistory::roll_back(db, written.import_id.expect("recorded"), "Staff", today())
        .await
        .expect("rolled back");
    assert_eq!(rows().await, before, "{name} {kind:?}: as before");
    let full = KpiEngine::recompute_all(db, today()).await.expect("full");
    assert_eq!(
        full.saved.updated + full.saved.inserted + full.saved.stale,
        0,
        "{name} {kind:?}: the rollback's recompute was complete: {full:?}"
    );
}

#[tokio::test]
async fn mentorship_training_budget_spending_and_referral_files_move_their_kpis() {
    use domain::entity::{budget, mentorship, referral, spending, training};
    use domain::kpi_engine::KpiEngine;

    for scratch in support::databases().await {
        let db = &scratch.conn;
        let name = scratch.name;
        kpi_fixture::load(db).await;
        KpiEngine::recompute_all(db, today())
            .await
            .expect("recompute");

        // M5 (Alpha from April) mentors M4; the M6-M7 pair of Beta ends earlier.
        check_write_and_roll_back(
            db,
            name,
            FactKind::Mentorships,
            (
                "cluster_code,mentor_number,mentee_number,start_date,end_date\n\
                 A,M6,M4,2025-03-01,\n\
                 A,M4,M4,2025-03-01,\n\
                 B,M6,M7,2026-01-02,\n\
                 B,M6,M7,2025-03-01,2025-02-01\n",
                vec![
                    (
                        2,
                        Some("mentor_number"),
                        "has never been a member of this cluster",
                    ),
                    (
                        3,
                        Some("mentee_number"),
                        "the mentor's own number: a member does not mentor themselves",
                    ),
                    (
                        4,
                        Some("start_date"),
                        "after today (2025-12-31): record a mentorship once it has begun",
                    ),
                    (5, Some("end_date"), "before the first day (2025-03-01)"),
                ],
            ),
            (
                "cluster_code,mentor_number,mentee_number,start_date,end_date\n\
                 A,M5,M4,2025-05-01,\n\
                 B,M6,M7,2024-12-15,2025-03-31\n\
                 A,M1,M4,2025-03-01,\n",
                (1, 1, 1),
            ),
            || async {
                mentorship::Entity::find()
                    .order_by_asc(mentorship::Column::Id)
                    .all(db)
                    .await
                    .expect("mentorships")
            },
        )
        .await;

        // M2, on Alpha's board, completes the course; M1's is there already.
        check_write_and_roll_back(
            db,
            name,
            FactKind::Trainings,
            (
                "member_number,course,completed_on\n\
                 M99,Lead,2025-05-05\n\
                 M2,,2025-05-05\n\
                 M2,Lead,2026-02-01\n\
                 M2,Lead,2025-05-05\n\
                 M2,Lead,2025-05-05\n",
                vec![
                    (
                        2,
                        Some("member_number"),
                        "no member has this number: import the member first",
                    ),
                    (3, Some("course"), "required: the course's name"),
                    (
                        4,
                        Some("completed_on"),
                        "after today (2025-12-31): record a training once it is completed",
                    ),
                    (
                        6,
                        Some("completed_on"),
                        "this training of the member is also on line 5",
                    ),
                ],
            ),
            (
                "member_number,course,completed_on\nM2,Lead,2025-06-06\nM1,Lead,2025-05-05\n",
                (1, 0, 1),
            ),
            || async {
                training::Entity::find()
                    .order_by_asc(training::Column::Id)
                    .all(db)
                    .await
                    .expect("trainings")
            },
        )
        .await;

        // Beta's budget was late; now on time and smaller. Gamma budgets for 2025.
        check_write_and_roll_back(
            db,
            name,
            FactKind::Budgets,
            (
                "cluster_code,year,amount,deadline,submitted_on\n\
                 Z,2025,1000,2025-01-31,\n\
                 A,1999,1000,2025-01-31,\n\
                 A,2025,-3,2025-01-31,\n\
                 A,2025,1000,,2026-01-05\n\
                 B,2025,1000,2025-01-31,\n\
                 B,2025,1000,2025-01-31,\n",
                vec![
                    (2, Some("cluster_code"), "no cluster has this code"),
                    (3, Some("year"), "budgets are for fiscal years 2000 to 2026"),
                    (
                        4,
                        Some("amount"),
                        "not an amount above 0: write 125000.00 (no currency sign)",
                    ),
                    (
                        5,
                        Some("deadline"),
                        "required: the day it was due, as 2025-01-31",
                    ),
                    (
                        5,
                        Some("submitted_on"),
                        "after today (2025-12-31): record a budget once it is submitted",
                    ),
                    (
                        7,
                        Some("year"),
                        "this cluster's budget for the year is also on line 6",
                    ),
                ],
            ),
            (
                "cluster_code,year,amount,deadline,submitted_on\n\
                 A,2025,12000.00,2025-01-31,2025-01-31\n\
                 B,2025,\"5,500.00\",2025-01-31,2025-01-25\n\
                 C,2025,3000,2025-07-31,\n",
                (1, 1, 1),
            ),
            || async {
                budget::Entity::find()
                    .order_by_asc(budget::Column::Id)
                    .all(db)
                    .await
                    .expect("budgets")
            },
        )
        .await;

        // A new catering bill for Alpha; S3 was Beta's and is 6,000 not 7,000.
        check_write_and_roll_back(
            db,
            name,
            FactKind::Spendings,
            (
                "reference,cluster_code,spent_on,amount,category\n\
                 ,A,2025-02-02,10,x\n\
                 S9,A,2026-02-02,10,x\n\
                 S9,A,2025-02-02,ten,\n\
                 S8,A,2025-02-02,10,x\n\
                 S8,B,2025-02-02,10,x\n",
                vec![
                    (2, Some("reference"), "required"),
                    (
                        3,
                        Some("spent_on"),
                        "after today (2025-12-31): record a spending once it is made",
                    ),
                    (4, Some("category"), "required"),
                    (
                        4,
                        Some("amount"),
                        "not an amount above 0: write 1250.00 (no currency sign)",
                    ),
                    (4, Some("reference"), "this spending is also on line 3"),
                    (6, Some("reference"), "this spending is also on line 5"),
                ],
            ),
            (
                "reference,cluster_code,spent_on,amount,category\n\
                 S4,A,2025-09-09,450.00,catering\n\
                 S3,B,2025-03-03,6000.00,x\n\
                 S1,A,2025-01-10,1000.00,x\n",
                (1, 1, 1),
            ),
            || async {
                spending::Entity::find()
                    .order_by_asc(spending::Column::Id)
                    .all(db)
                    .await
                    .expect("spendings")
            },
        )
        .await;

        // Beta refers someone to Gamma; Alpha's referral of p goes to Gamma, not Beta.
        check_write_and_roll_back(
            db,
            name,
            FactKind::Referrals,
            (
                "from_cluster_code,prospect_name,referred_on,to_cluster_code\n\
                 A,p,2025-04-04,Z\n\
                 A,,2025-04-04,B\n\
                 A,s,2026-04-04,B\n",
                vec![
                    (2, Some("to_cluster_code"), "no cluster has this code"),
                    (
                        3,
                        Some("prospect_name"),
                        "required: whom the cluster referred",
                    ),
                    (
                        4,
                        Some("referred_on"),
                        "after today (2025-12-31): record a referral once it is made",
                    ),
                ],
            ),
            (
                "from_cluster_code,prospect_name,referred_on,to_cluster_code\n\
                 B,s,2025-08-08,C\n\
                 A,p,2025-04-04,C\n\
                 A,q,2025-05-05,A\n",
                (1, 1, 1),
            ),
            || async {
                referral::Entity::find()
                    .order_by_asc(referral::Column::Id)
                    .all(db)
                    .await
                    .expect("referrals")
            },
        )
        .await;
    }
}
