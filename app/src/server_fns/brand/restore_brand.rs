//! Restoring the shipped look.

use leptos::prelude::*;

use crate::{error::AppError, models::brand::BrandTheme};

/// Goes back to the shipped colours, font and mark (the organization's name stays) and
/// returns the brand. Admins only.
#[server(endpoint = "brand/restore")]
pub async fn restore_brand() -> Result<BrandTheme, AppError> {
    use domain::brand_settings::BrandSettings;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    BrandSettings::restore_shipped(&db, super::editor(&admin), chrono::Utc::now().naive_utc())
        .await?;
    super::get_brand_theme::ssr::load(&db).await
}
