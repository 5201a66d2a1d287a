//! `server users create-admin`: the first administrator of a production install.

use chrono::Utc;
use domain::{
    account::{Accounts, NewUser, Role, generate_password},
    database::{self, DatabaseUrl},
};

use crate::{config::UsersAction, error::StartupError};

/// Runs an account action.
pub async fn run(url: &DatabaseUrl, action: UsersAction) -> Result<(), StartupError> {
    let db = database::open(url).await?;
    match action {
        UsersAction::CreateAdmin {
            email,
            name,
            password,
        } => {
            let generated = password.is_none();
            let password = password.unwrap_or_else(generate_password);
            let user = Accounts::create_user(
                &db,
                "server users create-admin",
                NewUser {
                    email,
                    display_name: name,
                    role: Role::Admin,
                    cluster_id: None,
                    member_id: None,
                    password: password.clone(),
                },
                Utc::now().naive_utc(),
            )
            .await?;
            println!("administrator {} created", user.email);
            if generated {
                println!("password (shown once, change it after signing in): {password}");
            }
            Ok(())
        }
    }
}
