//! Admins set the brand: name, colours and font saved together, the shipped look restored,
//! a logo checked by its bytes; every change audited, a refused logo changing nothing. On
//! every test database.

mod support;

use chrono::NaiveDateTime;
use domain::DomainError;
use domain::brand_settings::{
    BrandChange, BrandEditor, BrandRecord, BrandSettings, LOGO_MAX_BYTES, image_type,
};
use domain::entity::auth_event;
use domain::sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

const EDITOR: BrandEditor<'static> = BrandEditor {
    user_id: 1,
    email: "root@example.test",
};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn change() -> BrandChange {
    BrandChange {
        organization_name: "Northwind Entrepreneurs".into(),
        primary: "#8a1538".into(),
        accent: "#005f73".into(),
        font: "serif".into(),
    }
}

async fn audit(db: &DatabaseConnection) -> Vec<String> {
    auth_event::Entity::find()
        .filter(auth_event::Column::Email.eq(EDITOR.email))
        .order_by_asc(auth_event::Column::Id)
        .all(db)
        .await
        .expect("audit log")
        .into_iter()
        .map(|row| row.event)
        .collect()
}

fn refused<T: std::fmt::Debug>(result: Result<T, DomainError>) -> String {
    match result {
        Err(DomainError::Refused(problems)) => problems.join("\n"),
        other => panic!("must be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn a_saved_brand_is_read_back_and_restoring_keeps_only_the_name() {
    for db in support::databases().await {
        let fresh = BrandSettings::load(&db.conn).await.expect("load");
        assert_eq!(fresh.primary, None, "{}", db.name);
        assert_eq!(fresh.logo, None, "{}", db.name);

        BrandSettings::save(&db.conn, EDITOR, &change(), now())
            .await
            .expect("save");
        // A second save replaces rather than duplicates.
        let mut second = change();
        second.primary = "#1d4ed8".into();
        BrandSettings::save(&db.conn, EDITOR, &second, now())
            .await
            .expect("save again");
        let logo = BrandSettings::upload_logo(&db.conn, EDITOR, PNG.to_vec(), now())
            .await
            .expect("logo");
        assert_eq!(
            BrandSettings::load(&db.conn).await.expect("load"),
            BrandRecord {
                organization_name: Some("Northwind Entrepreneurs".into()),
                primary: Some("#1d4ed8".into()),
                accent: Some("#005f73".into()),
                font: Some("serif".into()),
                logo: Some(logo),
            },
            "{}",
            db.name
        );

        BrandSettings::restore_shipped(&db.conn, EDITOR, now())
            .await
            .expect("restore");
        assert_eq!(
            BrandSettings::load(&db.conn).await.expect("load"),
            BrandRecord {
                organization_name: Some("Northwind Entrepreneurs".into()),
                ..BrandRecord::default()
            },
            "{}",
            db.name
        );
        assert_eq!(
            audit(&db.conn).await,
            [
                "brand_changed",
                "brand_changed",
                "logo_uploaded",
                "brand_restored"
            ],
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn a_new_logo_replaces_the_old_with_a_new_version_and_can_be_removed() {
    for db in support::databases().await {
        let first = BrandSettings::upload_logo(&db.conn, EDITOR, PNG.to_vec(), now())
            .await
            .expect("first");
        let svg = b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
        let second = BrandSettings::upload_logo(&db.conn, EDITOR, svg.clone(), now())
            .await
            .expect("second");
        assert!(second > first, "{}", db.name);
        let logo = BrandSettings::logo(&db.conn)
            .await
            .expect("logo")
            .expect("a logo");
        assert_eq!(
            (logo.id, logo.content_type.as_str()),
            (second, "image/svg+xml")
        );
        assert_eq!(logo.bytes, svg, "{}", db.name);

        BrandSettings::remove_logo(&db.conn, EDITOR, now())
            .await
            .expect("remove");
        assert_eq!(BrandSettings::logo(&db.conn).await.expect("logo"), None);
    }
}

#[tokio::test]
async fn a_refused_logo_says_why_and_keeps_the_old_one() {
    for db in support::databases().await {
        let kept = BrandSettings::upload_logo(&db.conn, EDITOR, PNG.to_vec(), now())
            .await
            .expect("logo");
        let empty = refused(BrandSettings::upload_logo(&db.conn, EDITOR, Vec::new(), now()).await);
        assert!(empty.contains("empty"), "{empty}");
        let mut large = PNG.to_vec();
        large.resize(LOGO_MAX_BYTES + 1, 0);
        let large = refused(BrandSettings::upload_logo(&db.conn, EDITOR, large, now()).await);
        assert!(large.contains("at most 256 KB"), "{large}");
        let text = refused(
            BrandSettings::upload_logo(&db.conn, EDITOR, b"name,cluster\n".to_vec(), now()).await,
        );
        assert!(text.contains("not a PNG, JPEG, WebP, GIF or SVG"), "{text}");

        let logo = BrandSettings::logo(&db.conn)
            .await
            .expect("logo")
            .expect("kept");
        assert_eq!(logo.id, kept, "{}", db.name);
        assert_eq!(audit(&db.conn).await, ["logo_uploaded"], "{}", db.name);
    }
}

#[test]
fn image_types_come_from_the_bytes() {
    assert_eq!(image_type(PNG), Some("image/png"));
    assert_eq!(
        image_type(b"\xff\xd8\xff\xe0\0\x10JFIF"),
        Some("image/jpeg")
    );
    assert_eq!(image_type(b"GIF89a\x01\0"), Some("image/gif"));
    assert_eq!(image_type(b"RIFF\x24\0\0\0WEBPVP8 "), Some("image/webp"));
    assert_eq!(
        image_type(b"\xef\xbb\xbf  <svg viewBox='0 0 1 1'/>"),
        Some("image/svg+xml")
    );
    assert_eq!(image_type(b"<html><body>hello</body></html>"), None);
    assert_eq!(image_type(b"%PDF-1.7"), None);
}
