//! API tokens as the admin page shows them: which integration, what it may do, when it
//! was last used, and the secret once, right after it is created.

use serde::{Deserialize, Serialize};

/// What a token may do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenAccess {
    /// Read clusters, metrics and KPI values.
    #[default]
    Read,
    /// Read, and push facts.
    Write,
}

/// One token in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenRow {
    /// The token's id.
    pub id: i32,
    /// The integration it is for.
    pub name: String,
    /// The secret's first characters, to tell tokens apart.
    pub prefix: String,
    /// What it may do.
    pub access: TokenAccess,
    /// Who created it, and when (formatted for the reader).
    pub created: String,
    /// When it was last used (formatted), if ever.
    pub last_used: Option<String>,
    /// When and by whom it was revoked (formatted), if it was.
    pub revoked: Option<String>,
}

/// What the admin asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApiToken {
    /// The integration's name.
    pub name: String,
    /// What it may do.
    pub access: TokenAccess,
}

/// A token just created, with its secret, shown this once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedApiToken {
    /// The integration's name.
    pub name: String,
    /// The secret to send as `Authorization: Bearer …`.
    pub secret: String,
}

/// The tokens as the list's download has them, in the reader's `locale`: the page's
/// columns, the status spelled out.
pub fn tokens_table(
    tokens: &[ApiTokenRow],
    locale: crate::i18n::Locale,
) -> crate::models::chart::DataTable {
    use crate::i18n::{Msg, t};
    use crate::models::chart::{DataTable, TableCell};
    use crate::pages::admin::api_tokens::access_label;

    DataTable {
        columns: [
            Msg::ApiTokenNameLabel,
            Msg::ColumnAccess,
            Msg::ColumnToken,
            Msg::ColumnCreated,
            Msg::ColumnLastUsed,
            Msg::ColumnStatus,
        ]
        .into_iter()
        .map(|msg| t(locale, msg).to_owned())
        .collect(),
        rows: tokens
            .iter()
            .map(|token| {
                let status = match &token.revoked {
                    Some(revoked) => format!("{} {revoked}", t(locale, Msg::ApiTokenRevokedOn)),
                    None => t(locale, Msg::ApiTokenActive).to_owned(),
                };
                [
                    token.name.clone(),
                    access_label(locale, token.access).to_owned(),
                    format!("{}…", token.prefix),
                    token.created.clone(),
                    token
                        .last_used
                        .clone()
                        .unwrap_or_else(|| t(locale, Msg::ApiTokenNeverUsed).to_owned()),
                    status,
                ]
                .into_iter()
                .map(TableCell::Text)
                .collect()
            })
            .collect(),
    }
}
