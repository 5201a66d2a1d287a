//! `users`: who can sign in, with which role, tied to which cluster or member.

use sea_orm::entity::prelude::*;

/// What a user may see and do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Role {
    /// Everything, including users and settings.
    #[sea_orm(string_value = "admin")]
    Admin,
    /// Every cluster's data; validates KPIs and self-reports.
    #[sea_orm(string_value = "staff")]
    Staff,
    /// One cluster's data.
    #[sea_orm(string_value = "leader")]
    Leader,
    /// Their own data and their cluster's aggregates.
    #[sea_orm(string_value = "member")]
    Member,
}

/// A user account.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub cluster_id: Option<i32>,
    pub member_id: Option<i32>,
    pub password_hash: String,
    pub active: bool,
    pub failed_sign_ins: i32,
    pub locked_until: Option<DateTime>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
