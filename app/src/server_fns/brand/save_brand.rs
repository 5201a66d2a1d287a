//! Saving the brand's name, colours and font.

use leptos::prelude::*;

use crate::{
    error::AppError,
    models::brand::{BrandForm, BrandTheme},
};

/// Checks the form (the same checks the editor ran in the browser, with WCAG AA contrast
/// in light mode; dark mode is derived to pass), stores it and returns the new brand.
/// Admins only.
#[server(endpoint = "brand/save")]
pub async fn save_brand(form: BrandForm) -> Result<BrandTheme, AppError> {
    use domain::brand_settings::{BrandChange, BrandSettings};

    use crate::{i18n::brand_problem, providers::locale::request_locale};

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let checked = form.check().map_err(|problems| {
        let locale = request_locale();
        AppError::Refused(problems.iter().map(|p| brand_problem(locale, p)).collect()).respond()
    })?;
    let change = BrandChange {
        organization_name: checked.organization_name,
        primary: checked.primary.hex(),
        accent: checked.accent.hex(),
        font: checked.font.key().to_owned(),
    };
    BrandSettings::save(
        &db,
        super::editor(&admin),
        &change,
        chrono::Utc::now().naive_utc(),
    )
    .await?;
    super::get_brand_theme::ssr::load(&db).await
}
