//! Who is signed in, as the pages and server functions see it.

use serde::{Deserialize, Serialize};

use crate::models::ids::{ClusterId, MemberId};

/// What a user may see and do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Everything, including users and settings.
    Admin,
    /// Every cluster's data; validates KPIs and self-reports.
    Staff,
    /// One cluster's data.
    Leader,
    /// Their own data and their cluster's aggregates.
    Member,
}

impl Role {
    /// Whether the role works on the whole organization's data (staff pages).
    pub fn is_staff(self) -> bool {
        matches!(self, Self::Admin | Self::Staff)
    }
}

/// The signed-in user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    /// Account id.
    pub id: i32,
    /// E-mail address (the sign-in name).
    pub email: String,
    /// Name shown in the app and the audit logs.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// The cluster a leader leads.
    pub cluster: Option<ClusterId>,
    /// A member's own member record.
    pub member: Option<MemberId>,
}

#[cfg(feature = "ssr")]
impl From<domain::entity::user::Model> for CurrentUser {
    fn from(user: domain::entity::user::Model) -> Self {
        use domain::entity::user::Role as Stored;
        Self {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
            role: match user.role {
                Stored::Admin => Role::Admin,
                Stored::Staff => Role::Staff,
                Stored::Leader => Role::Leader,
                Stored::Member => Role::Member,
            },
            cluster: user.cluster_id.map(ClusterId),
            member: user.member_id.map(MemberId),
        }
    }
}
