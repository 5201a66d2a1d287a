//! `api_tokens`: the tokens integrations call `/api/v1` with, found by the SHA-256 of
//! their secret.

use sea_orm::entity::prelude::*;

/// What a token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
pub enum ApiAccess {
    /// Read clusters, metrics and KPI values.
    #[sea_orm(string_value = "read")]
    Read,
    /// Read, and push facts.
    #[sea_orm(string_value = "write")]
    Write,
}

/// An API token.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_tokens")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub prefix: String,
    pub access: ApiAccess,
    pub created_by: String,
    pub created_at: DateTime,
    pub last_used_at: Option<DateTime>,
    pub revoked_at: Option<DateTime>,
    pub revoked_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
