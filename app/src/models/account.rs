//! Who is signed in, as the pages and server functions see it.

use serde::{Deserialize, Serialize};

use crate::models::ids::{ClusterId, MemberId, RegionId};

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
    /// The regions a staff user is limited to; empty for the whole organization.
    #[serde(default)]
    pub regions: Vec<RegionId>,
}

impl CurrentUser {
    /// Whether the user works on every region (an admin, or staff not limited to regions).
    pub fn whole_organization(&self) -> bool {
        self.role == Role::Admin || (self.role == Role::Staff && self.regions.is_empty())
    }

    /// Whether a staff user may work on the clusters and members of `region`.
    pub fn covers_region(&self, region: RegionId) -> bool {
        self.whole_organization() || (self.role == Role::Staff && self.regions.contains(&region))
    }

    /// The regions a staff list is limited to: `None` for the whole organization.
    pub fn region_scope(&self) -> Option<&[RegionId]> {
        (!self.whole_organization()).then_some(self.regions.as_slice())
    }
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
            regions: Vec::new(),
        }
    }
}
