//! The organization's brand as admins set it: name, colours and font are `settings` rows,
//! the logo is the newest `brand_logos` row. Every change is one transaction and a line in
//! the audit log (`auth_events`). Colours arrive checked by the caller (contrast rules
//! live with the palette in `app::models::brand`); the logo is checked here, by its bytes.

use chrono::NaiveDateTime;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

use crate::{
    DomainError,
    account::record,
    entity::{brand_logo, setting},
    settings::put,
};

/// The setting keys of the brand (the name predates the brand editor).
const NAME: &str = "organization_name";
const PRIMARY: &str = "brand_primary";
const ACCENT: &str = "brand_accent";
const FONT: &str = "brand_font";

/// The largest logo accepted, in bytes: enough for any sensible header logo.
pub const LOGO_MAX_BYTES: usize = 256 * 1024;

/// The brand as stored; `None` where the admin kept the shipped value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BrandRecord {
    /// The organization's name.
    pub organization_name: Option<String>,
    /// The primary colour, `#rrggbb`.
    pub primary: Option<String>,
    /// The accent colour, `#rrggbb`.
    pub accent: Option<String>,
    /// The font key.
    pub font: Option<String>,
    /// The id of the current logo, which versions its URL.
    pub logo: Option<i32>,
}

/// A checked change of name, colours and font.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrandChange {
    /// The organization's name.
    pub organization_name: String,
    /// The primary colour, `#rrggbb`.
    pub primary: String,
    /// The accent colour, `#rrggbb`.
    pub accent: String,
    /// The font key.
    pub font: String,
}

/// Who changes the brand, for the audit log.
#[derive(Clone, Copy, Debug)]
pub struct BrandEditor<'a> {
    /// The admin's user id.
    pub user_id: i32,
    /// The admin's e-mail.
    pub email: &'a str,
}

/// A stored logo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrandLogo {
    /// Its id (the version in its URL).
    pub id: i32,
    /// Its media type, found from its bytes.
    pub content_type: String,
    /// The image.
    pub bytes: Vec<u8>,
}

/// Reading and changing the brand.
pub struct BrandSettings;

impl BrandSettings {
    /// The stored brand.
    pub async fn load(db: &DatabaseConnection) -> Result<BrandRecord, DomainError> {
        let rows = setting::Entity::find()
            .filter(setting::Column::Key.is_in([NAME, PRIMARY, ACCENT, FONT]))
            .all(db)
            .await?;
        let value = |key: &str| {
            rows.iter()
                .find(|row| row.key == key)
                .map(|row| row.value.clone())
        };
        let logo = brand_logo::Entity::find()
            .select_only()
            .column(brand_logo::Column::Id)
            .order_by_desc(brand_logo::Column::Id)
            .into_tuple::<i32>()
            .one(db)
            .await?;
        Ok(BrandRecord {
            organization_name: value(NAME),
            primary: value(PRIMARY),
            accent: value(ACCENT),
            font: value(FONT),
            logo,
        })
    }

    /// Stores name, colours and font together.
    pub async fn save(
        db: &DatabaseConnection,
        editor: BrandEditor<'_>,
        change: &BrandChange,
        at: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let txn = db.begin().await?;
        for (key, value) in [
            (NAME, &change.organization_name),
            (PRIMARY, &change.primary),
            (ACCENT, &change.accent),
            (FONT, &change.font),
        ] {
            put(&txn, key, value).await?;
        }
        let detail = format!(
            "name {:?}, primary {}, accent {}, font {}",
            change.organization_name, change.primary, change.accent, change.font
        );
        record(
            &txn,
            Some(editor.user_id),
            editor.email,
            "brand_changed",
            Some(detail),
            at,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Goes back to the shipped colours, font and mark; the organization's name stays.
    pub async fn restore_shipped(
        db: &DatabaseConnection,
        editor: BrandEditor<'_>,
        at: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let txn = db.begin().await?;
        setting::Entity::delete_many()
            .filter(setting::Column::Key.is_in([PRIMARY, ACCENT, FONT]))
            .exec(&txn)
            .await?;
        brand_logo::Entity::delete_many().exec(&txn).await?;
        record(
            &txn,
            Some(editor.user_id),
            editor.email,
            "brand_restored",
            None,
            at,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The current logo, if one was uploaded.
    pub async fn logo(db: &DatabaseConnection) -> Result<Option<BrandLogo>, DomainError> {
        let row = brand_logo::Entity::find()
            .order_by_desc(brand_logo::Column::Id)
            .one(db)
            .await?;
        Ok(row.map(|row| BrandLogo {
            id: row.id,
            content_type: row.content_type,
            bytes: row.bytes,
        }))
    }

    /// Stores a new logo after checking its size and that its bytes are an image this
    /// product serves (PNG, JPEG, WebP, GIF or SVG); returns its id.
    pub async fn upload_logo(
        db: &DatabaseConnection,
        editor: BrandEditor<'_>,
        bytes: Vec<u8>,
        at: NaiveDateTime,
    ) -> Result<i32, DomainError> {
        let content_type = check_logo(&bytes)
            .map_err(|problem| DomainError::Refused(vec![format!("logo: {problem}")]))?;
        let size = bytes.len();
        let txn = db.begin().await?;
        brand_logo::Entity::delete_many().exec(&txn).await?;
        let row = brand_logo::ActiveModel {
            content_type: Set(content_type.to_owned()),
            bytes: Set(bytes),
            uploaded_by: Set(editor.email.to_owned()),
            uploaded_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let detail = format!("{content_type}, {size} bytes");
        record(
            &txn,
            Some(editor.user_id),
            editor.email,
            "logo_uploaded",
            Some(detail),
            at,
        )
        .await?;
        txn.commit().await?;
        Ok(row.id)
    }

    /// Removes the logo; the product's mark shows again.
    pub async fn remove_logo(
        db: &DatabaseConnection,
        editor: BrandEditor<'_>,
        at: NaiveDateTime,
    ) -> Result<(), DomainError> {
        let txn = db.begin().await?;
        brand_logo::Entity::delete_many().exec(&txn).await?;
        record(
            &txn,
            Some(editor.user_id),
            editor.email,
            "logo_removed",
            None,
            at,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// Why a logo file is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LogoProblem {
    /// No bytes at all (often: no file was chosen).
    #[error("the file is empty; choose an image file")]
    Empty,
    /// Larger than [`LOGO_MAX_BYTES`].
    #[error("the file has {kilobytes} KB; at most {} KB are accepted", LOGO_MAX_BYTES / 1024)]
    TooLarge {
        /// Its size, rounded up to whole KB.
        kilobytes: usize,
    },
    /// Not an image type the product serves.
    #[error("the file is not a PNG, JPEG, WebP, GIF or SVG image")]
    NotAnImage,
}

/// The logo's media type if it can be stored, else why not.
pub fn check_logo(bytes: &[u8]) -> Result<&'static str, LogoProblem> {
    if bytes.is_empty() {
        return Err(LogoProblem::Empty);
    }
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(LogoProblem::TooLarge {
            kilobytes: bytes.len().div_ceil(1024),
        });
    }
    image_type(bytes).ok_or(LogoProblem::NotAnImage)
}

/// The media type of an image, from its first bytes; `None` for anything else. What the
/// uploader's browser claimed is never trusted.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(b"\xff\xd8\xff") {
        return Some("image/jpeg");
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some("image/gif");
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some("image/webp");
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let text = head.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with('<') && text.contains("<svg")).then_some("image/svg+xml")
}
