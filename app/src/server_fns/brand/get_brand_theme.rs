//! Reading the brand.

use leptos::prelude::*;

use crate::{error::AppError, models::brand::BrandTheme};

/// The organization's brand; no sign-in needed, nothing in it is private.
#[server(endpoint = "brand/theme")]
pub async fn get_brand_theme() -> Result<BrandTheme, AppError> {
    let db = crate::auth::database()?;
    ssr::load(&db).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! The stored brand as the pages use it, for this server function and the server's
    //! stylesheet and logo routes.

    use domain::{brand_settings::BrandSettings, sea_orm::DatabaseConnection};

    use crate::{
        error::AppError,
        models::brand::{BrandFont, BrandTheme, Rgb},
    };

    /// The product's name, until an organization names itself.
    const PRODUCT_NAME: &str = "MemberPulse";

    /// The stored brand, with the shipped value wherever none (or an unreadable one) is
    /// stored.
    pub async fn load(db: &DatabaseConnection) -> Result<BrandTheme, AppError> {
        let record = BrandSettings::load(db).await?;
        let shipped = BrandTheme::shipped(
            record
                .organization_name
                .filter(|name| !name.trim().is_empty())
                .unwrap_or_else(|| PRODUCT_NAME.to_owned()),
        );
        Ok(BrandTheme {
            primary: record
                .primary
                .as_deref()
                .and_then(Rgb::parse)
                .unwrap_or(shipped.primary),
            accent: record
                .accent
                .as_deref()
                .and_then(Rgb::parse)
                .unwrap_or(shipped.accent),
            font: record
                .font
                .as_deref()
                .and_then(BrandFont::from_key)
                .unwrap_or(shipped.font),
            logo: record
                .logo
                .map(|version| format!("/brand/logo?v={version}")),
            organization_name: shipped.organization_name,
        })
    }
}
