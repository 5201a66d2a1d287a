//! One demo account per role, for the demo install only: an admin, a staff user, the
//! leader of the first cluster and one of its active members.

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::DomainError;
use crate::account::{Accounts, NewUser, Role};
use crate::entity::{cluster, membership};

/// A demo account as created: the password is shown once and never stored in clear.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    /// Role.
    pub role: Role,
    /// Sign-in e-mail.
    pub email: String,
    /// The password.
    pub password: String,
}

/// Creates the four demo accounts; `password` gives each one its password.
pub async fn create_demo_accounts(
    db: &DatabaseConnection,
    today: NaiveDate,
    now: NaiveDateTime,
    mut password: impl FnMut() -> String,
) -> Result<Vec<DemoAccount>, DomainError> {
    let first_cluster = cluster::Entity::find()
        .order_by_asc(cluster::Column::Id)
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Invalid("the demo has no clusters".into()))?;
    let member = membership::Entity::find()
        .filter(membership::Column::ClusterId.eq(first_cluster.id))
        .filter(membership::Column::StartDate.lte(today))
        .filter(
            Condition::any()
                .add(membership::Column::EndDate.is_null())
                .add(membership::Column::EndDate.gte(today)),
        )
        .order_by_asc(membership::Column::MemberId)
        .one(db)
        .await?
        .ok_or_else(|| {
            DomainError::Invalid(format!(
                "the demo cluster {} has no active member",
                first_cluster.code
            ))
        })?;
    let accounts = [
        (Role::Admin, "admin", "Demo Admin", None, None),
        (Role::Staff, "staff", "Demo Staff", None, None),
        (
            Role::Leader,
            "leader",
            "Demo Leader",
            Some(first_cluster.id),
            None,
        ),
        (
            Role::Member,
            "member",
            "Demo Member",
            None,
            Some(member.member_id),
        ),
    ];
    let mut created = Vec::new();
    for (role, name, display_name, cluster_id, member_id) in accounts {
        let email = format!("{name}@demo.memberpulse.test");
        let password = password();
        Accounts::create_user(
            db,
            "demo install",
            NewUser {
                email: email.clone(),
                display_name: display_name.into(),
                role,
                cluster_id,
                member_id,
                password: password.clone(),
            },
            now,
        )
        .await?;
        created.push(DemoAccount {
            role,
            email,
            password,
        });
    }
    Ok(created)
}
