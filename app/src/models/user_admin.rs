//! Accounts as admins manage them.

use serde::{Deserialize, Serialize};

use crate::models::{account::Role, validation::Choice};

/// One account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    /// Id.
    pub id: i32,
    /// E-mail.
    pub email: String,
    /// Name.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// A leader's cluster (code and name).
    pub cluster: Option<String>,
    /// A member's member number.
    pub member_number: Option<String>,
    /// Whether the account can sign in.
    pub active: bool,
    /// The regions a staff user is limited to (ids); empty for the whole organization.
    pub regions: Vec<i32>,
}

/// The user administration page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserList {
    /// Every account.
    pub users: Vec<UserRow>,
    /// Clusters a leader can be given.
    pub clusters: Vec<Choice>,
    /// Regions staff can be limited to.
    pub regions: Vec<Choice>,
}

/// The regions a staff user is limited to, as the form sends them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RegionLimit {
    /// Region ids; none for the whole organization.
    #[serde(default)]
    pub regions: Vec<i32>,
}

/// A role with what it is tied to, as the form sends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleForm {
    /// The role.
    pub role: Role,
    /// A leader's cluster id.
    pub cluster: Option<i32>,
    /// A member's member number.
    pub member_number: Option<String>,
}

/// An invitation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InviteForm {
    /// E-mail.
    pub email: String,
    /// Name.
    pub display_name: String,
    /// Role and its tie.
    pub role: RoleForm,
}

/// A one-time link to set a password, shown to the admin once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResetLink {
    /// Whose.
    pub email: String,
    /// The path with its token (`/reset?token=…`).
    pub path: String,
}
