//! The kinds of file the import reads.

use leptos::prelude::*;

use crate::{error::AppError, models::fact_import::ImportKind};

/// Every kind of file the import reads, with its columns (the page's templates). Staff only.
#[server(endpoint = "import/kinds")]
pub async fn get_import_kinds() -> Result<Vec<ImportKind>, AppError> {
    use domain::attendance_import::{OPTIONAL_COLUMNS, REQUIRED_COLUMNS};

    crate::auth::require_organization_staff()?;
    let names = |columns: &[&str]| columns.iter().map(|c| (*c).to_owned()).collect();
    Ok(vec![ImportKind {
        key: "attendances".into(),
        required: names(REQUIRED_COLUMNS),
        optional: names(OPTIONAL_COLUMNS),
    }])
}
