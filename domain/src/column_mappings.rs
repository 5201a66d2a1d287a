//! The column mapping remembered per kind of file: when staff match a file's headers to
//! a kind's columns and import it, the mapping is kept, so the next file from the same
//! source (a CRM's export with its own headers) is read the same way without asking again.

use crate::DomainError;
use crate::fact_file::ColumnMapping;
use crate::fact_import::FactKind;
use crate::settings;

/// Remembered column mappings.
pub struct ColumnMappings;

impl ColumnMappings {
    /// The mapping remembered for `kind`; empty when none is.
    pub async fn remembered<C: sea_orm::ConnectionTrait>(
        db: &C,
        kind: FactKind,
    ) -> Result<ColumnMapping, DomainError> {
        let Some(text) = settings::get(db, &key(kind)).await? else {
            return Ok(ColumnMapping::default());
        };
        // A mapping that no longer reads is forgotten rather than fatal: staff map again.
        let pairs: Vec<(String, Option<String>)> = serde_json::from_str(&text).unwrap_or_default();
        Ok(ColumnMapping::new(pairs))
    }

    /// Remembers `mapping` for `kind`, replacing what was.
    pub async fn remember<C: sea_orm::ConnectionTrait>(
        db: &C,
        kind: FactKind,
        mapping: &ColumnMapping,
    ) -> Result<(), DomainError> {
        let text = serde_json::to_string(&mapping.pairs())
            .map_err(|e| DomainError::Invalid(format!("column mapping: {e}")))?;
        settings::put(db, &key(kind), &text).await
    }
}

/// The setting that holds `kind`'s mapping.
fn key(kind: FactKind) -> String {
    format!("import_columns.{}", kind.layout().kind)
}
