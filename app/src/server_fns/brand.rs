//! Server functions of the brand: everyone reads it (the sign-in page is branded too);
//! admins change it.

pub mod brand_for_editing;
pub mod get_brand_theme;
pub mod remove_logo;
pub mod restore_brand;
pub mod save_brand;

/// The signed-in admin as the brand's audit log names them.
#[cfg(feature = "ssr")]
fn editor(admin: &crate::models::account::CurrentUser) -> domain::brand_settings::BrandEditor<'_> {
    domain::brand_settings::BrandEditor {
        user_id: admin.id,
        email: &admin.email,
    }
}
