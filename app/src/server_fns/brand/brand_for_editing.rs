//! The brand as the editor opens it.

use leptos::prelude::*;

use crate::{error::AppError, models::brand::BrandTheme};

/// The stored brand, for the brand editor. Admins only.
#[server(endpoint = "brand/for-editing")]
pub async fn brand_for_editing() -> Result<BrandTheme, AppError> {
    crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    super::get_brand_theme::ssr::load(&db).await
}
