//! Changing a user's role.

use leptos::prelude::*;

use crate::{error::AppError, models::user_admin::RoleForm};

/// Gives `user` the role (a leader their cluster, a member their member record by
/// number); their sessions end. Admins only.
#[server(endpoint = "users/role")]
pub async fn change_user_role(user: i32, role: RoleForm) -> Result<(), AppError> {
    use domain::user_administration::UserAdministration;

    let admin = crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let assignment = ssr::assignment(&db, &role).await?;
    let actor = format!("{} <{}>", admin.display_name, admin.email);
    UserAdministration::set_role(
        &db,
        &actor,
        user,
        assignment,
        chrono::Utc::now().naive_utc(),
    )
    .await?;
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use domain::{
        account::Role as Stored,
        entity::member,
        sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter},
        user_administration::RoleAssignment,
    };

    use crate::{
        error::AppError,
        models::{account::Role, user_admin::RoleForm},
    };

    /// The stored role assignment of a form, the member found by number.
    pub async fn assignment(
        db: &DatabaseConnection,
        form: &RoleForm,
    ) -> Result<RoleAssignment, AppError> {
        let member_id = match form.member_number.as_deref().map(str::trim) {
            Some(number) if !number.is_empty() && form.role == Role::Member => {
                let found = member::Entity::find()
                    .filter(member::Column::MemberNumber.eq(number))
                    .one(db)
                    .await?;
                match found {
                    Some(m) => Some(m.id),
                    None => {
                        return Err(AppError::Refused(vec![format!(
                            "member: there is no member number {number:?}"
                        )])
                        .respond());
                    }
                }
            }
            _ => None,
        };
        Ok(RoleAssignment {
            role: match form.role {
                Role::Admin => Stored::Admin,
                Role::Staff => Stored::Staff,
                Role::Leader => Stored::Leader,
                Role::Member => Stored::Member,
            },
            cluster_id: form.cluster.filter(|_| form.role == Role::Leader),
            member_id,
        })
    }
}
