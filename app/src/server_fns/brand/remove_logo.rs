//! Removing the logo.

use leptos::prelude::*;

use crate::{error::AppError, models::brand::BrandTheme};

/// Removes the uploaded logo (the product's mark shows again) and returns the brand.
/// Admins only.
#[server(endpoint = "brand/remove-logo")]
pub async fn remove_logo() -> Result<BrandTheme, AppError> {
    use domain::brand_settings::BrandSettings;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    BrandSettings::remove_logo(&db, super::editor(&admin), chrono::Utc::now().naive_utc()).await?;
    super::get_brand_theme::ssr::load(&db).await
}
