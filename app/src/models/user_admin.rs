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

impl UserList {
    /// The accounts as the list's download has them, in the reader's `locale`: name,
    /// e-mail, role, a leader's cluster, a member's number, a staff user's regions, status.
    pub fn download_table(&self, locale: crate::i18n::Locale) -> crate::models::chart::DataTable {
        use crate::i18n::{Msg, role_label, t};
        use crate::models::chart::{DataTable, TableCell};

        let region_names = |ids: &[i32]| {
            let names: Vec<&str> = self
                .regions
                .iter()
                .filter(|r| ids.iter().any(|id| id.to_string() == r.value))
                .map(|r| r.label.as_str())
                .collect();
            names.join(", ")
        };
        DataTable {
            columns: [
                Msg::NameLabel,
                Msg::EmailLabel,
                Msg::ColumnRole,
                Msg::ColumnCluster,
                Msg::ColumnMember,
                Msg::ColumnRegion,
                Msg::ColumnStatus,
            ]
            .into_iter()
            .map(|msg| t(locale, msg).to_owned())
            .collect(),
            rows: self
                .users
                .iter()
                .map(|user| {
                    let regions = if user.role != Role::Staff {
                        String::new()
                    } else if user.regions.is_empty() {
                        t(locale, Msg::AllRegions).to_owned()
                    } else {
                        region_names(&user.regions)
                    };
                    let status = if user.active {
                        Msg::Active
                    } else {
                        Msg::Inactive
                    };
                    [
                        user.display_name.clone(),
                        user.email.clone(),
                        role_label(locale, user.role).to_owned(),
                        user.cluster.clone().unwrap_or_default(),
                        user.member_number.clone().unwrap_or_default(),
                        regions,
                        t(locale, status).to_owned(),
                    ]
                    .into_iter()
                    .map(TableCell::Text)
                    .collect()
                })
                .collect(),
        }
    }
}
