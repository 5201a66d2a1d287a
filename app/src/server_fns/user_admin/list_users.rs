//! Every account, for admins.

use leptos::prelude::*;

use crate::{error::AppError, models::user_admin::UserList};

/// Every account with its role and ties, and the clusters to choose from. Admins only.
#[server(endpoint = "users/list")]
pub async fn list_users() -> Result<UserList, AppError> {
    use std::collections::HashMap;

    use domain::{
        entity::{cluster, member, region},
        sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder},
        user_administration::UserAdministration,
    };

    use crate::models::{account::CurrentUser, user_admin::UserRow, validation::Choice};

    crate::auth::require_admin()?;
    let db = crate::auth::database()?;
    let users = UserAdministration::list(&db).await?;
    let mut limits = UserAdministration::all_regions(&db).await?;
    let regions = region::Entity::find()
        .order_by_asc(region::Column::Name)
        .all(&db)
        .await?;
    let clusters = cluster::Entity::find()
        .order_by_asc(cluster::Column::Code)
        .all(&db)
        .await?;
    let cluster_names: HashMap<i32, String> = clusters
        .iter()
        .map(|c| (c.id, format!("{} · {}", c.code, c.name)))
        .collect();
    let member_ids: Vec<i32> = users.iter().filter_map(|u| u.member_id).collect();
    let numbers: HashMap<i32, String> = member::Entity::find()
        .filter(member::Column::Id.is_in(member_ids))
        .all(&db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.member_number))
        .collect();
    Ok(UserList {
        users: users
            .into_iter()
            .map(|u| UserRow {
                id: u.id,
                cluster: u.cluster_id.and_then(|c| cluster_names.get(&c).cloned()),
                member_number: u.member_id.and_then(|m| numbers.get(&m).cloned()),
                active: u.active,
                regions: limits.remove(&u.id).unwrap_or_default(),
                email: u.email.clone(),
                display_name: u.display_name.clone(),
                role: CurrentUser::from(u).role,
            })
            .collect(),
        clusters: clusters
            .into_iter()
            .map(|c| Choice {
                value: c.id.to_string(),
                label: format!("{} · {}", c.code, c.name),
            })
            .collect(),
        regions: regions
            .into_iter()
            .map(|r| Choice {
                value: r.id.to_string(),
                label: r.name,
            })
            .collect(),
    })
}
